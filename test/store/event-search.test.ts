/**
 * `event_search` (migration 0007) on SQLite and PostgreSQL: filled from the events present when applied, kept by
 * the store through saves, re-extraction, regrouping and saves without grouping (always what a rebuild from the
 * tables gives), read by text search with the same results as looking through titles and quotes, and safe with
 * inputs that look like SQL, LIKE or FTS5 syntax.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryParamError, parseQueryFilters, queryEvents } from '../../src/query/index.js';
import { assignEvents, bodyTerms, rebuildEventSearch, regroupAll } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { MALTENG, AMBON } from '../group/fixtures.js';
import type { Report } from '../group/fixtures.js';
import { DIALECTS, createTestDb, migratorFor, postgresAvailable, reportSaver } from './helpers.js';
import type { TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

/** The search rows as event id -> [date, sorted parts, sorted terms]; the terms are also those of the body. */
async function snapshot(store: Store): Promise<Record<string, [string | null, string[], string[]]>> {
  const rows = await store.db.selectFrom('event_search').select(['event_id', 'event_date', 'body', 'terms']).execute();
  for (const r of rows) expect(r.terms.split(' ').filter(Boolean).sort(), r.body).toEqual(bodyTerms(r.body).sort());
  return Object.fromEntries(rows.map((r) => [r.event_id, [r.event_date, r.body.split('\n').sort(), r.terms.split(' ').sort()]]));
}

/** What the rows should be: a rebuild from the tables (which leaves the table so). */
async function rebuilt(store: Store) {
  await rebuildEventSearch(store);
  return snapshot(store);
}

/** Event ids a text search lists, sorted. */
async function search(store: Store, text: string): Promise<string[]> {
  const page = await queryEvents(store, parseQueryFilters({ text, limit: 1000 }));
  return page.items.map((i) => i.id).sort();
}

const reports: Report[] = [
  { url: 'https://a.test/1', published: '2024-02-01', region: MALTENG, eventDate: '2024-02-01', measures: ['pledge'], officials: [['Rahmat Latuconsina', 'Bupati']] },
  { url: 'https://b.test/1', published: '2024-02-02', region: MALTENG, eventDate: '2024-02-01', measures: ['pledge'], officials: [['Rahmat Latuconsina', 'Bupati']] },
  { url: 'https://a.test/2', published: '2024-03-10', region: AMBON, eventDate: '2024-03-09', measures: ['integrity_pact'], officials: [['Bodewin Wattimena', 'Wali Kota']] },
  { url: 'https://c.test/1', published: '2024-05-01', region: MALTENG, eventDate: '2024-04-30', circulars: ['800/1234/2024'] },
];

