/**
 * Each event's sources, `events.sources` (migration 0010; 0009 kept them in a table of their own, `event_sources`), on
 * SQLite and PostgreSQL: filled from the events present when 0009 applied and carried over by 0010, kept by the
 * store through re-extraction, merges, moved commitments, dissolved events, saves without grouping, batches of saves
 * and regrouping, and rebuilt with `event_search`; always what joining each event's commitments to their articles
 * gives (what listings showed before 0009), and what listings show. The store inserts an event's row before its
 * commitments point at it, then writes its sources: comparing after each step shows that no insert leaves the
 * default (`[]`) behind.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueryFilters, queryEvents } from '../../src/query/index.js';
import type { EventSourceRef } from '../../src/query/index.js';
import { assignEvents, migrate, rebuildEventSearch, regroupAll, saveArticleRecord, saveArticleRecords, savePage } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { AMBON, MALTENG, record } from '../group/fixtures.js';
import type { Report } from '../group/fixtures.js';
import { DIALECTS, createTestDb, migratorFor, postgresAvailable, reportSaver } from './helpers.js';
import type { TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

type Sources = Record<string, EventSourceRef[]>;

/**
 * Each event's sources as listings read them before 0009: its commitments joined to their articles, an article
 * once, oldest publication first (then by URL, as `localeCompare` orders them, then by article id).
 */
async function truth(store: Store): Promise<Sources> {
  const events = await store.db.selectFrom('events').select('id').execute();
  const rows = await store.db
    .selectFrom('commitments as c')
    .innerJoin('articles as a', 'a.page_id', 'c.article_id')
    .select(['c.event_id', 'a.page_id', 'a.url', 'a.site', 'a.published_at', 'a.title'])
    .orderBy('a.page_id')
    .execute();
  const out: Sources = Object.fromEntries(events.map((e) => [e.id, []]));
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.event_id === null || seen.has(`${r.event_id}|${r.page_id}`)) continue;
    seen.add(`${r.event_id}|${r.page_id}`);
    out[r.event_id]?.push({ url: r.url, site: r.site, published_at: r.published_at, title: r.title });
  }
  const byPublication = (a: EventSourceRef, b: EventSourceRef) =>
    (a.published_at ?? '\uffff').localeCompare(b.published_at ?? '\uffff') || (a.url ?? '').localeCompare(b.url ?? '');
  for (const list of Object.values(out)) list.sort(byPublication);
  return out;
}

/** The stored sources, by event id. */
async function stored(store: Store): Promise<Sources> {
  const rows = await store.db.selectFrom('events').select(['id', 'sources']).execute();
  return Object.fromEntries(rows.map((r) => [r.id, JSON.parse(r.sources) as EventSourceRef[]]));
}

/** What a listing of every event shows as each one's sources, and its first source URL. */
async function listed(store: Store): Promise<Sources> {
  const page = await queryEvents(store, parseQueryFilters({ limit: 1000 }));
  for (const item of page.items) expect(item.first_source_url).toBe(item.sources.find((s) => s.url !== null)?.url ?? null);
  return Object.fromEntries(page.items.map((i) => [i.id, i.sources]));
}

/** The stored sources, the truth and the listing agree; returns them. */
async function consistent(store: Store): Promise<Sources> {
  const now = await stored(store);
  expect(now).toEqual(await truth(store));
  expect(await listed(store)).toEqual(now);
  return now;
}

/** The event listing an article (by URL) among its sources. */
function eventOf(sources: Sources, url: string): string {
  const found = Object.entries(sources).filter(([, list]) => list.some((s) => s.url === url));
  expect(found, url).toHaveLength(1);
  return found[0][0];
}

const urls = (list: EventSourceRef[] | undefined) => (list ?? []).map((s) => s.url);

/**
 * Rows written straight into the tables (as at 0008, before the store kept sources): one event of four articles,
 * two published the same day (`a` and `B`: localeCompare and bytes order them differently), one undated and one
 * reporting the event twice; and an event without commitments.
 */
