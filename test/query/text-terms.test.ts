/**
 * Text search by boundary terms (migration 0011) on SQLite and PostgreSQL: over varied titles and quotes (short
 * words, punctuation, several spaces, non-ASCII letters, what PostgreSQL lowercases unlike JavaScript), texts with a
 * space taken from the bodies and made up find exactly what a scan of every body finds (a lowercased substring on
 * SQLite, ILIKE on PostgreSQL); the terms are what such a search reads; 0011 fills the terms of the rows present,
 * and its `down` leaves 0010's schema.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPattern } from '../../src/query/conditions.js';
import { textEvents } from '../../src/query/text-search.js';
import { bodyTerms, rebuildEventSearch, textTerms } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, createTestDb, migratorFor, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { mulberry32 } from '../../scripts/lib/prng.js';
import { seedSearchEvents } from './search-seed.js';

const pgUp = await postgresAvailable();

const WORDS = ['Budi', 'Santoso', 'santoso,', 'Sri', 'Lubis', 'di', 'ke', 'ASN', 'Érik', 'Núñez', 'ABDİ', 'ΣΑΣ', 'σας', 'Kota', 'Kendari', '(Wali)', 'pakta', 'integritas', '100%', 'a_b', 'hadir.', '😀ok', 'Rajagukguk', ''];
const N = 300;

// Seeded, so that a failure can be replayed.
const rnd = mulberry32(11);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const TITLES = Array.from({ length: N }, () => phrase(3 + Math.floor(rnd() * 6)));
const QUOTES = Array.from({ length: N }, () => phrase(2 + Math.floor(rnd() * 8)));

/** Texts with a space: pieces of titles and quotes around a space, and made-up ones. */
function texts(): string[] {
  const out = new Set<string>(['Budi Santoso', 'budi santoso,', 'ABDI santoso', 'abdİ santoso', 'ΣΑΣ σας', 'σασ Kot', 'di ke di', 'Érik NÚÑEZ', 'ok Rajagukguk', '%   ASN', '100% a_b']);
  for (const s of [...TITLES, ...QUOTES]) {
    for (let k = 0; k < 2; k++) {
      const spaces = [...s.matchAll(/ /g)].map((m) => m.index!);
      if (spaces.length === 0) continue;
      const at = pick(spaces);
      const text = s.slice(Math.max(0, at - 1 - Math.floor(rnd() * 12)), at + 2 + Math.floor(rnd() * 12));
      out.add(text);
    }
  }
  for (let k = 0; k < 60; k++) out.add(`${pick(WORDS).slice(Math.floor(rnd() * 3))} ${pick(WORDS).slice(0, 2 + Math.floor(rnd() * 6))}`);
  return [...out];
}

describe.each(DIALECTS)('text search by boundary terms on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await seedSearchEvents(store, TITLES, QUOTES);
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  /** What scanning every body finds, as the dialect compares (the whole-text check of a search). */
  async function scan(text: string): Promise<string[]> {
    if (dialect === 'postgres') {
      const { rows } = await sql<{ id: string }>`select event_id as id from event_search where (body || '') ilike ${containsPattern(text)}`.execute(store.db);
      return rows.map((r) => r.id).sort();
    }
    const rows = await store.db.selectFrom('event_search').select(['event_id', 'body']).execute();
    return rows.filter((r) => r.body.toLowerCase().includes(text.toLowerCase())).map((r) => r.event_id).sort();
  }

  const found = async (text: string) => (await textEvents(store, text, 10 * N)).map((m) => m.id).sort();

  it.skipIf(skip)('finds exactly what a scan of the bodies finds', async () => {
    const all = texts().filter((t) => textTerms(t).length > 0);
    expect(all.length).toBeGreaterThan(250);
    let matched = 0;
    for (const text of all) {
      const expected = await scan(text);
      if (expected.length > 0) matched++;
      expect(await found(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(200);
    // PostgreSQL's ILIKE lowercases 'İ' to 'i' and final sigmas to 'σ'; the terms fold them so too.
    if (dialect === 'postgres') expect(await found('ABDI santoso')).toEqual(await scan('abdİ santoso'));
  });

  it.skipIf(skip)('reads the terms for a text that has some', async () => {
    const text = 'Budi Santoso';
    const before = await found(text);
    expect(before.length).toBeGreaterThan(1);
    // Without its terms, a row containing the text is no longer found: the terms, not the trigrams, were read.
    await store.db.updateTable('event_search').set({ terms: '' }).where('event_id', '=', before[0]).execute();
    expect(await found(text)).toEqual(before.slice(1));
    await rebuildEventSearch(store);
    expect(await found(text)).toEqual(before);
  });

  it.skipIf(skip)('0011 fills the terms of the rows present, and its down leaves 0010 as it was', async () => {
    const migrator = await migratorFor(store);
    const schema = async () =>
      dialect === 'postgres'
        ? (
            await sql<{ d: string }>`select table_name || '.' || column_name as d from information_schema.columns where table_schema = current_schema()
              union all select indexdef from pg_indexes where schemaname = current_schema() order by 1`.execute(store.db)
          ).rows.map((r) => r.d)
        : (await sql<{ d: string }>`select type || ' ' || name || ' ' || coalesce(sql, '') as d from sqlite_master order by name`.execute(store.db)).rows.map((r) => r.d);
    const terms = async () => Object.fromEntries((await store.db.selectFrom('event_search').select(['event_id', 'terms']).execute()).map((r) => [r.event_id, r.terms.split(' ').sort()]));

    const expected = await terms();
    const bodies = await store.db.selectFrom('event_search').select(['event_id', 'body']).execute();
    for (const b of bodies) expect(expected[b.event_id], b.body).toEqual(bodyTerms(b.body).sort());
    expect((await migrator.migrateTo('0010_events_sources')).error).toBeUndefined();
    const at0010 = await schema();
    expect(at0010.join('\n')).not.toContain('terms');
    expect((await migrator.migrateTo('0009_event_sources')).error).toBeUndefined();
    expect((await migrator.migrateTo('0010_events_sources')).error).toBeUndefined();
    expect(await schema()).toEqual(at0010);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await terms()).toEqual(expected);
    expect(await found('Budi Santoso')).toEqual(await scan('Budi Santoso'));
    if (dialect === 'sqlite') {
      // Writing the terms leaves the trigram index alone; writing a body re-indexes it.
      const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'event_search_fts_au'`.execute(store.db);
      expect(rows[0].sql).toContain('after update of body on event_search');
    }
  });
});
