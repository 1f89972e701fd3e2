/**
 * How listings are read (src/query/plan.ts), on SQLite and PostgreSQL: totals counted up to a cap, pages across
 * several measure reads and oldest-first without gaps or repeats, the common filters read off migration 0006's
 * indexes without a sort, and the `region_events` summary kept equal to the events by its triggers.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueryFilters, queryEvents, regionCoverage, stats } from '../../src/query/index.js';
import { countQuery, pageQuery } from '../../src/query/plan.js';
import { saveArticleRecord, savePage } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { record } from '../group/fixtures.js';
import { DIALECTS, createTestDb, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { EVENT_COUNT, KUKAR, seed } from './seed.js';

const pgUp = await postgresAvailable();

/** The plan of a compiled statement, one line per step (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN). */
async function plan(store: Store, query: { compile(db: Store['db']): CompiledQuery }): Promise<string[]> {
  const c = query.compile(store.db);
  if (store.dialect === 'sqlite') {
    const r = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${c.sql}`, [...c.parameters]));
    return r.rows.map((row) => row.detail);
  }
  // A handful of rows: without this PostgreSQL would rightly read the tables whole.
  return store.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]));
    return r.rows.map((row) => row['QUERY PLAN']);
  });
}

/** What `region_events` should hold: events and latest date per region, counted. */
async function regionTruth(store: Store) {
  const rows = (
    await sql<{ region_code: string; n: number | string; latest: string | null }>`
      select region_code, count(*) as n, max(event_date) as latest from events group by region_code order by region_code`.execute(store.db)
  ).rows;
  return rows.map((r) => ({ region_code: r.region_code, events: Number(r.n), latest: r.latest }));
}

async function regionSummary(store: Store) {
  const rows = (
    await sql<{ region_code: string; events: number | string; latest: string | null }>`
      select region_code, events, latest from region_events order by region_code`.execute(store.db)
  ).rows;
  return rows.map((r) => ({ region_code: r.region_code, events: Number(r.events), latest: r.latest }));
}

describe.each(DIALECTS)('listing plans on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await seed(store);
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it.skipIf(skip)('counts up to a cap: the flag, a lower bound, and whether a page follows known exactly', async () => {
    const q = (input: Record<string, unknown>, totalCap?: number) => queryEvents(store, parseQueryFilters(input), { totalCap });
    expect(await q({})).toMatchObject({ total: EVENT_COUNT, totalCapped: false, more: false });
    expect(await q({ limit: 2 }, 3)).toMatchObject({ total: 3, totalCapped: true, more: true });
    // Past the cap, the total is at least the end of the page and one more.
    expect(await q({ limit: 2, offset: 2 }, 2)).toMatchObject({ total: 5, totalCapped: true, more: true });
    // The last page tells the total exactly, whatever the cap.
    expect(await q({ limit: 2, offset: 4 }, 2)).toMatchObject({ total: EVENT_COUNT, totalCapped: false, more: false });
    expect(await q({ limit: 2, offset: 10 }, 2)).toMatchObject({ total: 2, totalCapped: true, more: false, items: [] });
    expect(await q({ limit: 5 }, 5)).toMatchObject({ total: 6, totalCapped: true, more: true });
    expect(await q({ limit: 5 }, 6)).toMatchObject({ total: EVENT_COUNT, totalCapped: false, more: true });
    expect(await queryEvents(store, parseQueryFilters({ limit: 1 }), { exactTotal: true, totalCap: 1 })).toMatchObject({
      total: EVENT_COUNT,
      totalCapped: false,
    });
    // Filters read beforehand (text) or through event_measures count the same way.
    expect(await q({ text: 'netralitas', limit: 1 }, 1)).toMatchObject({ totalCapped: false, more: true });
    expect(await q({ measure: ['pledge', 'circular'], limit: 1 }, 2)).toMatchObject({ total: 2, totalCapped: true, more: true });
    expect(await q({ measure: ['pledge', 'circular'], limit: 1 })).toMatchObject({ total: 4, totalCapped: false, more: true });
  });

  it.skipIf(skip)('pages through several measures and both date orders without gaps or repeats', async () => {
    for (const input of [{}, { measure: ['pledge', 'circular', 'integrity_pact'] }, { province: '74' }, { measure: 'pledge,socialization', since: '2024-01-01' }]) {
      for (const sort of ['date', '-date']) {
        const all = (await queryEvents(store, parseQueryFilters({ ...input, sort }))).items.map((i) => i.id);
        const paged: string[] = [];
        for (let offset = 0; offset < all.length + 2; offset += 2) {
          const page = await queryEvents(store, parseQueryFilters({ ...input, sort, limit: 2, offset }));
          paged.push(...page.items.map((i) => i.id));
          expect(page.more).toBe(offset + 2 < all.length);
        }
        expect(paged, `${JSON.stringify(input)} ${sort}`).toEqual(all);
      }
    }
    const newest = (await queryEvents(store, parseQueryFilters({}))).items.map((i) => i.id);
    expect((await queryEvents(store, parseQueryFilters({ sort: '-date' }))).items.map((i) => i.id)).toEqual([...newest].reverse());
    const pledges = await queryEvents(store, parseQueryFilters({ measure: ['pledge', 'circular'] }));
    expect(pledges.items.map((i) => i.event_date)).toEqual([...pledges.items.map((i) => i.event_date)].sort().reverse());
    expect(new Set(pledges.items.map((i) => i.id)).size).toBe(pledges.items.length);
  });

  it.skipIf(skip)('reads a page of the common filters off the indexes of migration 0006, without sorting it', async () => {
    const page = async (input: Record<string, unknown>) => plan(store, pageQuery(store, parseQueryFilters(input)));
    const count = async (input: Record<string, unknown>) => plan(store, countQuery(store, parseQueryFilters(input), 1000));
    const sorts = (lines: string[]) => lines.filter((l) => (dialect === 'sqlite' ? /TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/ : /^\s*(->\s+)?(Incremental )?Sort\s+\(/).test(l)).length;
    const region = await page({ region: '74.71' });
    expect(region.join('\n')).toContain('events_region_date_id_idx');
    expect(sorts(region)).toBe(0);
    // Each row's sources come with it (migration 0010): the index and its table are all the statement reads.
    expect(region.filter((l) => (dialect === 'sqlite' ? /SCAN|SEARCH/ : /Scan/).test(l))).toHaveLength(1);
    // Past the first page the ids come off the index first, then only the page's rows are read (and put in order).
    const later = await page({ region: '74.71', offset: 2 });
    expect(later.join('\n')).toContain('events_region_date_id_idx');
    expect(sorts(later)).toBe(1);
    const dates = await page({ since: '2024-01-01', until: '2024-01-31' });
    expect(dates.join('\n')).toContain('events_date_id_idx');
    expect(sorts(dates)).toBe(0);
    const everything = await page({});
    expect(everything.join('\n')).toContain('events_date_id_idx');
    expect(sorts(everything)).toBe(0);
    const regionDates = await page({ region: '74.71', since: '2024-01-01' });
    expect(regionDates.join('\n')).toContain('events_region_date_id_idx');
    expect(sorts(regionDates)).toBe(0);
    // Province and measure: the ids off event_measures, in order; only the page's rows are sorted again.
    const pm = await page({ province: '74', measure: 'pledge' });
    expect(pm.join('\n')).toContain('event_measures_province_date_idx');
    expect(sorts(pm)).toBe(1);
    expect((await page({ measure: 'pledge' })).join('\n')).toContain('event_measures_measure_date_idx');
    expect((await page({ region: '74.71', measure: 'pledge' })).join('\n')).toContain('event_measures_region_date_idx');
    // Counts read an index, never the table whole.
    for (const input of [{ region: '74.71' }, { province: '74', measure: 'pledge' }, { since: '2024-01-01', until: '2024-01-31' }]) {
      const lines = (await count(input)).join('\n');
      expect(lines, JSON.stringify(input)).toMatch(dialect === 'sqlite' ? /USING COVERING INDEX/ : /Index Only Scan|Index Scan|Bitmap Index Scan/);
      expect(lines, JSON.stringify(input)).not.toMatch(dialect === 'sqlite' ? /SCAN d\b(?! USING)/ : /Seq Scan/);
    }
  });

  it.skipIf(skip)('keeps region_events equal to the events per region as grouping adds, regroups and removes events', async () => {
    expect(await regionSummary(store)).toEqual(await regionTruth(store));
    // A new event in Kukar, a later date: the count and the latest date follow.
    const url = 'https://kaltimpost.test/ikrar-baru';
    const page = { url, sourceId: null, status: 200, body: `<html><body>${url}</body></html>`, contentType: 'text/html' } as Parameters<typeof savePage>[1];
    const id = await savePage(store, page);
    const report = { url, published: '2024-05-02', region: KUKAR, eventDate: '2024-05-01', measures: ['pledge' as const] };
    await saveArticleRecord(store, id, { ...record([report]), title: 'Ikrar baru di Kukar' });
    expect(await regionSummary(store)).toEqual(await regionTruth(store));
    expect((await regionSummary(store)).find((r) => r.region_code === '64.02')).toEqual({ region_code: '64.02', events: 2, latest: '2024-05-01' });
    const kukar = parseQueryFilters({ province: 'Kaltim' }).province;
    expect((await regionCoverage(store, { province: kukar })).find((r) => r.region.code === '64.02')).toMatchObject({ events: 2, latest: '2024-05-01' });
    // Saving it again with another date regroups (its event row is replaced).
    await saveArticleRecord(store, id, { ...record([{ ...report, eventDate: '2024-04-30' }]), title: 'Ikrar baru di Kukar' });
    expect((await regionSummary(store)).find((r) => r.region_code === '64.02')).toEqual({ region_code: '64.02', events: 2, latest: '2024-04-30' });
    // An update in place and a deletion.
    const newest = (await sql<{ id: string }>`select id from events where region_code = '64.02' order by event_date desc`.execute(store.db)).rows[0].id;
    await sql`update events set event_date = '2024-06-01' where id = ${newest}`.execute(store.db);
    expect(await regionSummary(store)).toEqual(await regionTruth(store));
    await sql`delete from events where region_code = '64.02'`.execute(store.db);
    expect(await regionSummary(store)).toEqual(await regionTruth(store));
    expect((await regionSummary(store)).find((r) => r.region_code === '64.02')).toBeUndefined();
    expect((await stats(store)).events).toBe(EVENT_COUNT - 1);
  });
});
