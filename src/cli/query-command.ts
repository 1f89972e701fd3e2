/**
 * `pantau query`: events (one row per reported pledge, listing its sources) under the analysts' filters, as a
 * table (default on a terminal), CSV, JSON or NDJSON. Also the store opening and output helpers that `stats`,
 * `regions` and `export` share. These commands read the database only: no Redis.
 */
import { QueryParamError, csvLine, parseQueryFilters, queryEvents } from '../query/index.js';
import type { EventItem } from '../query/index.js';
import type { ResolvedConfig } from '../config/index.js';
import { migrate, openStore } from '../store/index.js';
import type { Store } from '../store/index.js';

export const QUERY_FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

/** A command-line mistake: exit status 2, the message naming the option. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Output {
  /** Where output goes (default: process.stdout). */
  out?: (text: string) => void;
  /** Whether stdout is a terminal (default: process.stdout.isTTY), which makes `table` the default format. */
  isTTY?: boolean;
}

/** Opens (and migrates) the store the resolved configuration names. */
export async function openConfiguredStore(config: ResolvedConfig['config']): Promise<Store> {
  const store = openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.db });
  try {
    await migrate(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** `--format` checked against `allowed`; the default is `table` on a terminal, else `ndjson` (or `json`). */
export function pickFormat<T extends string>(value: unknown, allowed: readonly T[], isTTY: boolean | undefined, piped: T): T {
  if (value === undefined) return isTTY ? ('table' as T) : piped;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format ${String(value)}: unknown format (use ${allowed.join(', ')})`);
}

/** Runs a command body: a QueryParamError or UsageError prints `pantau <cmd>: --<option>: ...` and gives 2. */
export async function runChecked(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof QueryParamError) {
      process.stderr.write(`pantau ${command}: --${e.param}: ${e.message.slice(e.param.length + 2)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`pantau ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** An aligned text table, cells cut at 50 characters. */
export function renderTextTable(rows: string[][]): string {
  const cut = (s: string) => ([...s].length > 50 ? `${[...s].slice(0, 49).join('')}…` : s);
  const cells = rows.map((r) => r.map(cut));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join('  ').trimEnd()).join('\n');
}

/** Filter options as commander gives them (`measure` and `region` collected into arrays). */
export interface QueryOptions {
  region?: string[];
  province?: string;
  measure?: string[];
  official?: string;
  since?: string;
  until?: string;
  source?: string;
  text?: string;
  sort?: string;
  /** Default 50, at most 1000. */
  limit?: string;
  /** Default 0. */
  offset?: string;
  /** table (default on a terminal) | csv | json | ndjson (default when piped). */
  format?: string;
}

/** The filter values among command options, for parseQueryFilters. */
export function filterInput(opts: QueryOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const k of ['region', 'province', 'measure', 'official', 'since', 'until', 'source', 'text', 'sort', 'limit', 'offset'] as const) {
    if (opts[k] !== undefined) input[k] = opts[k];
  }
  return input;
}

export const LISTING_COLUMNS = [
  'id',
  'event_date',
  'region_code',
  'region_name',
  'region_level',
  'province_code',
  'province_name',
  'measures',
  'circulars',
  'officials',
  'commitments',
  'articles',
  'sites',
  'first_source_url',
  'source_urls',
] as const;

/** A listed event as a flat row (lists `; `-joined by the CSV writer). */
export function listingRow(i: EventItem): Record<(typeof LISTING_COLUMNS)[number], string | number | string[] | null> {
  return {
    id: i.id,
    event_date: i.event_date,
    region_code: i.region.code,
    region_name: i.region.name,
    region_level: i.region.level,
    province_code: i.region.province.code,
    province_name: i.region.province.name,
    measures: i.measures,
    circulars: i.circulars,
    officials: i.officials,
    commitments: i.commitments,
    articles: i.articles,
    sites: i.sites,
    first_source_url: i.first_source_url,
    source_urls: i.sources.map((s) => s.url ?? '').filter(Boolean),
  };
}

/** `pantau query [filters] [--format F]`. Resolves to the exit status. */
export async function runQuery(config: ResolvedConfig['config'], opts: QueryOptions, io: Output = {}): Promise<number> {
  const out = io.out ?? ((t: string) => process.stdout.write(t));
  return runChecked('query', async () => {
    const format = pickFormat(opts.format, QUERY_FORMATS, io.isTTY ?? process.stdout.isTTY, 'ndjson');
    const filters = parseQueryFilters(filterInput(opts));
    const store = await openConfiguredStore(config);
    try {
      // One query from the command line: count every match (the API stops at 1,000).
      const page = await queryEvents(store, filters, { exactTotal: true });
      if (format === 'json') out(`${JSON.stringify({ total: page.total, items: page.items }, null, 2)}\n`);
      else if (format === 'ndjson') for (const item of page.items) out(`${JSON.stringify(item)}\n`);
      else if (format === 'csv') {
        out(csvLine(LISTING_COLUMNS));
        for (const item of page.items) {
          const row = listingRow(item);
          out(csvLine(LISTING_COLUMNS.map((c) => row[c])));
        }
      } else {
        const rows = [['ID', 'DATE', 'REGION', 'MEASURES', 'OFFICIALS', 'SOURCES', 'FIRST SOURCE']];
        for (const i of page.items) {
          rows.push([i.id, i.event_date ?? '-', `${i.region.code} ${i.region.name}`, i.measures.join(', '), i.officials.join('; '), `${i.articles} (${i.sites} sites)`, i.first_source_url ?? '-']);
        }
        const last = filters.offset + page.items.length;
        out(`${renderTextTable(rows)}\n\n${page.total} events${page.total ? `, ${filters.offset + (page.items.length ? 1 : 0)}-${last} shown` : ''}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  });
}
