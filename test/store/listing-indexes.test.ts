/**
 * Migration 0006 (listing indexes and the `region_events` summary) on SQLite and PostgreSQL: applied over a
 * database holding events it fills the summary from them, its triggers keep it, and it rolls back to 0003's
 * indexes and forward again.
 */
import { sql } from 'kysely';
import type { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, createTestDb, migratorFor, postgresAvailable } from './helpers.js';
import type { TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

async function indexNames(store: Store): Promise<string[]> {
  const q =
    store.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'index'`
      : sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`;
  return (await q.execute(store.db)).rows.map((r) => r.name).sort();
}

async function summary(store: Store) {
  const rows = (await sql<{ region_code: string; events: number | string; latest: string | null }>`
    select region_code, events, latest from region_events order by region_code`.execute(store.db)).rows;
  return rows.map((r) => [r.region_code, Number(r.events), r.latest]);
}

function event(id: string, region: string, date: string | null) {
  const now = '2024-01-01T00:00:00.000Z';
  return {
    id,
    region_code: region,
    region_name: region,
    region_level: region.includes('.') ? 'city' : 'province',
    province_code: region.split('.')[0],
    province_name: 'P',
    event_date: date,
    date_min: date,
    date_max: date,
    first_published: date,
    last_published: date,
    commitments: 1,
    articles: 1,
    sites: 1,
    measures: '[]',
    measures_mask: 0,
    circulars: '[]',
    officials: '[]',
    seq: Number(id.slice(-4)),
    created_at: now,
    updated_at: now,
  };
}

describe.each(DIALECTS)('migration 0006 on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;
  let migrator: Migrator;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    migrator = await migratorFor(store);
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it.skipIf(skip)('fills region_events from the events present, keeps it, and rolls back and forward', async () => {
    expect((await migrator.migrateTo('0005_page_progress')).error).toBeUndefined();
    await store.db
      .insertInto('events')
      .values([event('ev_0000000000000001', '74.71', '2024-01-02'), event('ev_0000000000000002', '74.71', '2024-03-01'), event('ev_0000000000000003', '74', null)])
      .execute();
    const before = await indexNames(store);
    expect(before).toContain('events_region_event_date_idx');

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await summary(store)).toEqual([
      ['74', 1, null],
      ['74.71', 2, '2024-03-01'],
    ]);
    const after = await indexNames(store);
    for (const name of ['events_region_date_id_idx', 'events_province_date_id_idx', 'events_date_id_idx', 'event_measures_province_date_idx', 'commitments_event_article_idx']) {
      expect(after).toContain(name);
    }
    expect(after).not.toContain('events_region_event_date_idx');

    await store.db.insertInto('events').values(event('ev_0000000000000004', '74.71', '2024-05-05')).execute();
    await sql`delete from events where id = 'ev_0000000000000003'`.execute(store.db);
    await sql`update events set region_code = '74.72' where id = 'ev_0000000000000001'`.execute(store.db);
    expect(await summary(store)).toEqual([
      ['74.71', 2, '2024-05-05'],
      ['74.72', 1, '2024-01-02'],
    ]);

    // Back to before 0006 (and the migrations after it).
    expect((await migrator.migrateTo('0005_page_progress')).error).toBeUndefined();
    expect(await indexNames(store)).toEqual(before);
    const tables = store.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
      : sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`;
    expect((await tables.execute(store.db)).rows.map((t) => t.name)).not.toContain('region_events');
    // Without the triggers, writing events no longer touches a summary.
    await store.db.insertInto('events').values(event('ev_0000000000000005', '74.71', '2024-06-06')).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await summary(store)).toEqual([
      ['74.71', 3, '2024-06-06'],
      ['74.72', 1, '2024-01-02'],
    ]);
  });
});
