/**
 * How a listing is read. The semi-join filters (text, official, outlet) are resolved first, once, to a list of
 * event ids when they match up to `RESOLVE_CAP` events. Then one page of rows (plus one, to know whether another
 * page follows) is read off an index where the filters allow it; then the page's sources; and the total is counted
 * separately, up to a cap, from the same index.
 *
 * The index-driven path serves the date orders (`date`, the default, and `-date`):
 * - with a measure filter the event ids come from `event_measures` (one row per event and measure, carrying region,
 *   province and date), one ordered and limited read per measure, merged (an event with two of the measures once),
 *   then the page's rows are read by id;
 * - otherwise the rows come from `events` directly.
 * Each read is `... where <filters> order by event_date, id limit offset+limit+1`, which the indexes of migration
 * 0006 (`(measure | province_code, measure | region_code, measure, event_date, event_id)` and `(region_code |
 * province_code, event_date, id)`, `(event_date, id)`) answer by reading that many entries. Undated events sort
 * last in both directions: for `date` SQLite's ascending indexes read backwards and PostgreSQL's `DESC NULLS LAST`
 * ones read forwards give that order; for `-date` the dated and undated events are read separately (each in index
 * order) and concatenated.
 *
 * The other orders (`sources`, `region`, `updated`) sort the matching events (`events` with every filter).
 */
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { EventsTable, Store } from '../store/index.js';
import type { MeasureType } from '../types/record.js';
import { SEMI_JOINS, articleEventIds, containsPattern, driverConditions, driverId, semiJoinArticles, semiJoinQuery, whereClause } from './conditions.js';
import type { Driver, ResolvedIds, SemiJoin } from './conditions.js';
import type { QueryFilters } from './filters.js';
import { rareTrigrams } from './trigrams.js';

/**
 * Most event ids a semi-join filter (official, source, text) may match to be read once and passed on as a list;
 * beyond it the filter stays a subquery of each statement.
 */
export const RESOLVE_CAP = 5000;

/**
 * Reads the events the semi-join filters match (text search, official, outlet) once, instead of in both the
 * listing and the count: their intersection, and which filters it stands for. Undefined when there is no such
 * filter or each matches more than `RESOLVE_CAP` events.
 */
export async function resolveSemiJoins(store: Store, filters: Partial<QueryFilters>): Promise<ResolvedIds | undefined> {
  let ids: Set<string> | undefined;
  const done = new Set<SemiJoin>();
  const distinctIds = async (q: RawBuilder<{ event_id: string | null }>) =>
    (await sql<{ event_id: string }>`select distinct s.event_id from (${q}) s where s.event_id is not null limit ${RESOLVE_CAP + 1}`.execute(store.db)).rows;
  for (const kind of SEMI_JOINS) {
    let found: { event_id: string }[];
    const queries = semiJoinArticles(store, filters, kind);
    const texts = kind === 'text' && filters.text ? await textArticles(store, filters.text) : undefined;
    if (texts) {
      if (texts.length > RESOLVE_CAP) continue;
      found = texts.length ? await distinctIds(articleEventIds(store, { ids: texts })) : [];
    } else if (queries) {
      // Articles first (each query at once on PostgreSQL), then their events by id: one plan whatever the planner
      // would guess of a text search's matches.
      const lists = await Promise.all(
        queries.map(async (q) => (await sql<{ article_id: string }>`select a.article_id from (${q}) a limit ${RESOLVE_CAP + 1}`.execute(store.db)).rows),
      );
      const articles = [...new Set(lists.flat().map((r) => r.article_id))];
      if (articles.length > RESOLVE_CAP) continue;
      found = articles.length ? await distinctIds(articleEventIds(store, { ids: articles })) : [];
    } else {
      const sub = semiJoinQuery(store, filters, kind);
      if (!sub) continue;
      found = await distinctIds(sub);
    }
    if (found.length > RESOLVE_CAP) continue;
    ids = ids === undefined ? new Set(found.map((r) => r.event_id)) : new Set(found.map((r) => r.event_id).filter((id) => ids!.has(id)));
    done.add(kind);
    if (ids.size === 0) break;
  }
  return ids === undefined ? undefined : { ids: [...ids], done };
}

/** Candidates read for a text search checked in JavaScript (SQLite) before falling back to the whole lookup. */
const TEXT_CANDIDATES = 20_000;

/**
 * The ids of the articles whose title or an evidence quote contains `text`, looked up by two rare trigrams of it
 * (see ./trigrams.ts) and checked for the whole text: on PostgreSQL by the same ILIKE, on SQLite in JavaScript
 * (lowercased substring, as the trigram index folds case). Up to `RESOLVE_CAP + 1` ids; undefined when a column
 * has no rare trigram or too many candidates (the caller then looks up every trigram).
 */
