/**
 * Listing events (one row per reported pledge, with its sources) under the analysts' filters, and one event by id.
 */
import type { Store, StoredEvent } from '../store/index.js';
import { eventRegion, loadEvent } from '../store/index.js';
import type { EventsTable } from '../store/index.js';
import type { MeasureType, RegionRef } from '../types/record.js';
import { filterConditions } from './conditions.js';
import type { QueryFilters } from './filters.js';

/** One source (article) of a listed event. */
export interface EventSourceRef {
  url: string | null;
  site: string | null;
  published_at: string | null;
  title: string;
}

/** One event in a listing. */
export interface EventItem {
  id: string;
  region: RegionRef;
  /** The date most sources give, else the first publication date (YYYY-MM-DD). */
  event_date: string | null;
  first_published: string | null;
  last_published: string | null;
  measures: MeasureType[];
  /** Circular numbers, most cited first. */
  circulars: string[];
  /** Officials (most frequent spelling), most mentioned first. */
  officials: string[];
  /** Commitments grouped, distinct articles, distinct outlets. */
  commitments: number;
  articles: number;
  sites: number;
  /** URL of the earliest published source. */
  first_source_url: string | null;
  /** Every source, oldest publication first. */
  sources: EventSourceRef[];
  updated_at: string;
}

export interface EventPage {
  /** Events matching the filters (before limit / offset). */
  total: number;
  items: EventItem[];
}

function orderBy(sort: QueryFilters['sort']) {
  switch (sort) {
    case '-date':
      return [['events.event_date', 'asc'], ['events.id', 'asc']] as const;
    case 'sources':
      return [['events.articles', 'desc'], ['events.event_date', 'desc'], ['events.id', 'desc']] as const;
    case 'region':
      return [['events.region_code', 'asc'], ['events.event_date', 'desc'], ['events.id', 'desc']] as const;
    case 'updated':
      return [['events.updated_at', 'desc'], ['events.id', 'desc']] as const;
    default:
      return [['events.event_date', 'desc'], ['events.id', 'desc']] as const;
  }
}

/** A stored events row as a listing item (sources filled in separately). */
export function eventItem(e: EventsTable, sources: EventSourceRef[]): EventItem {
  return {
    id: e.id,
    region: eventRegion(e),
    event_date: e.event_date,
    first_published: e.first_published,
    last_published: e.last_published,
    measures: JSON.parse(e.measures) as MeasureType[],
    circulars: JSON.parse(e.circulars) as string[],
    officials: JSON.parse(e.officials) as string[],
    commitments: Number(e.commitments),
    articles: Number(e.articles),
    sites: Number(e.sites),
    first_source_url: sources.find((s) => s.url !== null)?.url ?? null,
    sources,
    updated_at: e.updated_at,
  };
}

const byPublication = (a: EventSourceRef, b: EventSourceRef) =>
  (a.published_at ?? '\uffff').localeCompare(b.published_at ?? '\uffff') || (a.url ?? '').localeCompare(b.url ?? '');

/** The sources of some events, by event id, oldest publication first (an article once per event). */
export async function sourcesOf(store: Store, ids: string[]): Promise<Map<string, EventSourceRef[]>> {
  const out = new Map<string, EventSourceRef[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await store.db
    .selectFrom('commitments as c')
    .innerJoin('articles as a', 'a.page_id', 'c.article_id')
    .select(['c.event_id', 'a.page_id', 'a.url', 'a.site', 'a.published_at', 'a.title'])
    .where('c.event_id', 'in', ids)
    .execute();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.event_id}|${r.page_id}`;
    if (r.event_id === null || seen.has(key)) continue;
    seen.add(key);
    out.get(r.event_id)?.push({ url: r.url, site: r.site, published_at: r.published_at, title: r.title });
  }
  for (const list of out.values()) list.sort(byPublication);
  return out;
}

/**
 * Events matching the filters, sorted and paged (`limit`, `offset`), with the total count. Events without a date
 * sort last whatever the direction.
 */
export async function queryEvents(store: Store, filters: QueryFilters): Promise<EventPage> {
  const db = store.db;
  const base = db.selectFrom('events').where((eb) => eb.and(filterConditions(store, filters, eb)));
  let list = base.selectAll('events');
  for (const [column, direction] of orderBy(filters.sort)) {
    list = list.orderBy(column, (ob) => (direction === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()));
  }
  const [rows, count] = await Promise.all([
    list.limit(filters.limit).offset(filters.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const sources = await sourcesOf(store, rows.map((r) => r.id));
  return { total: Number(count.n), items: rows.map((r) => eventItem(r, sources.get(r.id) ?? [])) };
}

/** One event with its sources and evidence (see `loadEvent`); a merged id resolves to its survivor. */
export async function getEvent(store: Store, id: string): Promise<StoredEvent | undefined> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  return loadEvent(store, id);
}
