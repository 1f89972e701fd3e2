/** Frequent function words: enough of them in a text tells Indonesian from English. */
const INDONESIAN = new Set([
  'yang', 'dan', 'di', 'dengan', 'untuk', 'dari', 'ini', 'itu', 'tidak', 'dalam', 'akan', 'pada', 'juga',
  'ke', 'karena', 'oleh', 'adalah', 'atau', 'sudah', 'telah', 'kami', 'mereka', 'bahwa', 'para', 'saat',
]);
const ENGLISH = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'are', 'as', 'by', 'this', 'it',
  'be', 'have', 'from', 'at', 'which', 'were', 'has', 'their', 'not',
]);

const MAX_STOP_WORD = Math.max(...[...INDONESIAN, ...ENGLISH].map((w) => w.length));

const LETTER = /\p{L}/uy;

/** Length in code units of the letter at `i`, else 0 (ASCII decided without the regex). */
function letterAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 1 : 0;
  LETTER.lastIndex = i;
  return LETTER.test(s) ? LETTER.lastIndex - i : 0;
}

/** Hits needed before a guess is made at all. */
const MIN_HITS = 3;

/**
 * Guesses `id` or `en` from stop-word counts in the first few thousand words; null when neither
 * language has enough evidence or both look alike.
 */
export function guessLanguage(text: string): string | null {
  const lower = text.slice(0, 20_000).toLowerCase();
  let id = 0;
  let en = 0;
  // The words are the maximal runs of letters (`/\p{L}+/gu`). The stop words are short and ASCII: only such runs
  // are looked up, so that the others need no string of their own.
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let ascii = true;
    for (let len = letterAt(lower, i); len; len = i < n ? letterAt(lower, i) : 0) {
      if (len > 1 || lower.charCodeAt(i) >= 128) ascii = false;
      i += len;
    }
    if (i === start) {
      i++;
      continue;
    }
    if (!ascii || i - start > MAX_STOP_WORD) continue;
    const w = lower.slice(start, i);
    if (INDONESIAN.has(w)) id++;
    if (ENGLISH.has(w)) en++;
  }
  if (Math.max(id, en) < MIN_HITS) return null;
  if (id > en * 1.5) return 'id';
  if (en > id * 1.5) return 'en';
  return null;
}

/**
 * Reduces a language tag from a page (`id-ID`, `id_ID`, `in`, `en-US`) to its lowercase primary
 * subtag; `in` is the withdrawn code for Indonesian.
 */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().split(/[-_,;\s]/)[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return null;
  return primary === 'in' ? 'id' : primary;
}
