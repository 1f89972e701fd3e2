/**
 * The article-extraction benchmark's own metric: multisets of 4-token shingles compared per page,
 * counts normalised per page, precision and recall averaged over pages.
 */

/** Python's `\w+` under re.UNICODE, as a JS regex. */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Splits text into `\w+` tokens. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/**
 * Multiset of n-token shingles. Like the reference implementation, a text shorter than n tokens
 * yields one shingle made of all its tokens, and an empty text yields none.
 */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** Shingle TP/FP/FN for one page, normalised so that tp + fp + fn = 1 (all 0 when both are empty). */
export function pageCounts(truth: string, predicted: string, n = 4): PageCounts {
  const t = shingles(truth, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, c] of p) {
    const tc = t.get(s) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [s, c] of t) fn += Math.max(0, c - (p.get(s) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/**
 * Mean precision and recall over pages. A page with no predicted shingles is left out of precision,
 * one with no true shingles out of recall.
 */
export function score(pages: PageCounts[]): Score {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const { tp, fp, fn } of pages) {
    if (tp + fp > 0) ps.push(tp / (tp + fp));
    if (tp + fn > 0) rs.push(tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}
