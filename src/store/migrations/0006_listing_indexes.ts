/**
 * 0006: indexes that let the analysts' listings (src/query/plan.ts) read a page straight off an index, and a
 * per-region summary for the coverage lists.
 *
 * - Listings sort by event date, newest first, then by id (`date`, the default). Each filter's index now ends in
 *   `event_date, id`, so "the first 50 events of this region / province / period" is a range scan that stops after
 *   51 entries, and a (capped) count is a scan of the index alone: `events (region_code | province_code, event_date,
 *   id)` and `events (event_date, id)` replace 0003's indexes without the id. On PostgreSQL they are declared
 *   `event_date DESC NULLS LAST, id DESC`, the listing's order (undated events last); SQLite reads its ascending
 *   indexes backwards for the same order.
 * - A measure filter is driven from `event_measures`, which carries region, province and date: `(measure,
 *   event_date, event_id)`, `(province_code, measure, event_date, event_id)` (replacing 0003's two indexes without
 *   the event id) and `(region_code, measure, event_date, event_id)`, the last also counting a region's events by
 *   measure (`pantau stats --region`) from the index alone.
 * - `commitments (event_id, article_id)` replaces `(event_id)`: a page's sources are found from the index alone.
 * - `region_events`: events and latest event date per region (regency, city or province government), kept by
 *   triggers on `events` (the grouping deletes and re-inserts an event's row when it changes, so insert and delete
 *   triggers see every change). `/api/regions`, `pantau regions` and the province part of `/api/regions/:code`
 *   read it instead of counting events. Filled here from the events present.
 *
 * When the SQLite database has been analysed before (sqlite_stat1 exists), the new indexes are analysed too, so
 * the planner does not weigh statistics of some indexes against defaults for others.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** [name, table, columns (SQLite), columns (PostgreSQL)] of the indexes created. */
const INDEXES: [string, string, string, string][] = [
  ['events_date_id_idx', 'events', 'event_date, id', 'event_date desc nulls last, id desc'],
  ['events_region_date_id_idx', 'events', 'region_code, event_date, id', 'region_code, event_date desc nulls last, id desc'],
  ['events_province_date_id_idx', 'events', 'province_code, event_date, id', 'province_code, event_date desc nulls last, id desc'],
  ['event_measures_measure_date_idx', 'event_measures', 'measure, event_date, event_id', 'measure, event_date desc nulls last, event_id desc'],
  [
    'event_measures_province_date_idx',
    'event_measures',
    'province_code, measure, event_date, event_id',
    'province_code, measure, event_date desc nulls last, event_id desc',
  ],
  [
    'event_measures_region_date_idx',
    'event_measures',
    'region_code, measure, event_date, event_id',
    'region_code, measure, event_date desc nulls last, event_id desc',
  ],
  ['commitments_event_article_idx', 'commitments', 'event_id, article_id', 'event_id, article_id'],
];

/** 0003's indexes these replace: [name, table, columns]. */
const REPLACED: [string, string, string][] = [
  ['events_event_date_idx', 'events', 'event_date'],
  ['events_region_event_date_idx', 'events', 'region_code, event_date'],
  ['events_province_event_date_idx', 'events', 'province_code, event_date'],
  ['event_measures_date_idx', 'event_measures', 'measure, event_date'],
  ['event_measures_province_idx', 'event_measures', 'province_code, measure, event_date'],
  ['commitments_event_idx', 'commitments', 'event_id'],
];

const SQLITE_TRIGGERS = [
  `create trigger region_events_ai after insert on events begin
     insert into region_events (region_code, events, latest) values (new.region_code, 1, new.event_date)
     on conflict (region_code) do update set events = events + 1,
       latest = case when latest is null or new.event_date > latest then new.event_date else latest end;
   end`,
  `create trigger region_events_ad after delete on events begin
     update region_events set events = events - 1,
       latest = (select max(event_date) from events where region_code = old.region_code)
     where region_code = old.region_code;
     delete from region_events where region_code = old.region_code and events <= 0;
   end`,
  // The grouping never updates these columns in place; should anything do so, the summary follows.
  `create trigger region_events_au after update of region_code, event_date on events begin
     update region_events set events = events - 1,
       latest = (select max(event_date) from events where region_code = old.region_code)
     where region_code = old.region_code;
     delete from region_events where region_code = old.region_code and events <= 0;
     insert into region_events (region_code, events, latest) values (new.region_code, 1, new.event_date)
     on conflict (region_code) do update set events = events + 1,
       latest = (select max(event_date) from events where region_code = new.region_code);
   end`,
];

const PG_FUNCTION = `create or replace function region_events_sync() returns trigger language plpgsql set search_path from current as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update region_events set events = events - 1,
      latest = (select max(e.event_date) from events e where e.region_code = old.region_code)
    where region_code = old.region_code;
    delete from region_events where region_code = old.region_code and events <= 0;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into region_events as r (region_code, events, latest) values (new.region_code, 1, new.event_date)
    on conflict (region_code) do update set events = r.events + 1,
      latest = case when r.latest is null or excluded.latest > r.latest then excluded.latest else r.latest end;
  end if;
  return null;
end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const [name, table, lite, post] of INDEXES) {
    await sql.raw(`create index ${name} on ${table} (${pg ? post : lite})`).execute(db);
  }
  for (const [name] of REPLACED) await sql.raw(`drop index ${name}`).execute(db);

  await db.schema
    .createTable('region_events')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('latest', 'text')
    .execute();
  await sql`insert into region_events (region_code, events, latest)
    select region_code, count(*), max(event_date) from events group by region_code`.execute(db);
  if (pg) {
    // Created in the schema of the tables (first on the search_path), and bound to that search_path.
    await sql.raw(PG_FUNCTION).execute(db);
    await sql
      .raw(`create trigger region_events_sync after insert or delete or update of region_code, event_date on events
        for each row execute function region_events_sync()`)
      .execute(db);
    return;
  }
  for (const trigger of SQLITE_TRIGGERS) await sql.raw(trigger).execute(db);
  const analysed = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(analysed.rows[0]?.n) > 0) for (const [name] of INDEXES) await sql.raw(`analyze ${name}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists region_events_sync on events`.execute(db);
    await sql`drop function if exists region_events_sync()`.execute(db);
  } else {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists region_events_${t}`).execute(db);
  }
  await db.schema.dropTable('region_events').execute();
  for (const [name, table, columns] of REPLACED) await sql.raw(`create index ${name} on ${table} (${columns})`).execute(db);
  for (const [name] of INDEXES) await sql.raw(`drop index ${name}`).execute(db);
}
