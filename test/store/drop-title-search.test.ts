/**
 * Migration 0008 on SQLite and PostgreSQL: drops 0004's title and quote search indexes (which no query reads
 * since 0007), so saving a record no longer writes them; `down` builds them again over the rows present.
 */
import { sql } from 'kysely';
import type { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticleRecord, savePage } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { MALTENG, record } from '../group/fixtures.js';
import { DIALECTS, createTestDb, migratorFor, postgresAvailable } from './helpers.js';
import type { TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

/** The 0004 search structures present: FTS tables and triggers (SQLite) or trigram indexes (PostgreSQL). */
async function searchStructures(store: Store, dialect: StoreDialect): Promise<string[]> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes
      where schemaname = current_schema() and indexname in ('articles_title_trgm_idx', 'evidence_quote_trgm_idx')`.execute(store.db);
    return rows.map((r) => r.name).sort();
  }
  const { rows } = await sql<{ name: string }>`select name from sqlite_master
    where name like 'articles_fts%' or name like 'evidence_fts%'`.execute(store.db);
  return rows.map((r) => r.name).sort();
}

describe.each(DIALECTS)('migration 0008 on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;
  let migrator: Migrator;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    migrator = await migratorFor(store);
    expect((await migrator.migrateTo('0007_event_search')).error).toBeUndefined();
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it.skipIf(skip)('drops the title and quote indexes, and down builds them again over the rows present', async () => {
    const before = await searchStructures(store, dialect);
    expect(before.length).toBeGreaterThan(0);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await searchStructures(store, dialect)).toEqual([]);

    // Saving works without them; rolled back, the rebuilt indexes hold the row saved meanwhile.
    const id = await savePage(store, { url: 'https://a.test/x', sourceId: null, status: 200, body: '<html>x</html>', contentType: 'text/html' } as Parameters<typeof savePage>[1]);
    const rec = record({ url: 'https://a.test/x', published: '2024-02-01', region: MALTENG, eventDate: '2024-02-01', measures: ['pledge'] });
    await saveArticleRecord(store, id, rec);
    expect((await migrator.migrateTo('0007_event_search')).error).toBeUndefined();
    expect(await searchStructures(store, dialect)).toEqual(before);
    if (dialect === 'sqlite') {
      const word = rec.title.slice(0, 6);
      const { rows } = await sql<{ n: number }>`select count(*) as n from articles_fts where title like ${`%${word}%`}`.execute(store.db);
      expect(Number(rows[0].n)).toBe(1);
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
