/**
 * Keeping `event_search` (migration 0007): an event's row holds the titles and evidence quotes of the articles
 * whose commitments point at it, and its date. Whatever changes those (an article saved again, an event
 * rewritten, commitments moved) refreshes the rows of the events concerned in the same transaction, and with them
 * their `events.sources` (./sources.ts), which hang off the same articles; an event deleted takes its search row
 * with it (foreign key).
 */
import { sql } from 'kysely';
import type { Store, TransactionProgram } from '../open.js';
import { runTransactionProgram } from '../open.js';
import { bodyTerms } from './search-terms.js';
import { articlesOf, sourcesByEvent, writeEventSources } from './sources.js';
import { chunks, exec, rowsOf } from './steps.js';

/**
 * Separates the parts of a body. A search text cannot hold it (control characters are refused), so a match never
 * spans two parts: searching the body finds what searching each title and quote finds.
 */
export const SEARCH_SEPARATOR = '\n';

/** Rows per insert: bodies can be long, and a statement's size stays modest. */
const INSERT_ROWS = 100;

/** Events read at a time by a rebuild. */
const REBUILD_EVENTS = 2000;

/** The body of an event: its distinct non-empty texts, joined. */
export function searchBody(texts: Iterable<string | null>): string {
  const parts = new Set<string>();
  for (const t of texts) if (t) parts.add(t);
  return [...parts].join(SEARCH_SEPARATOR);
}

/**
 * Rewrites the `event_search` rows and the `sources` of these events from the tables (no search row for an event
 * gone or without text; the sources of every event present, `[]` for one without articles).
 */
export function* refreshEventSearch(store: Store, eventIds: Iterable<string>): TransactionProgram<void> {
  const db = store.db;
  for (const ids of chunks([...new Set(eventIds)].sort())) {
    if (ids.length === 0) continue;
    const events = yield* rowsOf(db.selectFrom('events').select(['id', 'event_date']).where('id', 'in', ids).compile());
    // The articles once, for both tables: their titles are searched, and they are the sources.
    const articles = yield* rowsOf(articlesOf(store, ids));
    const quotes = yield* rowsOf(
      db
        .selectFrom('commitments as c')
        .innerJoin('evidence as ev', 'ev.article_id', 'c.article_id')
        .select(['c.event_id', 'ev.quote as t'])
        .distinct()
        .where('c.event_id', 'in', ids)
        .compile(),
    );
    const byEvent = new Map<string, string[]>();
    for (const r of [...articles.map((a) => ({ event_id: a.event_id, t: a.title })), ...quotes]) {
      if (r.event_id === null) continue;
      const list = byEvent.get(r.event_id);
      if (list) list.push(r.t);
      else byEvent.set(r.event_id, [r.t]);
    }
    yield* exec(db.deleteFrom('event_search').where('event_id', 'in', ids).compile());
    const rows = events
      .map((e) => ({ event_id: e.id, event_date: e.event_date, body: searchBody(byEvent.get(e.id) ?? []) }))
      .filter((r) => r.body !== '')
      .map((r) => ({ ...r, terms: bodyTerms(r.body).join(' ') }));
    for (const batch of chunks(rows, INSERT_ROWS)) yield* exec(db.insertInto('event_search').values(batch).compile());
    yield* writeEventSources(store, sourcesByEvent(events.map((e) => e.id), articles));
  }
}

/**
 * Rebuilds every `event_search` row and every event's `sources` from the tables, in one transaction. For data
 * written around the store (bulk loads such as `npm run bench:query`, test fixtures inserting rows directly); saves
 * and regrouping keep both up to date.
 */
export async function rebuildEventSearch(store: Store): Promise<void> {
  const db = store.db;
  const pg = store.dialect === 'postgres';
  const nl = pg ? sql`E'\\n'` : sql`char(10)`;
  const agg = pg ? sql`string_agg(distinct x.t, ${nl})` : sql`group_concat(x.t, ${nl})`;
  // The texts of a range of events (the commitments index starts with the event id).
  const texts = (from: string, to: string) => sql`select c.event_id, a.title as t from commitments c join articles a on a.page_id = c.article_id
      where c.event_id >= ${from} and c.event_id <= ${to}
    union select c.event_id, ev.quote as t from commitments c join evidence ev on ev.article_id = c.article_id
      where c.event_id >= ${from} and c.event_id <= ${to}`;
  await runTransactionProgram(store, function* () {
    yield sql`delete from event_search`.compile(db);
    // A range of events at a time: their bodies joined in SQL (apart from how refreshEventSearch joins them, which
    // the tests compare with this), each row inserted once with its terms, which only JavaScript computes; then
    // the range's sources.
    for (let after = ''; ; ) {
      const ids = (yield* rowsOf(db.selectFrom('events').select('id').where('id', '>', after).orderBy('id').limit(REBUILD_EVENTS).compile())).map((r) => r.id);
      if (ids.length === 0) return;
      const [from, to] = [ids[0], ids[ids.length - 1]];
      after = to;
      const bodies = yield* rowsOf(
        sql<{ event_id: string; event_date: string | null; body: string }>`select e.id as event_id, e.event_date, b.body from events e
          join (select x.event_id, ${agg} as body from (${texts(from, to)}) x where x.t is not null and x.t <> '' group by x.event_id) b
          on b.event_id = e.id`.compile(db),
      );
      const rows = bodies.map((r) => ({ ...r, terms: bodyTerms(r.body).join(' ') }));
      for (const batch of chunks(rows, INSERT_ROWS)) yield* exec(db.insertInto('event_search').values(batch).compile());
      yield* writeEventSources(store, sourcesByEvent(ids, yield* rowsOf(articlesOf(store, { from, to }))));
    }
  });
}