async function textArticles(store: Store, text: string): Promise<string[] | undefined> {
  const columns = [
    { column: 'title' as const, table: 'articles', id: 'page_id', fts: 'articles_fts' },
    { column: 'quote' as const, table: 'evidence', id: 'article_id', fts: 'evidence_fts' },
  ];
  const picks = await Promise.all(columns.map((c) => rareTrigrams(store, c.column, text)));
  if (picks.some((p) => p === undefined)) return undefined;
  const needle = text.toLowerCase();
  const lists = await Promise.all(
    columns.map(async (c, i) => {
      const [table, id, col] = [sql.table(c.table), sql.ref(`t.${c.id}`), sql.ref(`t.${c.column}`)];
      if (store.dialect === 'postgres') {
        // The whole text as a filter the index cannot serve (an expression), the trigrams as conditions it does.
        const narrow = picks[i]!.map((t) => sql`${col} ilike ${`%${t}%`}`);
        const rows = await sql<{ article_id: string }>`select ${id} as article_id from ${table} t
          where ${sql.join(narrow, sql` and `)} and (${col} || '') ilike ${containsPattern(text)} limit ${RESOLVE_CAP + 1}`.execute(store.db);
        return rows.rows.map((r) => r.article_id);
      }
      const match = picks[i]!.map((t) => `"${t}"`).join(' AND ');
      const rows = await sql<{ article_id: string; t: string }>`select ${id} as article_id, ${col} as t from ${table} t
        where t.rowid in (select rowid from ${sql.table(c.fts)} where ${sql.table(c.fts)} match ${match}) limit ${TEXT_CANDIDATES + 1}`.execute(store.db);
      if (rows.rows.length > TEXT_CANDIDATES) return undefined;
      return rows.rows.filter((r) => (r.t ?? '').toLowerCase().includes(needle)).map((r) => r.article_id);
    }),
  );
  if (lists.some((l) => l === undefined)) return undefined;
  return [...new Set(lists.flat() as string[])];
}

/** One ordered, limited read of event ids (and dates). */
type Read = RawBuilder<unknown>;

/** `order by` of the non-date sorts, on `events` aliased `d`; undated events last. */
function otherOrder(sort: QueryFilters['sort']) {
  switch (sort) {
    case 'sources':
      return sql`d.articles desc, d.event_date desc nulls last, d.id desc`;
    case 'region':
      return sql`d.region_code asc, d.event_date desc nulls last, d.id desc`;
    default: // 'updated'
      return sql`d.updated_at desc, d.id desc`;
  }
}

/** The driver of a listing or count under these filters. */
function driverOf(filters: Partial<QueryFilters>): Driver {
  return filters.measures?.length ? 'event_measures' : 'events';
}

/** The ordered reads whose merge is the listing in a date order, each ending with `tail` (its limit). */
function dateReads(
  store: Store,
  filters: QueryFilters,
  tail: RawBuilder<unknown>,
  resolved?: ResolvedIds,
  columns?: RawBuilder<unknown>,
): Read[] {
  const driver = driverOf(filters);
  const id = driverId(driver);
  const groups: (MeasureType[] | undefined)[] = driver === 'event_measures' ? filters.measures!.map((m) => [m]) : [undefined];
  const reads: Read[] = [];
  const select = columns ?? sql`${id} as id, d.event_date as event_date`;
  for (const measures of groups) {
    const where = driverConditions(store, filters, driver, { measures, resolved });
    if (filters.sort === 'date') {
      reads.push(sql`select ${select} from ${sql.table(driver)} d ${whereClause(where)}
        order by d.event_date desc nulls last, ${id} desc ${tail}`);
      continue;
    }
    // `-date`: dated events oldest first (NULLS FIRST is what reading the index gives; none are null here), then
    // the undated ones. A date bound already excludes the undated.
    reads.push(sql`select ${select} from ${sql.table(driver)} d
      ${whereClause([...where, sql`d.event_date is not null`])} order by d.event_date asc nulls first, ${id} asc ${tail}`);
    if (!filters.since && !filters.until) {
      reads.push(sql`select ${select} from ${sql.table(driver)} d
        ${whereClause([...where, sql`d.event_date is null`])} order by ${id} asc ${tail}`);
    }
  }
  return reads;
}