async function fillAround(store: Store): Promise<void> {
  const now = '2024-01-01T00:00:00.000Z';
  const articles = [
    ['p1', 'https://B.test/1', '2024-02-02', 'Kedua'],
    ['p2', 'https://a.test/1', '2024-02-02', 'Pertama'],
    ['p3', null, null, 'Tanpa tanggal'],
    ['p4', 'https://c.test/1', '2024-01-30', 'Paling awal'],
  ] as const;
  await store.db
    .insertInto('pages')
    .values(articles.map(([id]) => ({ id, url: `https://pages.test/${id}`, status: 200, fetched_at: now, headers: '{}', extract_state: 'done' as const, attempts: 1 })))
    .execute();
  await store.db
    .insertInto('articles')
    .values(
      articles.map(([id, url, published, title]) => ({
        page_id: id,
        input: 'x',
        url,
        title,
        site: url ? new URL(url).host : null,
        published_at: published,
        language: 'id',
        text: '',
        relevant: 1,
        relevance: 1,
        extractor_version: 't',
        extracted_at: now,
      })),
    )
    .execute();
  const region = {
    region_code: MALTENG.code,
    region_name: MALTENG.name,
    region_level: MALTENG.level,
    province_code: MALTENG.province.code,
    province_name: MALTENG.province.name,
  };
  const event = (id: string, seq: number) => ({
    id,
    ...region,
    event_date: '2024-02-01',
    date_min: '2024-02-01',
    date_max: '2024-02-01',
    first_published: '2024-01-30',
    last_published: '2024-02-02',
    commitments: 5,
    articles: 4,
    sites: 3,
    measures: '[]',
    measures_mask: 0,
    circulars: '[]',
    officials: '[]',
    seq,
    created_at: now,
    updated_at: now,
  });
  await store.db.insertInto('events').values([event('ev_00000000000000a1', 1), event('ev_00000000000000a2', 2)]).execute();
  const commitment = (id: string, article: string, ordinal: number) => ({
    id,
    article_id: article,
    ordinal,
    ...region,
    event_date: '2024-02-01',
    event_id: 'ev_00000000000000a1',
  });
  await store.db
    .insertInto('commitments')
    .values([commitment('c1', 'p1', 0), commitment('c2', 'p2', 0), commitment('c3', 'p3', 0), commitment('c4', 'p4', 0), commitment('c5', 'p4', 1)])
    .execute();
}

/** `event_sources` rows (as 0009 made them) by event id, raw. */
async function sourceRows(store: Store): Promise<Record<string, string>> {
  const { rows } = await sql<{ event_id: string; sources: string }>`select event_id, sources from event_sources`.execute(store.db);
  return Object.fromEntries(rows.map((r) => [r.event_id, r.sources]));
}

