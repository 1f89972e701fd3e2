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
import { articlesOf, rebuildEventSources, sourcesByEvent, writeEventSources } from './sources.js';
import { chunks, exec, rowsOf } from './steps.js';

/**
 * Separates the parts of a body. A search text cannot hold it (control characters are refused), so a match never
 * spans two parts: searching the body finds what searching each title and quote finds.
 */
export const SEARCH_SEPARATOR = '\n';

/** Rows per insert: bodies can be long, and a statement's size stays modest. */
const INSERT_ROWS = 100;

/** Rows read and given their terms at a time by a rebuild. */
const TERMS_ROWS = 2000;

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
 * Sets the terms (./search-terms.ts) of every `event_search` row, in batches by id. Migration 0011 does the same with
 * its own copy of the terms, as it was when applied.
 */
function* fillSearchTerms(store: Store): TransactionProgram<void> {
  const pg = store.dialect === 'postgres';
  for (let last: number | string = 0; ; ) {
    const rows: { id: number | string; body: string }[] = yield* rowsOf(sql<{ id: number | string; body: string }>`select id, body from event_search where id > ${last} order by id limit ${TERMS_ROWS}`.compile(store.db));
    if (rows.length === 0) return;
    const values = sql.join(rows.map((r) => sql`(${pg ? sql`${r.id}::bigint` : r.id}, ${bodyTerms(r.body).join(' ')})`));
    yield* exec(
      pg
        ? sql`update event_search s set terms = v.terms from (values ${values}) v(id, terms) where s.id = v.id`.compile(store.db)
        : sql`update event_search set terms = v.column2 from (values ${values}) v where event_search.id = v.column1`.compile(store.db),
    );
    last = rows[rows.length - 1].id;
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
  const texts = sql`select c.event_id, a.title as t from commitments c join articles a on a.page_id = c.article_id where c.event_id is not null
    union select c.event_id, ev.quote as t from commitments c join evidence ev on ev.article_id = c.article_id where c.event_id is not null`;
  await runTransactionProgram(store, function* () {
    yield sql`delete from event_search`.compile(db);
    yield sql`insert into event_search (event_id, event_date, body)
      select e.id, e.event_date, b.body from events e join (select x.event_id, ${agg} as body from (${texts}) x
        where x.t is not null and x.t <> '' group by x.event_id) b on b.event_id = e.id`.compile(db);
    yield* fillSearchTerms(store);
    yield* rebuildEventSources(store);
  });
}
