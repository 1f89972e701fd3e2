/**
 * The analysts' filters, parsed from what a command line or a URL query gives (strings, or arrays of strings for a
 * repeated parameter) into checked values. Nothing here touches the database: values reach SQL only as bindings.
 */
import { MEASURES } from '../types/record.js';
import type { MeasureType, RegionRef } from '../types/record.js';
import { QueryParamError } from './errors.js';
import { resolveProvince, resolveRegion } from './regions.js';

/** Sort orders of `queryEvents`. */
export const SORTS = ['date', '-date', 'sources', 'region', 'updated'] as const;
/**
 * - `date`: newest event date first (default); `-date`: oldest first;
 * - `sources`: most articles first, then newest; `region`: by region code, then newest;
 * - `updated`: most recently (re)grouped first.
 */
export type SortKey = (typeof SORTS)[number];

/** Longest accepted parameter value, in characters (longer values are refused, not truncated). */
export const MAX_PARAM_LENGTH = 200;
/** Most values of one repeated parameter. */
export const MAX_REPEAT = 20;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;
/** Shortest `text`: the trigram indexes need three characters. */
export const MIN_TEXT_LENGTH = 3;
export const MAX_OFFSET = 1_000_000;

export interface QueryFilters {
  /** Events in any of these regions (a province here means the province government's own events). */
  regions?: RegionRef[];
  /** Events in this province (its regencies, cities and the province government). */
  province?: RegionRef;
  /** Events with any of these measures. */
  measures?: MeasureType[];
  /** An official's name: events naming a person with this spelling (case-insensitive substring) or this name key. */
  official?: string;
  /** Event date (else first publication date) on or after / on or before this day, YYYY-MM-DD. */
  since?: string;
  until?: string;
  /** Events reported by this outlet: a source id (`kendaripos`) or a site host (`kendaripos.co.id`). */
  source?: string;
  /** Case-insensitive substring of an article title or an evidence quote of the event (3 characters or more). */
  text?: string;
  /** Default `date`. */
  sort: SortKey;
  /** 1..1000, default 50. */
  limit: number;
  /** Rows skipped, default 0. */
  offset: number;
}

/** Names of the accepted parameters (anything else is refused). */
export const FILTER_PARAMS = ['region', 'province', 'measure', 'official', 'since', 'until', 'source', 'text', 'sort', 'limit', 'offset'] as const;

/** Control characters, and invisible or direction-changing format characters (zero-width, bidi overrides, BOM). */
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function values(param: string, raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > MAX_REPEAT) throw new QueryParamError(param, `at most ${MAX_REPEAT} values`);
  const out: string[] = [];
  for (const v of list) {
    if (typeof v !== 'string' && typeof v !== 'number') throw new QueryParamError(param, 'expected a string');
    const s = String(v).normalize('NFC').trim();
    if (s.length > MAX_PARAM_LENGTH) throw new QueryParamError(param, `longer than ${MAX_PARAM_LENGTH} characters`);
    if (CONTROL_RE.test(s)) throw new QueryParamError(param, 'contains control characters');
    if (s.length > 0) out.push(s);
  }
  return out;
}

function single(param: string, raw: unknown): string | undefined {
  const list = values(param, raw);
  if (list.length > 1) throw new QueryParamError(param, 'give it once');
  return list[0];
}

function day(param: string, raw: unknown): string | undefined {
  const s = single(param, raw);
  if (s === undefined) return undefined;
  const m = DATE_RE.exec(s);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== s) throw new QueryParamError(param, `expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`);
  return s;
}

function integer(param: string, raw: unknown, min: number, max: number, fallback: number): number {
  const s = single(param, raw);
  if (s === undefined) return fallback;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    throw new QueryParamError(param, `expected an integer from ${min} to ${max}, got ${JSON.stringify(s)}`);
  }
  return Number(s);
}

/**
 * Checks and resolves filters given as strings (or arrays for repeated parameters, or comma-separated measures).
 * Unknown parameters, unknown regions or measures, bad dates, values over 200 characters and control characters
 * throw a `QueryParamError` naming the parameter. Empty strings count as absent.
 */
export function parseQueryFilters(input: Record<string, unknown>): QueryFilters {
  for (const key of Object.keys(input)) {
    if (!(FILTER_PARAMS as readonly string[]).includes(key) && input[key] !== undefined) {
      throw new QueryParamError(key, `unknown parameter (use ${FILTER_PARAMS.join(', ')})`);
    }
  }
  const filters: QueryFilters = { sort: 'date', limit: DEFAULT_LIMIT, offset: 0 };

  const regionValues = values('region', input.region);
  if (regionValues.length) {
    const seen = new Map<string, RegionRef>();
    for (const v of regionValues) for (const r of resolveRegion('region', v)) seen.set(r.code, r);
    filters.regions = [...seen.values()];
  }
  const province = single('province', input.province);
  if (province !== undefined) filters.province = resolveProvince('province', province);

  const measures = values('measure', input.measure).flatMap((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
  if (measures.length) {
    for (const m of measures) {
      if (!(MEASURES as readonly string[]).includes(m)) {
        throw new QueryParamError('measure', `unknown measure ${JSON.stringify(m)} (use ${MEASURES.join(', ')})`);
      }
    }
    filters.measures = MEASURES.filter((m) => measures.includes(m));
  }

  filters.official = single('official', input.official);
  filters.since = day('since', input.since);
  filters.until = day('until', input.until);
  if (filters.since && filters.until && filters.since > filters.until) {
    throw new QueryParamError('until', `${filters.until} is before since ${filters.since}`);
  }
  filters.source = single('source', input.source);
  const text = single('text', input.text);
  if (text !== undefined) {
    if ([...text].length < MIN_TEXT_LENGTH) throw new QueryParamError('text', `at least ${MIN_TEXT_LENGTH} characters`);
    filters.text = text;
  }
  const sort = single('sort', input.sort);
  if (sort !== undefined) {
    if (!(SORTS as readonly string[]).includes(sort)) throw new QueryParamError('sort', `unknown sort ${JSON.stringify(sort)} (use ${SORTS.join(', ')})`);
    filters.sort = sort as SortKey;
  }
  filters.limit = integer('limit', input.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  filters.offset = integer('offset', input.offset, 0, MAX_OFFSET, 0);
  for (const k of ['official', 'since', 'until', 'source', 'text'] as const) if (filters[k] === undefined) delete filters[k];
  return filters;
}
