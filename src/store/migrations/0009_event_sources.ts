/**
 * 0009: `event_sources`, one row per event holding, as a JSON array, the sources a listing shows for it: `{ url,
 * site, published_at, title }` for each article whose commitments point at it, oldest publication first.
 *
 * Before, every page of a listing joined `commitments` and `articles` for its events: the largest single cost of a
 * listing on SQLite (up to about half its SQL time at a million events) and one round trip more on PostgreSQL. Now the
 * page's statement reads each event's list by primary key. SQLite keeps the table WITHOUT ROWID, so that lookup
 * descends one b-tree instead of an index and then the table.
 *
 * Kept by the store (src/store/events/sources.ts) beside `event_search`, in the transaction that saves an article
 * or regroups events; an event's row goes with it (foreign key, on delete cascade). Filled here from the events
 * present, in JavaScript: sources published the same day are ordered by `localeCompare` on their URLs, as
 * listings have always ordered them, which no SQL collation of both dialects reproduces. The ordering is kept
 * here rather than imported so the migration stays what it was when applied.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** Events per read of their articles (and per insert: two parameters a row, far below both dialects' limits). */
const BATCH = 2000;

interface ArticleRow {
  event_id: string;
  page_id: string;
  url: string | null;
  site: string | null;
  published_at: string | null;
  title: string;
}

function byPublication(a: ArticleRow, b: ArticleRow): number {
  return (
    (a.published_at ?? '\uffff').localeCompare(b.published_at ?? '\uffff') ||
    (a.url ?? '').localeCompare(b.url ?? '') ||
    (a.page_id < b.page_id ? -1 : a.page_id > b.page_id ? 1 : 0)
  );
}

/** The rows of the events present, a range of event ids at a time (the commitments index starts with the id). */
async function fill(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (await db.selectFrom('events').select('id').where('id', '>', after).orderBy('id').limit(BATCH).execute()).map((r) => r.id as string);
    if (ids.length === 0) return;
    after = ids[ids.length - 1];
    const rows = (await db
      .selectFrom('commitments as c')
      .innerJoin('articles as a', 'a.page_id', 'c.article_id')
      .select(['c.event_id', 'a.page_id', 'a.url', 'a.site', 'a.published_at', 'a.title'])
      .where('c.event_id', '>=', ids[0])
      .where('c.event_id', '<=', after)
      .execute()) as ArticleRow[];
    const byEvent = new Map(ids.map((id) => [id, new Map<string, ArticleRow>()]));
    for (const r of rows) byEvent.get(r.event_id)?.set(r.page_id, r);
    const values = [...byEvent].map(([event_id, articles]) => ({
      event_id,
      sources: JSON.stringify(
        [...articles.values()].sort(byPublication).map((a) => ({ url: a.url, site: a.site, published_at: a.published_at, title: a.title })),
      ),
    }));
    await db.insertInto('event_sources').values(values).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await sql`create table event_sources (
    event_id text primary key references events (id) on delete cascade,
    sources text not null
  ) ${pg ? sql`` : sql`without rowid`}`.execute(db);
  await fill(db);
  if (pg) {
    await sql`analyze event_sources`.execute(db);
    return;
  }
  const analysed = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(analysed.rows[0]?.n) > 0) await sql`analyze event_sources`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_sources').execute();
}
