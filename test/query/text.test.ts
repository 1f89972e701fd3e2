/**
 * Text search over enough articles for the rare-trigram lookup (src/query/trigrams.ts) to be used, on SQLite and
 * PostgreSQL: it finds exactly what looking up every trigram finds, and what a case-insensitive substring test
 * finds, including texts made of common words, LIKE's wildcards and non-ASCII letters.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueryFilters, queryEvents } from '../../src/query/index.js';
import { semiJoinQuery } from '../../src/query/conditions.js';
import { resolveSemiJoins } from '../../src/query/plan.js';
import { rareTrigrams, wordTrigrams } from '../../src/query/trigrams.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, createTestDb, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { seedId, seedSearchEvents } from './search-seed.js';

const pgUp = await postgresAvailable();

const FIRST = ['Budi', 'Citra', 'Dedi', 'Joko', 'Sri', 'Made', 'Ratna', 'Érik', 'Zainal', 'Hasan', 'Nyoman', 'Putu', 'Agus'];
const LAST = ['Santoso', 'Wijaya', 'Panjaitan', 'Lubis', 'Núñez', 'Rajagukguk', 'Tarigan', 'Ginting', 'Pohan', 'Siregar', 'Tosepu'];
const N = 600;

const title = (i: number) => `Netralitas ASN ${i % 7 === 0 ? 'KOTA' : 'Kabupaten'} ${i % 11}: ${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} hadir`;
const quote = (i: number) => `Pemerintah daerah ${i % 5} menandatangani pakta integritas 100% bersama ${FIRST[(i * 3) % FIRST.length]} ${LAST[i % LAST.length]}_${i % 3}`;
describe.each(DIALECTS)('text search by rare trigrams on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await seedSearchEvents(store, Array.from({ length: N }, (_, i) => title(i)), Array.from({ length: N }, (_, i) => quote(i)));
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it('picks letters-and-digits trigrams', () => {
    expect([...wordTrigrams('Budi S.').keys()]).toEqual(['bud', 'udi']);
    expect([...wordTrigrams('Núñez 100%').keys()]).toEqual(['núñ', 'úñe', 'ñez', '100']);
  });

  it.skipIf(skip)('finds what looking up every trigram finds, and what a substring test finds', async () => {
    const picked = await rareTrigrams(store, 'title', 'Zainal Rajagukguk');
    expect(picked).toHaveLength(2);
    // Two trigrams of different words: together in few rows.
    expect(picked!.some((t) => 'zainal'.includes(t)) && picked!.some((t) => 'rajagukguk'.includes(t))).toBe(true);
    expect(await rareTrigrams(store, 'title', 'ASN')).toBeUndefined();

    const texts = ['Zainal Rajagukguk', 'budi santoso', 'JOKO PANJAITAN', 'Sri Lubis hadir', 'Santoso_1', 'pakta integritas 100% bersama Made', 'Kabupaten 3: Ratna', 'Putu Tosepu', 'Hasan Pohan_2', 'Érik Núñez', 'Agus Ginting', 'Nobody Atall'];
    for (const text of texts) {
      const filters = parseQueryFilters({ text });
      const resolved = await resolveSemiJoins(store, filters);
      expect(resolved, text).toBeDefined();
      const full = (await sql<{ event_id: string }>`select distinct s.event_id from (${semiJoinQuery(store, filters, 'text')!}) s`.execute(store.db)).rows.map((r) => r.event_id);
      expect([...resolved!.ids].sort(), text).toEqual(full.sort());
      if (/^[\x20-\x7e]+$/.test(text)) {
        const needle = text.toLowerCase();
        const expected = Array.from({ length: N }, (_, i) => i)
          .filter((i) => title(i).toLowerCase().includes(needle) || quote(i).toLowerCase().includes(needle))
          .map((i) => seedId('ev_00000000', i));
        expect([...resolved!.ids].sort(), text).toEqual(expected.sort());
        const page = await queryEvents(store, parseQueryFilters({ text, limit: 1000 }));
        expect(page.items.map((i) => i.id).sort(), text).toEqual(expected.sort());
        expect(page.total, text).toBe(expected.length);
      }
    }
  });
});