/** The columns of a table of the store's own schema (none when there is no such table). */
async function columnsOf(store: Store, table: string): Promise<string[]> {
  const q =
    store.dialect === 'postgres'
      ? sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`
      : sql<{ name: string }>`select name from pragma_table_info(${table})`;
  return (await q.execute(store.db)).rows.map((r) => r.name);
}

describe.each(DIALECTS)('events.sources on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;
  const { save, pageOf } = reportSaver(() => store);

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await migrate(store);
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it.skipIf(skip)('is filled from the events present when 0009 and 0010 run, in the order listings gave', async () => {
    const own = await createTestDb(dialect);
    try {
      const db = own.open();
      const migrator = await migratorFor(db);
      expect((await migrator.migrateTo('0008_drop_title_quote_search')).error).toBeUndefined();
      await fillAround(db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const filled = await consistent(db);
      const sameDay = ['https://a.test/1', 'https://B.test/1'].sort((a, b) => a.localeCompare(b));
      expect(urls(filled.ev_00000000000000a1)).toEqual(['https://c.test/1', ...sameDay, null]);
      expect(filled.ev_00000000000000a1[0]).toEqual({ url: 'https://c.test/1', site: 'c.test', published_at: '2024-01-30', title: 'Paling awal' });
      expect(filled.ev_00000000000000a2).toEqual([]);

      // Rolled back and applied again over events the store saved as well: the lists the store wrote.
      for (const [url, published] of [['https://a.test/9', '2024-03-10'], ['https://b.test/9', '2024-03-09']]) {
        const id = await savePage(db, { url, sourceId: null, status: 200, body: `<html>${url}</html>`, contentType: 'text/html' } as Parameters<typeof savePage>[1]);
        await saveArticleRecord(db, id, record({ url, published, region: AMBON, eventDate: '2024-03-09', measures: ['integrity_pact'] }));
      }
      const saved = await consistent(db);
      expect(Object.keys(saved)).toHaveLength(3);
      expect((await migrator.migrateTo('0008_drop_title_quote_search')).error).toBeUndefined();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await stored(db)).toEqual(saved);
    } finally {
      await own.cleanup();
    }
  });

  it.skipIf(skip)('0010 carries each event_sources row into its event as it is, and down puts the table back', async () => {
    const own = await createTestDb(dialect);
    try {
      const fresh = own.open();
      const migrator = await migratorFor(fresh);
      expect((await migrator.migrateTo('0009_event_sources')).error).toBeUndefined();
      await fillAround(fresh);
      // A list no save would write (0010 copies, it does not recompute), and no row for the other event.
      const kept = JSON.stringify([{ url: 'https://kept.test/1', site: 'kept.test', published_at: null, title: 'Disalin apa adanya' }]);
      await sql`insert into event_sources (event_id, sources) values ('ev_00000000000000a1', ${kept})`.execute(fresh.db);

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await fresh.db.selectFrom('events').select(['id', 'sources']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'ev_00000000000000a1', sources: kept },
        { id: 'ev_00000000000000a2', sources: '[]' },
      ]);
      expect(await columnsOf(fresh, 'event_sources')).toEqual([]);

      // Down: a row per event from the column (the default included), the column gone; the table as 0009 made it.
      expect((await migrator.migrateTo('0009_event_sources')).error).toBeUndefined();
      expect(await sourceRows(fresh)).toEqual({ ev_00000000000000a1: kept, ev_00000000000000a2: '[]' });
      expect(await columnsOf(fresh, 'events')).not.toContain('sources');
      if (dialect === 'sqlite') {
        const { rows: ddl } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'event_sources'`.execute(fresh.db);
        expect(ddl[0].sql).toMatch(/without rowid/i);
      }
      await fresh.db.deleteFrom('events').where('id', '=', 'ev_00000000000000a2').execute();
      expect(await sourceRows(fresh)).toEqual({ ev_00000000000000a1: kept });

      // And up again.
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await fresh.db.selectFrom('events').select(['id', 'sources']).execute()).toEqual([{ id: 'ev_00000000000000a1', sources: kept }]);
    } finally {
      await own.cleanup();
    }
  });

  it.skipIf(skip)('follows re-extraction, merges, moved commitments, dissolved events, saves without grouping and regrouping', async () => {
    const r1: Report = { url: 'https://a.test/1', published: '2024-02-01', region: MALTENG, eventDate: '2024-02-01', measures: ['pledge'] };
    const r2: Report = { url: 'https://b.test/1', published: '2024-02-02', region: MALTENG, eventDate: '2024-02-01', measures: ['pledge'] };
    const r3: Report = { url: 'https://c.test/1', published: '2024-02-08', region: MALTENG, eventDate: '2024-02-07', measures: ['pledge'] };
    for (const r of [r1, r2, r3]) await save(r);
    let now = await consistent(store);
    expect(Object.keys(now)).toHaveLength(2);
    const first = eventOf(now, r1.url);
    expect(urls(now[first])).toEqual([r1.url, r2.url]);

    // Saved again with another title and an earlier publication date: the list follows, in its new order.
    await save(r2, { title: 'Ikrar netralitas, berita diperbarui', published_at: '2024-01-20' });
    now = await consistent(store);
    expect(now[first]).toEqual([
      { url: r2.url, site: 'b.test', published_at: '2024-01-20', title: 'Ikrar netralitas, berita diperbarui' },
      { url: r1.url, site: 'a.test', published_at: '2024-02-01', title: 'Netralitas ASN di Kabupaten Maluku Tengah' },
    ]);

    // Saved again with only another title: what was grouped is unchanged, so the event's row is not rewritten, and
    // its list follows all the same.
    const row = () => store.db.selectFrom('events').select(['updated_at', 'sources']).where('id', '=', first).executeTakeFirstOrThrow();
    const untouched = (await row()).updated_at;
    await save(r1, { title: 'Judul baru, ikatan sama' });
    now = await consistent(store);
    expect((await row()).updated_at).toBe(untouched);
    expect(now[first].map((s) => s.title)).toEqual(['Ikrar netralitas, berita diperbarui', 'Judul baru, ikatan sama']);

    // A report three days from both events bridges them: one list of all four articles, the other event gone.
    const r4: Report = { url: 'https://d.test/1', published: '2024-02-05', region: MALTENG, eventDate: '2024-02-04', measures: ['pledge'] };
    const third = eventOf(now, r3.url);
    await save(r4);
    now = await consistent(store);
    expect(Object.keys(now)).toHaveLength(1);
    const merged = eventOf(now, r4.url);
    expect(urls(now[merged])).toEqual([r2.url, r1.url, r4.url, r3.url]);
    expect(now[[first, third].find((id) => id !== merged)!]).toBeUndefined();

    // A commitment moving to another date leaves the event for one of its own.
    await save({ ...r3, eventDate: '2024-03-20' });
    now = await consistent(store);
    const moved = eventOf(now, r3.url);
    expect(moved).not.toBe(merged);
    expect(urls(now[moved])).toEqual([r3.url]);
    expect(urls(now[merged])).toEqual([r2.url, r1.url, r4.url]);

    // Its article saved again without commitments: the event it was alone in is dissolved, its list with it.
    await save({ ...r3, eventDate: '2024-03-20' }, { commitments: [] });
    now = await consistent(store);
    expect(now[moved]).toBeUndefined();
    expect(Object.keys(now)).toEqual([merged]);

    // Saved without grouping: the article leaves its event's list until it is grouped again.
    const id4 = await save(r4, { title: 'Belum dikelompokkan' }, false);
    now = await consistent(store);
    expect(urls(now[merged])).toEqual([r2.url, r1.url]);
    await assignEvents(store, id4);
    now = await consistent(store);
    expect(now[eventOf(now, r4.url)].find((s) => s.url === r4.url)?.title).toBe('Belum dikelompokkan');

    // Regrouping from scratch, ids forgotten: every event is written anew, with its list.
    await regroupAll(store, { keepIds: false });
    now = await consistent(store);
    const ids = (await store.db.selectFrom('events').select('id').execute()).map((e) => e.id).sort();
    expect(Object.keys(now).sort()).toEqual(ids);

    // Several saves in one transaction: the second report of a new event rewrites the row the first inserted (and
    // whose list it wrote) in that transaction; a third bridges it to the existing event; a page saved again with
    // another title sits in the same batch.
    const r5: Report = { url: 'https://e.test/1', published: '2024-01-29', region: MALTENG, eventDate: '2024-01-28', measures: ['pledge'] };
    const r6: Report = { url: 'https://f.test/1', published: '2024-01-30', region: MALTENG, eventDate: '2024-01-28', measures: ['pledge'] };
    const r7: Report = { url: 'https://g.test/1', published: '2024-01-31', region: MALTENG, eventDate: '2024-01-30', measures: ['pledge'] };
    const page = (url: string) =>
      savePage(store, { url, sourceId: null, status: 200, body: `<html>${url}</html>`, contentType: 'text/html' } as Parameters<typeof savePage>[1]);
    await saveArticleRecords(store, [
      { pageId: await page(r5.url), record: record(r5) },
      { pageId: await page(r6.url), record: record(r6) },
      { pageId: pageOf(r2.url)!, record: { ...record(r2), title: 'Disimpan bersama', published_at: '2024-01-20' } },
    ]);
    now = await consistent(store);
    expect(urls(now[eventOf(now, r5.url)])).toEqual([r5.url, r6.url]);
    await saveArticleRecords(store, [{ pageId: await page(r7.url), record: record(r7) }]);
    now = await consistent(store);
    expect(Object.keys(now)).toHaveLength(1);
    expect(urls(Object.values(now)[0])).toEqual([r2.url, r5.url, r6.url, r7.url, r1.url, r4.url]);

    // Regrouping with ids kept: every event rewritten again, lists in place.
    await regroupAll(store);
    expect(await consistent(store)).toEqual(now);
  });

  it.skipIf(skip)('is rebuilt with event_search from the tables, for every event', async () => {
    const before = await stored(store);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    // Every list wrong, an event without articles among them, and a title changed around the store.
    const lone = { ...(await store.db.selectFrom('events').selectAll().executeTakeFirstOrThrow()), id: 'ev_00000000000000ff', seq: 999 };
    await store.db.insertInto('events').values(lone).execute();
    await store.db.updateTable('events').set({ sources: '["basi"]' }).execute();
    await store.db.updateTable('articles').set({ title: 'Judul ditulis di luar store' }).where('url', '=', 'https://a.test/1').execute();
    await rebuildEventSearch(store);
    const now = await consistent(store);
    expect(now.ev_00000000000000ff).toEqual([]);
    expect(Object.values(now).flat().find((s) => s.url === 'https://a.test/1')?.title).toBe('Judul ditulis di luar store');
  });
});
