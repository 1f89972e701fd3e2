/**
 * The filters as SQL conditions, for both dialects. Every value is a binding: identifiers are fixed here, and LIKE
 * patterns and FTS5 phrases are escaped so that user text matches literally.
 *
 * `filterConditions` states them on `events` (stats); `driverConditions` on the table a listing is read from
 * (`events` or `event_measures`, aliased `d`: see ./plan.ts).
 */
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, RawBuilder, SqlBool } from 'kysely';
import type { Database, Store } from '../store/index.js';
import { officialKey } from '../group/index.js';
import type { MeasureType } from '../types/record.js';
import type { QueryFilters } from './filters.js';

type EB = ExpressionBuilder<Database, 'events'>;

/** `%value%` with LIKE's wildcards and the escape character taken literally (escape `\`). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 string: the whole text as one phrase (trigram tokenizer: a substring), quotes doubled. */
export function ftsPhrase(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Case-insensitive "contains" on a column. */
export function contains(store: Store, column: string, value: string) {
  const pattern = containsPattern(value);
  return store.dialect === 'postgres'
    ? sql`${sql.ref(column)} ilike ${pattern}`
    : sql`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * Ids of the events whose articles' titles or evidence quotes contain the text, from `event_search` (FTS5 trigram
 * phrase on SQLite, pg_trgm on PostgreSQL; see ./text-search.ts for the lookup used when the matches are few).
 */
function textEventIds(store: Store, text: string): RawBuilder<{ event_id: string | null }> {
  if (store.dialect === 'postgres') return sql`select s.event_id from event_search s where ${contains(store, 's.body', text)}`;
  return sql`select s.event_id from event_search s where s.id in (select rowid from event_search_fts where event_search_fts match ${ftsPhrase(text)})`;
}

/** Ids of the articles of an outlet (source id or site host). */
function sourceArticleIds(source: string): RawBuilder<{ article_id: string }>[] {
  return [
    sql`select page_id as article_id from articles where site = ${source.toLowerCase()}`,
    sql`select id as article_id from pages where source_id = ${source}`,
  ];
}

/** Ids of the events of some articles: those of the subqueries (any of them), or those listed. */
export function articleEventIds(
  store: Store,
  articles: { queries: RawBuilder<{ article_id: string }>[] } | { ids: string[] },
): RawBuilder<{ event_id: string | null }> {
  if ('ids' in articles) return sql`select c.event_id from commitments c where ${inList(store, sql.ref('c.article_id'), articles.ids)}`;
  return sql`select c.event_id from commitments c where c.article_id in (${sql.join(articles.queries, sql` union `)})`;
}

/** Ids of the events naming an official with this spelling (substring) or name key. */
function officialEventIds(store: Store, official: string): RawBuilder<{ event_id: string | null }> {
  const key = officialKey(official);
  return sql`select eo.event_id from event_officials eo join persons p
    on p.region_code = eo.region_code and p.person_key = eo.person_key
    where ${contains(store, 'p.spellings', official)} or p.person_key = ${key}`;
}

/** Ids of the events with any of `measures`, narrowed by the per-event columns `event_measures` carries. */
function measureEventIds(filters: Partial<QueryFilters>, measures: MeasureType[]) {
  const where: RawBuilder<SqlBool>[] = [sql`em.measure in (${sql.join(measures)})`];
  if (filters.province) where.push(sql`em.province_code = ${filters.province.code}`);
  if (filters.regions?.length) where.push(sql`em.region_code in (${sql.join(filters.regions.map((r) => r.code))})`);
  if (filters.since) where.push(sql`em.event_date >= ${filters.since}`);
  if (filters.until) where.push(sql`em.event_date <= ${filters.until}`);
  return sql`select em.event_id from event_measures em where ${sql.join(where, sql` and `)}`;
}

/** The filters matched through other tables (a semi-join on the event id). */
export const SEMI_JOINS = ['official', 'source', 'text'] as const;
export type SemiJoin = (typeof SEMI_JOINS)[number];

/** The event ids some semi-join filters match, read once beforehand (see ./plan.ts `resolveSemiJoins`). */
export interface ResolvedIds {
  /** Events matching every filter of `done` (their intersection). */
  ids: string[];
  /** Each id's event date, when known (a resolved text search reads them): a page can be ordered from them. */
  dates?: ReadonlyMap<string, string | null>;
  /** The filters these ids stand for (the others stay subqueries). */
  done: ReadonlySet<SemiJoin>;
}

/**
 * The articles a semi-join filter present in `filters` selects (`source`): queries of one column, `article_id`,
 * whose union it is; undefined when absent, or for `official` and `text`, which select events directly.
 */
export function semiJoinArticles(_store: Store, filters: Partial<QueryFilters>, kind: SemiJoin): RawBuilder<{ article_id: string }>[] | undefined {
  if (kind === 'source' && filters.source) return sourceArticleIds(filters.source);
  return undefined;
}

/** The subquery of a semi-join filter present in `filters` (one column, `event_id`; may repeat ids). */
export function semiJoinQuery(store: Store, filters: Partial<QueryFilters>, kind: SemiJoin): RawBuilder<{ event_id: string | null }> | undefined {
  if (kind === 'official') return filters.official ? officialEventIds(store, filters.official) : undefined;
  if (kind === 'text') return filters.text ? textEventIds(store, filters.text) : undefined;
  const queries = semiJoinArticles(store, filters, kind);
  return queries && articleEventIds(store, { queries });
}

/** `id in (the listed ids)`, one binding whatever their number. */
export function inList(store: Store, id: RawBuilder<unknown>, ids: string[]): RawBuilder<SqlBool> {
  return store.dialect === 'postgres' ? sql<SqlBool>`${id} = any(${ids}::text[])` : sql<SqlBool>`${id} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/** The semi-join conditions on the event id column `id`: resolved ones as an id list, the others as subqueries. */
function semiJoinConditions(store: Store, filters: Partial<QueryFilters>, id: RawBuilder<unknown>, resolved?: ResolvedIds): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  if (resolved) where.push(inList(store, id, resolved.ids));
  for (const kind of SEMI_JOINS) {
    const sub = resolved?.done.has(kind) ? undefined : semiJoinQuery(store, filters, kind);
    if (sub) where.push(sql<SqlBool>`${id} in (${sub})`);
  }
  return where;
}

/** The conditions of `filters` on `events` (all of them must hold); an empty list matches every event. */
export function filterConditions(store: Store, filters: Partial<QueryFilters>, eb: EB, resolved?: ResolvedIds): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filters.regions?.length) where.push(eb('events.region_code', 'in', filters.regions.map((r) => r.code)));
  if (filters.province) where.push(eb('events.province_code', '=', filters.province.code));
  if (filters.since) where.push(eb('events.event_date', '>=', filters.since));
  if (filters.until) where.push(eb('events.event_date', '<=', filters.until));
  const id = sql.ref('events.id');
  if (filters.measures?.length) where.push(sql<SqlBool>`${id} in (${measureEventIds(filters, filters.measures)})`);
  where.push(...semiJoinConditions(store, filters, id, resolved));
  return where;
}