describe.each(DIALECTS)('event_search on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;
  const { save, pageOf } = reportSaver(() => store);

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    const migrator = await migratorFor(store);
    expect((await migrator.migrateTo('0006_listing_indexes')).error).toBeUndefined();
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it.skipIf(skip)('is filled from the events present when the migration runs', async () => {
    // Saved with the table in place, then 0007 rolled back (the table dropped) and applied over those events.
    const migrator = await migratorFor(store);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    for (const r of reports.slice(0, 3)) await save(r);
    const saved = await snapshot(store);
    expect(Object.keys(saved)).toHaveLength(2);
    expect((await migrator.migrateTo('0006_listing_indexes')).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await snapshot(store)).toEqual(saved);
  });

  it.skipIf(skip)('follows saves, re-extraction, regrouping and saves without grouping', async () => {
    await save(reports[3]);
    let now = await snapshot(store);
    expect(now).toEqual(await rebuilt(store));
    const [malteng] = await search(store, 'Rahmat Latuconsina');
    expect(malteng).toBeDefined();
    expect(now[malteng][1]).toContain('Netralitas ASN di Kabupaten Maluku Tengah');
    expect(now[malteng][1]).toContain('Bupati Rahmat Latuconsina');

    // Re-extraction with another title: the old title no longer matches, the new one does.
    await save(reports[2], { title: 'Wali Kota Ambon teken pakta integritas' });
    now = await snapshot(store);
    expect(now).toEqual(await rebuilt(store));
    expect(await search(store, 'teken pakta')).toHaveLength(1);
    expect(await search(store, 'Netralitas ASN di Kota Ambon')).toEqual([]);

    // An unchanged re-save changes nothing.
    await save(reports[2], { title: 'Wali Kota Ambon teken pakta integritas' });
    expect(await snapshot(store)).toEqual(now);

    // A report moving to another date leaves its event and starts one: both rows follow.
    await save(reports[1], { title: 'Ikrar ulang di Malteng' }, true);
    await save({ ...reports[1], eventDate: '2024-03-20' }, { title: 'Ikrar ulang di Malteng' });
    now = await snapshot(store);
    expect(now).toEqual(await rebuilt(store));
    const moved = await search(store, 'Ikrar ulang');
    expect(moved).toHaveLength(1);
    expect(now[moved[0]][0]).toBe('2024-03-20');

    // Saved without grouping: its text leaves the events until it is grouped again.
    await save(reports[3], { title: 'Surat edaran tanpa grup' }, false);
    expect(await snapshot(store)).toEqual(await rebuilt(store));
    expect(await search(store, 'tanpa grup')).toEqual([]);
    await assignEvents(store, pageOf(reports[3].url)!);
    expect(await snapshot(store)).toEqual(await rebuilt(store));
    expect(await search(store, 'tanpa grup')).toHaveLength(1);

    // Regrouping from scratch, ids forgotten: every row follows its event.
    await regroupAll(store, { keepIds: false });
    now = await snapshot(store);
    expect(now).toEqual(await rebuilt(store));
    const ids = (await store.db.selectFrom('events').select('id').execute()).map((e) => e.id).sort();
    expect(Object.keys(now).sort()).toEqual(ids);
  });

  it.skipIf(skip)('searches as titles and quotes are searched: case, parts, wildcards and syntax taken literally', async () => {
    const titles = await store.db.selectFrom('articles').select(['page_id', 'title']).execute();
    const quotes = await store.db.selectFrom('evidence').select(['article_id', 'quote']).execute();
    const links = await store.db.selectFrom('commitments').select(['article_id', 'event_id']).execute();
    const truth = (text: string) => {
      const needle = text.toLowerCase();
      const articles = new Set([
        ...titles.filter((t) => t.title.toLowerCase().includes(needle)).map((t) => t.page_id),
        ...quotes.filter((q) => q.quote.toLowerCase().includes(needle)).map((q) => q.article_id),
      ]);
      return [...new Set(links.filter((l) => articles.has(l.article_id) && l.event_id).map((l) => l.event_id!))].sort();
    };
    const texts = ['BUPATI rahmat', 'Latuconsina', 'Malteng\nBupati', 'ikrar ulang di malteng bupati', 'Surat Edaran Nomor 800/1234', "'; drop table event_search; --", '%', '100%', '_', 'a_b', '"pakta" OR "ikrar"', 'pakta AND ikrar', 'NEAR(pakta ikrar)', 'pakta*', '\\', "O'Brien", 'ASN'];
    const before = await snapshot(store);
    for (const text of texts) {
      let filters;
      try {
        filters = parseQueryFilters({ text });
      } catch (e) {
        expect(e, text).toBeInstanceOf(QueryParamError);
        continue;
      }
      const page = await queryEvents(store, { ...filters, limit: 1000 });
      expect(page.items.map((i) => i.id).sort(), text).toEqual(truth(text));
    }
    expect(() => parseQueryFilters({ text: 'x'.repeat(10_000) })).toThrow(QueryParamError);
    expect(() => parseQueryFilters({ text: 'ab\ncd' })).toThrow(QueryParamError);
    expect(await snapshot(store)).toEqual(before);
  });

  it.skipIf(skip)('pages a text search in date order from the dates it reads, as the listing orders them', async () => {
    const all = await queryEvents(store, parseQueryFilters({ text: 'Netralitas', limit: 1000 }));
    const dated = await queryEvents(store, parseQueryFilters({ region: [MALTENG.code, AMBON.code], limit: 1000 }));
    const ids = new Set(all.items.map((i) => i.id));
    expect(all.items.map((i) => i.id)).toEqual(dated.items.map((i) => i.id).filter((id) => ids.has(id)));
    const oldest = await queryEvents(store, parseQueryFilters({ text: 'Netralitas', sort: '-date', limit: 1000 }));
    expect(oldest.items.map((i) => i.id)).toEqual(
      (await queryEvents(store, parseQueryFilters({ region: [MALTENG.code, AMBON.code], sort: '-date', limit: 1000 }))).items.map((i) => i.id).filter((id) => ids.has(id)),
    );
    const first = await queryEvents(store, parseQueryFilters({ text: 'Netralitas', limit: 1 }));
    const second = await queryEvents(store, parseQueryFilters({ text: 'Netralitas', limit: 1, offset: 1 }));
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
    expect(first.more).toBe(all.items.length > 1);
    expect(first.total).toBe(all.items.length);
  });
});
