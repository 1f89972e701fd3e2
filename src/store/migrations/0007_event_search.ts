/**
 * 0007: `event_search`, one row per event holding what a text search (`--text`, `?text=`) looks through: the
 * titles of the event's articles and their evidence quotes, joined by newlines (a search text never holds a
 * control character, so no match spans two of them), with the event's date.
 *
 * Before, a search looked up titles and quotes separately (0004's indexes), mapped the articles found to their
 * events through `commitments`, then read those events to order them: four reads of every match. Now one lookup
 * finds the events and their dates (a page is ordered without reading the events), which is most of a search's
 * cost at a million events.
 *
 * Kept by the store (src/store/events/search.ts) in the transaction that saves an article or regroups events; an
 * event's row goes with it (foreign key, on delete cascade). Filled here from the events present. Text search on
 * SQLite: an FTS5 trigram table over `body` (external content, kept by triggers; `id` is the rowid, so a VACUUM
 * keeps them in step); on PostgreSQL a pg_trgm GIN index on `body`. 0004's title and quote indexes, read by no query
 * since, are dropped by 0008.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

const SQLITE_TRIGGERS = [
  `create trigger event_search_fts_ai after insert on event_search begin
     insert into event_search_fts(rowid, body) values (new.id, new.body); end`,
  `create trigger event_search_fts_ad after delete on event_search begin
     insert into event_search_fts(event_search_fts, rowid, body) values ('delete', old.id, old.body); end`,
  `create trigger event_search_fts_au after update on event_search begin
     insert into event_search_fts(event_search_fts, rowid, body) values ('delete', old.id, old.body);
     insert into event_search_fts(rowid, body) values (new.id, new.body); end`,
];

/**
 * The rows of the events present (those with some text). The store computes the same body in JavaScript
 * (src/store/events/search.ts); only the order of the parts may differ, which no search sees. Kept here rather
 * than imported so the migration stays what it was when applied.
 */
function fill(pg: boolean) {
  const nl = pg ? sql`E'\\n'` : sql`char(10)`;
  const agg = pg ? sql`string_agg(distinct x.t, ${nl})` : sql`group_concat(x.t, ${nl})`;
  const texts = sql`select c.event_id, a.title as t from commitments c join articles a on a.page_id = c.article_id where c.event_id is not null
    union select c.event_id, ev.quote as t from commitments c join evidence ev on ev.article_id = c.article_id where c.event_id is not null`;
  return sql`insert into event_search (event_id, event_date, body)
    select e.id, e.event_date, b.body from events e join (select x.event_id, ${agg} as body from (${texts}) x
      where x.t is not null and x.t <> '' group by x.event_id) b on b.event_id = e.id`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('event_search')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().unique().references('events.id').onDelete('cascade'))
    .addColumn('event_date', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  if (pg) {
    const schema = (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema;
    await fill(true).execute(db);
    const ops = sql.raw(`${JSON.stringify(schema ?? 'public')}.gin_trgm_ops`);
    await sql`create index event_search_body_trgm_idx on event_search using gin (body ${ops})`.execute(db);
    await sql`analyze event_search`.execute(db);
    return;
  }
  await sql`create virtual table event_search_fts using fts5(body, content='event_search', content_rowid='id', tokenize='trigram')`.execute(db);
  for (const t of SQLITE_TRIGGERS) await sql.raw(t).execute(db);
  await fill(false).execute(db);
  const analysed = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(analysed.rows[0]?.n) > 0) await sql`analyze event_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists event_search_fts_${t}`).execute(db);
    await sql`drop table if exists event_search_fts`.execute(db);
  }
  await db.schema.dropTable('event_search').execute();
}
