import type { ArticleRecord, Commitment } from '../types/record.js';
import type { GoldCommitment, GoldRecord } from './corpus.js';

/** Precision / recall / F1 from counts. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  // An empty side scores 1: nothing predicted and nothing expected is a perfect answer.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** The fields scored, in report order. */
export const FIELDS = ['relevance', 'region', 'officials', 'circulars', 'measures', 'event_date'] as const;
export type Field = (typeof FIELDS)[number];

/** One disagreement between prediction and gold, for `--verbose`. */
export interface Disagreement {
  id: string;
  field: Field;
  kind: 'missed' | 'spurious' | 'wrong';
  expected?: string;
  predicted?: string;
}

/** Counts for one article; summed over a corpus. */
export interface Counts {
  relevance: [number, number, number];
  region: [number, number, number];
  officials: [number, number, number];
  circulars: [number, number, number];
  measures: [number, number, number];
  /** correct, total */
  event_date: [number, number];
}

export function emptyCounts(): Counts {
  return {
    relevance: [0, 0, 0],
    region: [0, 0, 0],
    officials: [0, 0, 0],
    circulars: [0, 0, 0],
    measures: [0, 0, 0],
    event_date: [0, 0],
  };
}

const TITLE_TOKENS = new Set(
  [
    'dr', 'drs', 'dra', 'ir', 'h', 'hj', 'prof', 'kh', 'drg', 'tgk', 'ust', 'apt', 'ns',
    'ssos', 'spd', 'sh', 'se', 'sip', 'sstp', 'skom', 'st', 'sag', 'shut', 'skep', 'skm', 'sp', 'ssi', 'mm',
    'msi', 'msc', 'mh', 'mpd', 'map', 'mkes', 'mt', 'mhum', 'mag', 'mba', 'mph', 'phd', 'lc', 'cpa', 'mec', 'mkn',
  ],
);

/** Name key for matching: lowercase, punctuation dropped, titles and degrees dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[\s,]+/)
    .map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((t) => t && !TITLE_TOKENS.has(t))
    .join(' ');
}

/** Circular key: case, spaces and a leading "Nomor"/"No." ignored. */
export function circularKey(n: string): string {
  return n
    .replace(/^\s*(nomor|no\.?)\s*[:.]?\s*/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

function setCompare(
  id: string,
  field: Field,
  expected: string[],
  predicted: string[],
  counts: [number, number, number],
  out: Disagreement[],
): void {
  const exp = new Set(expected);
  const pred = new Set(predicted);
  for (const p of pred) {
    if (exp.has(p)) counts[0]++;
    else {
      counts[1]++;
      out.push({ id, field, kind: 'spurious', predicted: p });
    }
  }
  for (const e of exp) {
    if (!pred.has(e)) {
      counts[2]++;
      out.push({ id, field, kind: 'missed', expected: e });
    }
  }
}

function compareOfficials(
  id: string,
  gold: string[][],
  predicted: string[],
  counts: [number, number, number],
  out: Disagreement[],
): void {
  const used = new Set<number>();
  for (const person of gold) {
    const keys = new Set(person.map(nameKey));
    const hit = predicted.findIndex((p, i) => !used.has(i) && keys.has(nameKey(p)));
    if (hit >= 0) {
      used.add(hit);
      counts[0]++;
    } else {
      counts[2]++;
      out.push({ id, field: 'officials', kind: 'missed', expected: person[0] });
    }
  }
  predicted.forEach((p, i) => {
    if (used.has(i)) return;
    counts[1]++;
    out.push({ id, field: 'officials', kind: 'spurious', predicted: p });
  });
}

/**
 * Scores one predicted record against its gold record, adding to `counts` and `out`. The rules are those of
 * ../shared/corpus/README.md: regions as (article, code) pairs; the other fields compared within the predicted
 * commitment of the same region; items of missed or spurious commitments count as misses or false positives.
 * Event date is correct when equal (null equals null); a spurious commitment counts as one wrong date.
 */
export function scoreArticle(
  id: string,
  gold: GoldRecord,
  predicted: Pick<ArticleRecord, 'relevant' | 'commitments'>,
  counts: Counts,
  out: Disagreement[],
): void {
  if (gold.relevant && predicted.relevant) counts.relevance[0]++;
  else if (predicted.relevant) {
    counts.relevance[1]++;
    out.push({ id, field: 'relevance', kind: 'spurious', predicted: 'relevant' });
  } else if (gold.relevant) {
    counts.relevance[2]++;
    out.push({ id, field: 'relevance', kind: 'missed', expected: 'relevant' });
  }

  const byCode = new Map<string, Commitment>();
  for (const c of predicted.commitments) if (!byCode.has(c.region.code)) byCode.set(c.region.code, c);
  const goldCodes = new Set(gold.commitments.map((c) => c.region_code));

  for (const g of gold.commitments) {
    const p = byCode.get(g.region_code);
    if (p) counts.region[0]++;
    else {
      counts.region[2]++;
      out.push({ id, field: 'region', kind: 'missed', expected: `${g.region_code} ${g.region_name ?? ''}`.trim() });
    }
    compareGoldCommitment(id, g, p, counts, out);
  }
  for (const [code, p] of byCode) {
    if (goldCodes.has(code)) continue;
    counts.region[1]++;
    out.push({ id, field: 'region', kind: 'spurious', predicted: `${code} ${p.region.name}` });
    compareGoldCommitment(id, undefined, p, counts, out);
  }
}

function compareGoldCommitment(
  id: string,
  g: GoldCommitment | undefined,
  p: Commitment | undefined,
  counts: Counts,
  out: Disagreement[],
): void {
  compareOfficials(id, g?.officials ?? [], p?.officials.map((o) => o.name) ?? [], counts.officials, out);
  setCompare(
    id,
    'circulars',
    (g?.circulars ?? []).map(circularKey),
    (p?.circulars ?? []).map((c) => circularKey(c.number)),
    counts.circulars,
    out,
  );
  setCompare(id, 'measures', g?.measures ?? [], p?.measures.map((m) => m.type) ?? [], counts.measures, out);
  const expected = g ? g.event_date : undefined;
  const got = p ? p.event_date : undefined;
  counts.event_date[1]++;
  if (g && p && expected === got) counts.event_date[0]++;
  else out.push({ id, field: 'event_date', kind: 'wrong', expected: String(expected ?? '-'), predicted: String(got ?? '-') });
}

export function addCounts(a: Counts, b: Counts): Counts {
  const r = emptyCounts();
  for (const f of ['relevance', 'region', 'officials', 'circulars', 'measures'] as const) {
    for (let i = 0; i < 3; i++) r[f][i] = a[f][i] + b[f][i];
  }
  r.event_date = [a.event_date[0] + b.event_date[0], a.event_date[1] + b.event_date[1]];
  return r;
}

/** Per-field scores: F1 for the set fields, accuracy for the event date. */
export type Scores = Record<Field, number>;

export function scoresOf(c: Counts): { scores: Scores; prf: Record<Exclude<Field, 'event_date'>, Prf> } {
  const table = {
    relevance: prf(...c.relevance),
    region: prf(...c.region),
    officials: prf(...c.officials),
    circulars: prf(...c.circulars),
    measures: prf(...c.measures),
  };
  return {
    prf: table,
    scores: {
      relevance: table.relevance.f1,
      region: table.region.f1,
      officials: table.officials.f1,
      circulars: table.circulars.f1,
      measures: table.measures.f1,
      event_date: c.event_date[1] === 0 ? 1 : c.event_date[0] / c.event_date[1],
    },
  };
}
