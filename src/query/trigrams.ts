/**
 * Choosing which trigrams of a text search to look up. A substring search through a trigram index (FTS5 on SQLite,
 * pg_trgm on PostgreSQL) reads the posting list of every trigram of the text, and the common ones (`asn`, `ota`,
 * `an `) list most rows: "Budi Santoso" reads ten lists to find a few hundred rows. Two rare trigrams of the
 * text, far enough apart (in different words, say), already narrow it to about as many candidates, which are then
 * checked for the whole text: far less to read.
 *
 * Rarity is estimated from a sample of the column (2,000 random rows, read once per 10 minutes per store and
 * column), so nothing is stored: an estimate that is off only makes a search slower, never different.
 */
import { sql } from 'kysely';
import type { Store } from '../store/index.js';

/** Text columns sampled: what a search reads (`body` of `event_search`), articles' titles, evidence quotes. */
export type TextColumn = 'body' | 'title' | 'quote';

const TABLE: Record<TextColumn, string> = { body: 'event_search', title: 'articles', quote: 'evidence' };

/** Rows sampled per column. */
const SAMPLE_ROWS = 2000;
/** How long a sample is used. */
const SAMPLE_TTL_MS = 10 * 60_000;
/**
 * Trigrams are looked up instead of the whole text when the rows holding them, estimated from the sample (one row
 * more than found there, to err high), are at most this many: the candidates checked for the whole text.
 */
const MAX_CANDIDATES = 4000;
/** Rows assumed in a PostgreSQL table never analysed whose sample came back full. */
const UNKNOWN_ROWS = 1_000_000;

interface Sample {
  at: number;
  rows: number;
  /** Rows of the table (estimated). */
  total: number;
  /** The sampled rows containing each trigram (lowercase), by index, ascending. */
  docs: Map<string, number[]>;
}

const samples = new WeakMap<Store, Map<TextColumn, Promise<Sample>>>();

/** Letters and digits only: what both trigram indexes split words on. */
const WORD_TRIGRAM = /^[\p{L}\p{N}]{3}$/u;

/** The distinct trigrams of letters and digits in a text (lowercase), with the position of their first start. */
export function wordTrigrams(text: string): Map<string, number> {
  const chars = Array.from(text.toLowerCase());
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const t = chars.slice(i, i + 3).join('');
    if (WORD_TRIGRAM.test(t) && !out.has(t)) out.set(t, i);
  }
  return out;
}

async function readSample(store: Store, column: TextColumn): Promise<Sample> {
  const table = sql.table(TABLE[column]);
  const col = sql.ref(column);
  let texts: string[];
  let total: number;
  if (store.dialect === 'postgres') {
    const est = (await sql<{ n: number | string }>`select greatest(reltuples, 0) as n from pg_class where oid = to_regclass(${TABLE[column]})`.execute(store.db)).rows[0];
    const n = Number(est?.n ?? 0);
    const percent = n > SAMPLE_ROWS * 2 ? Math.min(100, (100 * SAMPLE_ROWS * 1.5) / n) : 100;
    const sample = percent < 100 ? sql`tablesample system (${sql.lit(Number(percent.toFixed(4)))})` : sql``;
    texts = (await sql<{ t: string }>`select ${col} as t from ${table} ${sample} limit ${SAMPLE_ROWS}`.execute(store.db)).rows.map((r) => r.t);
    total = n > 0 ? n : texts.length < SAMPLE_ROWS ? texts.length : UNKNOWN_ROWS;
  } else {
    const max = Number((await sql<{ m: number | null }>`select max(rowid) as m from ${table}`.execute(store.db)).rows[0]?.m ?? 0);
    total = max;
    const ids = new Set<number>();
    if (max <= SAMPLE_ROWS) for (let i = 1; i <= max; i++) ids.add(i);
    else while (ids.size < SAMPLE_ROWS) ids.add(1 + Math.floor(Math.random() * max));
    texts = ids.size
      ? (await sql<{ t: string }>`select ${col} as t from ${table} where rowid in (select value from json_each(${JSON.stringify([...ids])}))`.execute(store.db)).rows.map(
          (r) => r.t,
        )
      : [];
  }
  const docs = new Map<string, number[]>();
  texts.forEach((t, row) => {
    for (const tri of wordTrigrams(t ?? '').keys()) {
      const list = docs.get(tri);
      if (list) list.push(row);
      else docs.set(tri, [row]);
    }
  });
  return { at: Date.now(), rows: texts.length, total: Math.max(total, texts.length), docs };
}

function sampleOf(store: Store, column: TextColumn): Promise<Sample> {
  let perStore = samples.get(store);
  if (!perStore) samples.set(store, (perStore = new Map()));
  const cached = perStore.get(column);
  const fresh = cached?.then((s) => Date.now() - s.at < SAMPLE_TTL_MS);
  const load = () => {
    const p = readSample(store, column);
    perStore!.set(column, p);
    p.catch(() => perStore!.delete(column));
    return p;
  };
  if (!cached) return load();
  return fresh!.then((ok) => (ok ? cached : load()));
}

/** Sampled rows holding both trigrams (sorted lists). */
function both(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (n++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Trigrams compared for the pair: the rarest this many. */
const PAIR_CANDIDATES = 8;

/**
 * Up to two trigrams of `text` to look up in `column` instead of all of them: of its rarest trigrams in the
 * sample, the non-overlapping pair found together in the fewest sampled rows (two trigrams of one word, always
 * together, narrow no more than one), else the rarest alone, when they leave at most `MAX_CANDIDATES` rows to
 * check. Undefined when the text has fewer than four trigrams, the sample is too small to tell, or the trigrams
 * would leave more to check (then every trigram is looked up).
 */
export async function rareTrigrams(store: Store, column: TextColumn, text: string): Promise<string[] | undefined> {
  const trigrams = wordTrigrams(text);
  if (trigrams.size < 4) return undefined;
  const sample = await sampleOf(store, column);
  if (sample.rows < 100) return undefined;
  const none: number[] = [];
  const ranked = [...trigrams]
    .map(([t, at]) => ({ t, at, rows: sample.docs.get(t) ?? none }))
    .sort((a, b) => a.rows.length - b.rows.length || a.at - b.at)
    .slice(0, PAIR_CANDIDATES);
  let best: { pair: [string, string]; joint: number; sum: number } | undefined;
  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      const [a, b] = [ranked[i], ranked[j]];
      if (Math.abs(a.at - b.at) < 3) continue;
      const joint = both(a.rows, b.rows);
      const sum = a.rows.length + b.rows.length;
      if (!best || joint < best.joint || (joint === best.joint && sum < best.sum)) best = { pair: [a.t, b.t], joint, sum };
    }
  }
  const candidates = (found: number) => ((found + 1) / sample.rows) * sample.total;
  if (best && candidates(best.joint) <= MAX_CANDIDATES) return best.pair;
  return candidates(ranked[0].rows.length) <= MAX_CANDIDATES ? [ranked[0].t] : undefined;
}
