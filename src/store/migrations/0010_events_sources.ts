/**
 * 0010: each event's sources (0009's JSON array of `{ url, site, published_at, title }`, oldest publication first)
 * move into its `events` row, as `events.sources`, and `event_sources` goes.
 *
 * A page of a listing reads its events' rows anyway; a separate table cost each row a second lookup by key. At a
 * million events a 51-row region page took 610 µs with the table and 400 µs with the column on SQLite, 1.2 ms and
 * 0.55 ms on PostgreSQL (four buffer accesses fewer per row).
 *
 * Kept by the store (src/store/events/sources.ts) as the table was: in the transaction that saves an article or
 * regroups events, after the events' rows are written. Filled here from `event_sources` (every event present had a
 * row there; one without keeps the default, `[]`). On SQLite the steps run in one transaction: the migrator runs
 * them statement by statement there, and a column added but not filled could not be added again by a second run.
 * On PostgreSQL the update leaves a dead version of every row behind (and an entry for the new one in each index): a
 * `VACUUM` after it, which no transaction can hold, is worth running on a large database. SQLite's statistics are
 * left as they were: they count index entries, which a new column does not change. At a million events this took
 * about 5 s on SQLite and a minute on PostgreSQL.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table events add column sources text not null default '[]'`.execute(db);
    await sql`update events e set sources = s.sources from event_sources s where s.event_id = e.id`.execute(db);
    await sql`drop table event_sources`.execute(db);
    await sql`analyze events`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await sql`alter table events add column sources text not null default '[]'`.execute(trx);
    await sql`update events set sources = coalesce((select s.sources from event_sources s where s.event_id = events.id), '[]')`.execute(trx);
    await sql`drop table event_sources`.execute(trx);
  });
}

/** `event_sources` as 0009 made it, filled from the column, which goes. */
export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const steps = async (db: Kysely<any>) => {
    await sql`create table event_sources (
      event_id text primary key references events (id) on delete cascade,
      sources text not null
    ) ${pg ? sql`` : sql`without rowid`}`.execute(db);
    await sql`insert into event_sources (event_id, sources) select id, sources from events`.execute(db);
    await sql`alter table events drop column sources`.execute(db);
  };
  if (pg) {
    await steps(db);
    await sql`analyze event_sources`.execute(db);
    return;
  }
  await db.transaction().execute(steps);
  const analysed = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(analysed.rows[0]?.n) > 0) await sql`analyze event_sources`.execute(db);
}