/** The date orders on columns of `alias`: `date` newest first, `-date` oldest first; undated events last. */
function dateOrder(sort: 'date' | '-date', alias: string) {
  const [date, id] = [sql.ref(`${alias}.event_date`), sql.ref(`${alias}.id`)];
  return sort === 'date' ? sql`${date} desc nulls last, ${id} desc` : sql`case when ${date} is null then 1 else 0 end, ${date} asc, ${id} asc`;
}

/**
 * The `events` rows of the page `filters` asks for, in order, and whether more follow (`limit + 1` are read).
 */
export async function pageRows(store: Store, filters: QueryFilters, resolved?: ResolvedIds): Promise<{ rows: EventsTable[]; more: boolean }> {
  if (resolved?.ids.length === 0) return { rows: [], more: false };
  const rows = (await pageQuery(store, filters, resolved).execute(store.db)).rows;
  const more = rows.length > filters.limit;
  return { rows: more ? rows.slice(0, filters.limit) : rows, more };
}

/** The statement `pageRows` runs (exported for plan tests). */
export function pageQuery(store: Store, filters: QueryFilters, resolved?: ResolvedIds): RawBuilder<EventsTable> {
  const { limit, offset } = filters;
  const page = sql`limit ${limit + 1} offset ${offset}`;
  let query: RawBuilder<EventsTable>;
  if (filters.sort === 'date' || filters.sort === '-date') {
    const driver = driverOf(filters);
    const groups = driver === 'event_measures' ? filters.measures!.length : 1;
    const perGroup = filters.sort === 'date' || filters.since || filters.until ? 1 : 2;
    if (driver === 'events' && groups * perGroup === 1) {
      // One read of `events`: the page itself (the index gives the order, the rows are read for the page only).
      query = dateReads(store, filters, page, resolved, sql`d.*`)[0] as RawBuilder<EventsTable>;
    } else {
      // Ids from one read (the page) or several (each up to the page's end; `union` keeps once an event two
      // measures' reads found), then their rows.
      const single = groups * perGroup === 1;
      const reads = dateReads(store, filters, single ? page : sql`limit ${offset + limit + 1}`, resolved);
      const ids = single
        ? reads[0]
        : sql`select u.id, u.event_date from (${sql.join(
            reads.map((r, i) => sql`select id, event_date from (${r}) ${sql.raw(`r${i}`)}`),
            sql` union `,
          )}) u order by ${dateOrder(filters.sort, 'u')} ${page}`;
      query = sql<EventsTable>`select e.* from (${ids}) p join events e on e.id = p.id order by ${dateOrder(filters.sort, 'e')}`;
    }
  } else {
    const where = driverConditions(store, filters, 'events', { resolved });
    query = sql<EventsTable>`select d.* from events d ${whereClause(where)} order by ${otherOrder(filters.sort)} ${page}`;
  }
  return query;
}

/**
 * Events matching the filters, counted up to `cap` (null: all of them): the count, and whether it stopped at the
 * cap (more than `cap` match).
 */
export async function countEvents(
  store: Store,
  filters: Partial<QueryFilters>,
  cap: number | null,
  resolved?: ResolvedIds,
): Promise<{ n: number; capped: boolean }> {
  if (resolved?.ids.length === 0) return { n: 0, capped: false };
  const row = (await countQuery(store, filters, cap, resolved).execute(store.db)).rows[0];
  const n = Number(row?.n ?? 0);
  return cap !== null && n > cap ? { n: cap, capped: true } : { n, capped: false };
}

/** The statement `countEvents` runs (exported for plan tests). */
export function countQuery(store: Store, filters: Partial<QueryFilters>, cap: number | null, resolved?: ResolvedIds): RawBuilder<{ n: number | string }> {
  const driver = driverOf(filters);
  const id = driverId(driver);
  const limit = cap === null ? sql`` : sql`limit ${cap + 1}`;
  const measures = driver === 'event_measures' ? filters.measures! : [];
  if (measures.length > 1) {
    // An event with two of the measures has two rows. Capped: each measure's first cap + 1 events, merged; more
    // than the cap in one read means more in all, and reads all under it are every row.
    const reads = measures.map(
      (m, i) =>
        sql`select ${sql.raw(`r${i}`)}.id from (select ${id} as id from event_measures d ${whereClause(
          driverConditions(store, filters, driver, { measures: [m], resolved }),
        )} ${limit}) ${sql.raw(`r${i}`)}`,
    );
    return sql<{ n: number | string }>`select count(*) as n from (${sql.join(reads, sql` union `)}) t`;
  }
  const where = whereClause(driverConditions(store, filters, driver, { resolved }));
  return sql<{ n: number | string }>`select count(*) as n from (select 1 as one from ${sql.table(driver)} d ${where} ${limit}) t`;
}
