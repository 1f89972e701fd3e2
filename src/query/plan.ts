/**
 * How a listing is read. The semi-join filters (text, official, outlet) are resolved first, once, to a list of
 * event ids when they match up to `RESOLVE_CAP` events. Then one page of rows (plus one, to know whether another
 * page follows) is read off an index where the filters allow it, each with its sources (`events.sources`, in the
 * row); and the total is counted separately, up to a cap, from the same index.
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
import type { RawBuilder, Selectable } from 'kysely';
import type { EventsTable, Store } from '../store/index.js';
import type { MeasureType } from '../types/record.js';
import { SEMI_JOINS, articleEventIds, driverConditions, driverId, semiJoinArticles, semiJoinQuery, whereClause } from './conditions.js';
import type { Driver, ResolvedIds, SemiJoin } from './conditions.js';
import type { QueryFilters } from './filters.js';
import { textEvents } from './text-search.js';

/**
 * Most event ids a semi-join filter (official, source, text) may match to be read once and passed on as a list;
 * beyond it the filter stays a subquery of each statement.
 */
export const RESOLVE_CAP = 5000;

/**
 * Reads the events the semi-join filters match (text search, official, outlet) once, instead of in both the
 * listing and the count: their intersection, and which filters it stands for (with the events' dates when a text
 * search was resolved). Undefined when there is no such filter or each matches more than `RESOLVE_CAP` events.
 */
export async function resolveSemiJoins(store: Store, filters: Partial<QueryFilters>): Promise<ResolvedIds | undefined> {
  let ids: Set<string> | undefined;
  let dates: Map<string, string | null> | undefined;
  const done = new Set<SemiJoin>();
  const distinctIds = async (q: RawBuilder<{ event_id: string | null }>) =>
    (await sql<{ event_id: string }>`select distinct s.event_id from (${q}) s where s.event_id is not null limit ${RESOLVE_CAP + 1}`.execute(store.db)).rows;
  for (const kind of SEMI_JOINS) {
    let found: { event_id: string }[];
    const queries = semiJoinArticles(store, filters, kind);
    if (kind === 'text' && filters.text) {
      const matches = await textEvents(store, filters.text, RESOLVE_CAP);
      if (matches.length > RESOLVE_CAP) continue;
      dates = new Map(matches.map((m) => [m.id, m.event_date]));
      found = matches.map((m) => ({ event_id: m.id }));
    } else if (queries) {
      // Articles first (each query at once on PostgreSQL), then their events by id.
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
  if (ids === undefined) return undefined;
  return dates ? { ids: [...ids], done, dates } : { ids: [...ids], done };
}

/** Whether the resolved ids are the whole answer: every filter given is a semi-join they stand for. */
export function onlyResolved(filters: Partial<QueryFilters>, resolved: ResolvedIds | undefined): resolved is ResolvedIds {
  if (!resolved) return false;
  if (filters.regions?.length || filters.province || filters.measures?.length || filters.since || filters.until) return false;
  return SEMI_JOINS.every((k) => !filters[k] || resolved.done.has(k));
}

/** One ordered, limited read of event ids (and dates). */
type Read = RawBuilder<unknown>;

/** An `events` row of a page, its sources (JSON) included. */
export type PageRow = Selectable<EventsTable>;

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

/**
 * The order of one date read of a driver aliased `d` (`id` its event id), as an index of migration 0006 gives it
 * read one way (`date`, undated rows last) or the other (`-date`, on dated rows only: see `dateReads`).
 */
function readOrder(sort: 'date' | '-date', id: RawBuilder<unknown>) {
  return sort === 'date' ? sql`d.event_date desc nulls last, ${id} desc` : sql`d.event_date asc nulls first, ${id} asc`;
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
      reads.push(sql`select ${select} from ${sql.table(driver)} d ${whereClause(where)} order by ${readOrder('date', id)} ${tail}`);
      continue;
    }
    // `-date`: dated events oldest first (NULLS FIRST is what reading the index gives; none are null here), then
    // the undated ones. A date bound already excludes the undated.
    reads.push(sql`select ${select} from ${sql.table(driver)} d
      ${whereClause([...where, sql`d.event_date is not null`])} order by ${readOrder('-date', id)} ${tail}`);
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
 * The `events` rows of the page `filters` asks for, in order, with their sources, and whether more follow (`limit +
 * 1` are read).
 */
export async function pageRows(store: Store, filters: QueryFilters, resolved?: ResolvedIds): Promise<{ rows: PageRow[]; more: boolean }> {
  if (resolved?.ids.length === 0) return { rows: [], more: false };
  if (resolved?.dates && (filters.sort === 'date' || filters.sort === '-date') && onlyResolved(filters, resolved)) {
    return pageFromDates(store, filters, resolved.ids, resolved.dates);
  }
  const rows = (await pageQuery(store, filters, resolved).execute(store.db)).rows;
  const more = rows.length > filters.limit;
  return { rows: more ? rows.slice(0, filters.limit) : rows, more };
}

/**
 * The page in a date order of events whose dates are known: ordered here as the statements order them (undated
 * last; ids and ISO dates compare alike as bytes and in any collation), then only the page's rows are read.
 */
async function pageFromDates(
  store: Store,
  filters: QueryFilters,
  ids: string[],
  dates: ReadonlyMap<string, string | null>,
): Promise<{ rows: PageRow[]; more: boolean }> {
  const dir = filters.sort === 'date' ? -1 : 1;
  const cmp = (a: string, b: string) => (a < b ? -dir : a > b ? dir : 0);
  const sorted = [...ids].sort((a, b) => {
    const [da, db] = [dates.get(a) ?? null, dates.get(b) ?? null];
    if (da !== db) return da === null ? 1 : db === null ? -1 : cmp(da, db);
    return cmp(a, b);
  });
  const page = sorted.slice(filters.offset, filters.offset + filters.limit + 1);
  const more = page.length > filters.limit;
  if (more) page.pop();
  if (page.length === 0) return { rows: [], more };
  const found = await store.db.selectFrom('events').selectAll().where('id', 'in', page).execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  return { rows: page.flatMap((id) => byId.get(id) ?? []), more };
}

/** The statement `pageRows` runs (exported for plan tests). */
export function pageQuery(store: Store, filters: QueryFilters, resolved?: ResolvedIds): RawBuilder<PageRow> {
  const { limit, offset } = filters;
  const page = sql`limit ${limit + 1} offset ${offset}`;
  let query: RawBuilder<PageRow>;
  if (filters.sort === 'date' || filters.sort === '-date') {
    const driver = driverOf(filters);
    const groups = driver === 'event_measures' ? filters.measures!.length : 1;
    const perGroup = filters.sort === 'date' || filters.since || filters.until ? 1 : 2;
    if (driver === 'events' && groups * perGroup === 1 && filters.offset === 0) {
      // One read of `events`: the page itself (the index gives the order, the rows are read for the page only).
      // Past the first page the ids come first (below): PostgreSQL reads the row of every event an offset skips
      // (at offset 900 of a region, 914 table pages instead of 21), where the ids alone are in the index.
      query = dateReads(store, filters, page, resolved, sql`d.*`)[0] as RawBuilder<PageRow>;
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
      query = sql<PageRow>`select e.* from (${ids}) p join events e on e.id = p.id order by ${dateOrder(filters.sort, 'e')}`;
    }
  } else {
    const where = driverConditions(store, filters, 'events', { resolved });
    query = sql<PageRow>`select d.* from events d ${whereClause(where)} order by ${otherOrder(filters.sort)} ${page}`;
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
