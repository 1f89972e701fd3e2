/**
 * Listing events (one row per reported pledge, with its sources) under the analysts' filters, and one event by id.
 */
import type { Selectable } from 'kysely';
import type { EventSourceRef, Store, StoredEvent } from '../store/index.js';
import { eventRegion, loadEvent } from '../store/index.js';
import type { EventsTable } from '../store/index.js';
import type { MeasureType, RegionRef } from '../types/record.js';
import { countEvents, onlyResolved, pageRows, resolveSemiJoins } from './plan.js';
import type { QueryFilters } from './filters.js';

export type { EventSourceRef };

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

/**
 * Counting stops beyond this many matches (see `EventPage.totalCapped`): a page costs the same however many events
 * match. `pantau stats` / `/api/stats` count exactly.
 */
export const TOTAL_CAP = 1000;

export interface EventPage {
  /**
   * Events matching the filters (before limit / offset): exact unless `totalCapped`. When more than `TOTAL_CAP`
   * (1,000) match, counting stops there, `totalCapped` is true and `total` is a lower bound: at least that many
   * match (1,000, or the end of this page and one more when that is further). Exact with `exactTotal`.
   */
  total: number;
  /** Whether `total` stopped at the cap (more events match than counted). */
  totalCapped: boolean;
  /** Whether events follow this page (another page exists), known exactly whatever the cap. */
  more: boolean;
  items: EventItem[];
}

export interface QueryEventsOptions {
  /** Count every match however many (default false: up to `totalCap`). */
  exactTotal?: boolean;
  /** Where counting stops (default `TOTAL_CAP`, 1,000). */
  totalCap?: number;
}

/** A stored events row and its sources as a listing item. */
export function eventItem(e: Selectable<EventsTable>, sources: EventSourceRef[]): EventItem {
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

/**
 * Events matching the filters, sorted and paged (`limit`, `offset`), with the total count (up to `TOTAL_CAP` unless
 * `exactTotal`). Events without a date sort last whatever the direction. The page is read off an index where the
 * filters allow (see ./plan.ts), with the sources stored in each event's row (`events.sources`).
 */
export async function queryEvents(store: Store, filters: QueryFilters, options: QueryEventsOptions = {}): Promise<EventPage> {
  const resolved = await resolveSemiJoins(store, filters);
  const { rows, more } = await pageRows(store, filters, resolved);
  const ids = rows.map((r) => r.id);
  // The page itself tells the total when it is the last one (and not past the end); so do the semi-join ids when
  // they are the only filters. Otherwise count.
  let known: number | undefined;
  if (!more && (ids.length > 0 || filters.offset === 0)) known = filters.offset + ids.length;
  else if (onlyResolved(filters, resolved)) known = resolved.ids.length;
  const count =
    known === undefined ? await countEvents(store, filters, options.exactTotal ? null : Math.max(1, options.totalCap ?? TOTAL_CAP), resolved) : undefined;
  const items = rows.map((r) => eventItem(r, JSON.parse(r.sources) as EventSourceRef[]));
  if (!count) return { total: known!, totalCapped: false, more, items };
  // Capped: at least the cap match, and at least up to this page's end (and one more when a page follows).
  const seen = ids.length > 0 ? filters.offset + ids.length + (more ? 1 : 0) : 0;
  const total = count.capped ? Math.max(count.n, seen) : count.n;
  return { total, totalCapped: count.capped, more, items };
}

/** One event with its sources and evidence (see `loadEvent`); a merged id resolves to its survivor. */
export async function getEvent(store: Store, id: string): Promise<StoredEvent | undefined> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  return loadEvent(store, id);
}