/** The table a listing reads event ids from, aliased `d`. */
export type Driver = 'events' | 'event_measures';

/** The event id column of a driver. */
export function driverId(driver: Driver) {
  return sql.ref(driver === 'events' ? 'd.id' : 'd.event_id');
}

/**
 * The conditions of `filters` on a driver aliased `d`. On `event_measures`, `measures` are the measure rows read
 * (the caller picks one or several of the filter's), or with `everyMeasure` every measure row of the matching
 * events (the filter's measures then a semi-join); on `events`, the filter's measures become a semi-join.
 */
export function driverConditions(
  store: Store,
  filters: Partial<QueryFilters>,
  driver: Driver,
  options: { measures?: MeasureType[]; everyMeasure?: boolean; resolved?: ResolvedIds } = {},
): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  const id = driverId(driver);
  const measureRows = driver === 'event_measures' && !options.everyMeasure;
  if (measureRows) {
    const list = options.measures ?? filters.measures ?? [];
    where.push(list.length === 1 ? sql`d.measure = ${list[0]}` : sql`d.measure in (${sql.join(list)})`);
  }
  if (filters.regions?.length) {
    const codes = filters.regions.map((r) => r.code);
    where.push(codes.length === 1 ? sql`d.region_code = ${codes[0]}` : sql`d.region_code in (${sql.join(codes)})`);
  }
  if (filters.province) where.push(sql`d.province_code = ${filters.province.code}`);
  if (filters.since) where.push(sql`d.event_date >= ${filters.since}`);
  if (filters.until) where.push(sql`d.event_date <= ${filters.until}`);
  if (!measureRows && filters.measures?.length) where.push(sql`${id} in (${measureEventIds(filters, filters.measures)})`);
  where.push(...semiJoinConditions(store, filters, id, options.resolved));
  return where;
}

/** `where a and b ...`, or nothing. */
export function whereClause(conditions: RawBuilder<SqlBool>[]) {
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}
