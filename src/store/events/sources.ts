/**
 * Keeping `events.sources` (migration 0010): an event's row holds, as JSON, the sources a listing shows for it (one
 * entry per article whose commitments point at the event: url, site, publication date, title; oldest publication
 * first), so that a page of events reads them with its rows instead of joining commitments and articles. The column
 * is written beside `event_search` (./search.ts), in the same transaction, whenever an article is saved again, an
 * event rewritten or commitments moved: after the events' rows are inserted (an insert leaves `[]`) and their
 * commitments point at them.
 */
import { sql } from 'kysely';
import type { CompiledQuery } from 'kysely';
import type { Store, TransactionProgram } from '../open.js';
import { chunks, exec } from './steps.js';

/** One source (article) of an event, as listings show it. */
export interface EventSourceRef {
  url: string | null;
  site: string | null;
  published_at: string | null;
  title: string;
}

/** An article reporting an event (one row per commitment: an article reporting it twice comes twice). */
export interface EventArticleRow {
  event_id: string | null;
  page_id: string;
  url: string | null;
  site: string | null;
  published_at: string | null;
  title: string;
}

/**
 * Oldest publication first (undated last), then by URL, as listings always ordered sources; then by article id,
 * so that articles alike in both (no URL) come in one order whichever statement read them.
 */
function byPublication(a: EventArticleRow, b: EventArticleRow): number {
  return (
    (a.published_at ?? '\uffff').localeCompare(b.published_at ?? '\uffff') ||
    (a.url ?? '').localeCompare(b.url ?? '') ||
    (a.page_id < b.page_id ? -1 : a.page_id > b.page_id ? 1 : 0)
  );
}

/** The read of the articles of these events, or of the events whose ids fall in a range. */
export function articlesOf(store: Store, ids: string[] | { from: string; to: string }): CompiledQuery<EventArticleRow> {
  const q = store.db
    .selectFrom('commitments as c')
    .innerJoin('articles as a', 'a.page_id', 'c.article_id')
    .select(['c.event_id', 'a.page_id', 'a.url', 'a.site', 'a.published_at', 'a.title']);
  return (Array.isArray(ids) ? q.where('c.event_id', 'in', ids) : q.where('c.event_id', '>=', ids.from).where('c.event_id', '<=', ids.to)).compile();
}

/** The sources of each event of `eventIds` (none for an event without articles among `rows`), as stored. */
export function sourcesByEvent(eventIds: Iterable<string>, rows: readonly EventArticleRow[]): Map<string, EventSourceRef[]> {
  const byEvent = new Map<string, Map<string, EventArticleRow>>();
  for (const id of eventIds) byEvent.set(id, new Map());
  for (const r of rows) if (r.event_id !== null) byEvent.get(r.event_id)?.set(r.page_id, r);
  const out = new Map<string, EventSourceRef[]>();
  for (const [id, articles] of byEvent) {
    out.set(
      id,
      [...articles.values()].sort(byPublication).map((a) => ({ url: a.url, site: a.site, published_at: a.published_at, title: a.title })),
    );
  }
  return out;
}

/**
 * Sets the `sources` of these events (an id without a row is skipped): one update a batch, joining the rows to a
 * list of (id, sources) pairs, which both dialects read as `update ... from` a `values` list. A row already holding
 * its list is left alone: a save refreshes its article's events whether or not their sources changed (saving a
 * page again usually changes none), and rewriting an `events` row costs a new version of it on PostgreSQL, with an
 * entry in each of its indexes.
 */
export function* writeEventSources(store: Store, sources: ReadonlyMap<string, EventSourceRef[]>): TransactionProgram<void> {
  const pairs = [...sources].map(([id, list]) => sql`(${id}, ${JSON.stringify(list)})`);
  for (const batch of chunks(pairs)) {
    yield* exec(
      sql`with v (id, sources) as (values ${sql.join(batch)})
        update events set sources = v.sources from v where events.id = v.id and events.sources <> v.sources`.compile(store.db),
    );
  }
}
