/**
 * Checks that an `ArticleRecord` (typically deserialised from a queue or another process, so not trusted by
 * type) has the shape the store needs, and returns a cleaned copy. Errors name the field:
 * `invalid commitments[0].officials[1].name: expected a string, got number`.
 *
 * The one change made: NUL characters (which PostgreSQL cannot store in text) and lone UTF-16 surrogates
 * (which no UTF-8 database can) become U+FFFD in every string, on both dialects, so that records stay identical
 * across them and evidence offsets stay valid (one code unit for one).
 */
import { MEASURES } from '../types/record.js';
import type {
  ArticleRecord,
  CircularKind,
  CircularRecord,
  Commitment,
  Evidence,
  MeasureRecord,
  MeasureType,
  OfficialRecord,
  RegionLevel,
  RegionRef,
} from '../types/record.js';
import { StoreValidationError } from './errors.js';

const REGION_LEVELS: readonly RegionLevel[] = ['province', 'regency', 'city'];
const CIRCULAR_KINDS: readonly CircularKind[] = ['surat_edaran', 'instruksi', 'keputusan', 'peraturan', 'other'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value;
}

function fail(field: string, expected: string, value: unknown): never {
  throw new StoreValidationError(field, `expected ${expected}, got ${describe(value)}`);
}

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces what a database cannot store in text (NUL, lone surrogates) by U+FFFD, keeping the length. */
export function storableText(s: string): string {
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(s) ? s.replace(UNSTORABLE, '\uFFFD') : s;
}

const clean = storableText;

function str(value: unknown, field: string, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== 'string') fail(field, 'a string', value);
  if (opts.nonEmpty && value.trim() === '') fail(field, 'a non-empty string', value);
  return clean(value);
}

function strOrNull(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  return str(value, field);
}

function dayOrNull(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !DAY.test(value)) fail(field, 'a YYYY-MM-DD date or null', value);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(field, `one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

function obj(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'an object', value);
  return value as Record<string, unknown>;
}

function arr(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) fail(field, 'an array', value);
  return value;
}

function int(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(field, 'a non-negative integer', value);
  }
  return value;
}

function evidence(value: unknown, field: string): Evidence {
  const e = obj(value, field);
  const start = int(e.start, `${field}.start`);
  const end = int(e.end, `${field}.end`);
  if (end < start) throw new StoreValidationError(`${field}.end`, `end ${end} is before start ${start}`);
  return {
    field: oneOf(e.field, ['title', 'text'] as const, `${field}.field`),
    start,
    end,
    quote: str(e.quote, `${field}.quote`),
  };
}

function region(value: unknown, field: string): RegionRef {
  const r = obj(value, field);
  const province = obj(r.province, `${field}.province`);
  return {
    code: str(r.code, `${field}.code`, { nonEmpty: true }),
    name: str(r.name, `${field}.name`),
    level: oneOf(r.level, REGION_LEVELS, `${field}.level`),
    province: {
      code: str(province.code, `${field}.province.code`, { nonEmpty: true }),
      name: str(province.name, `${field}.province.name`),
    },
  };
}

function official(value: unknown, field: string): OfficialRecord {
  const o = obj(value, field);
  return {
    name: str(o.name, `${field}.name`),
    position: str(o.position, `${field}.position`),
    evidence: evidence(o.evidence, `${field}.evidence`),
  };
}

function circular(value: unknown, field: string): CircularRecord {
  const c = obj(value, field);
  return {
    number: str(c.number, `${field}.number`),
    kind: oneOf(c.kind, CIRCULAR_KINDS, `${field}.kind`),
    evidence: evidence(c.evidence, `${field}.evidence`),
  };
}

function measure(value: unknown, field: string): MeasureRecord {
  const m = obj(value, field);
  return {
    type: oneOf<MeasureType>(m.type, MEASURES, `${field}.type`),
    evidence: evidence(m.evidence, `${field}.evidence`),
  };
}

function commitment(value: unknown, field: string): Commitment {
  const c = obj(value, field);
  return {
    region: region(c.region, `${field}.region`),
    officials: arr(c.officials, `${field}.officials`).map((o, i) => official(o, `${field}.officials[${i}]`)),
    event_date: dayOrNull(c.event_date, `${field}.event_date`),
    circulars: arr(c.circulars, `${field}.circulars`).map((x, i) => circular(x, `${field}.circulars[${i}]`)),
    measures: arr(c.measures, `${field}.measures`).map((m, i) => measure(m, `${field}.measures[${i}]`)),
  };
}

/** Validates a record and returns a cleaned copy; throws `StoreValidationError` naming the first bad field. */
export function validateArticleRecord(value: unknown): ArticleRecord {
  const r = obj(value, 'record');
  const relevance = r.relevance;
  if (typeof relevance !== 'number' || !Number.isFinite(relevance) || relevance < 0 || relevance > 1) {
    fail('relevance', 'a number in [0, 1]', relevance);
  }
  if (typeof r.relevant !== 'boolean') fail('relevant', 'a boolean', r.relevant);
  return {
    input: str(r.input, 'input'),
    url: strOrNull(r.url, 'url'),
    title: str(r.title, 'title'),
    site: strOrNull(r.site, 'site'),
    published_at: dayOrNull(r.published_at, 'published_at'),
    language: strOrNull(r.language, 'language'),
    text: str(r.text, 'text'),
    relevant: r.relevant,
    relevance,
    commitments: arr(r.commitments, 'commitments').map((c, i) => commitment(c, `commitments[${i}]`)),
    extractor_version: str(r.extractor_version, 'extractor_version', { nonEmpty: true }),
  };
}
