/**
 * The query layer over a seeded store, on SQLite and PostgreSQL: grouping as the analyst sees it, every filter,
 * sorting and paging, stats, the coverage gap, export rows, and injection attempts in every parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QueryParamError,
  exportRows,
  getEvent,
  parseQueryFilters,
  queryEvents,
  regionCoverage,
  stats,
} from '../../src/query/index.js';
import type { EventItem } from '../../src/query/index.js';
import { getGazetteer } from '../../src/extract/region/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, TABLES, createTestDb, postgresAvailable, tableCounts } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { EVENT_COUNT, seed } from './seed.js';

const pgUp = await postgresAvailable();

/** First source URL of each item, as a compact identity of the events listed. */
const urls = (items: EventItem[]) => items.map((i) => i.first_source_url).sort();

const EVENT_TABLES = ['events', 'event_measures', 'event_circulars', 'event_officials', 'event_members', 'event_aliases', 'persons'] as const;

async function allCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = { ...(await tableCounts(store)) };
  for (const t of EVENT_TABLES) {
    const row = await store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

describe.each(DIALECTS)('query layer on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;
  const q = async (input: Record<string, unknown>) => queryEvents(store, parseQueryFilters(input));

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await seed(store);
  });
  afterAll(async () => {
    if (!skip) await tdb.cleanup();
  });

  it.skipIf(skip)('lists one row per event, with every source, however many outlets reported it', async () => {
    const page = await q({});
    expect(page.total).toBe(EVENT_COUNT);
    const pact = page.items.find((i) => i.first_source_url === 'https://kendaripos.test/pakta')!;
    expect(pact).toBeDefined();
    expect(pact).toMatchObject({ event_date: '2024-01-18', articles: 4, sites: 3, commitments: 4, measures: ['integrity_pact', 'sanction'] });
    expect(pact.region).toEqual({ code: '74.71', name: 'Kota Kendari', level: 'city', province: { code: '74', name: 'Sulawesi Tenggara' } });
    expect(pact.sources.map((s) => s.url)).toEqual([
      'https://kendaripos.test/pakta',
      'https://antara.test/kendari-pakta',
      'https://zonasultra.test/sanksi',
      'https://kendaripos.test/pakta-2',
    ]);
    expect(pact.officials).toEqual(['Asmawa Tosepu']);
    // A circular cited two months apart is one event; Kabupaten and Kota Bekasi on one day are two.
    const se = page.items.find((i) => i.region.code === '64.02')!;
    expect(se.sources.map((s) => s.url)).toEqual(['https://kaltimpost.test/se', 'https://tribun-kaltim.test/evaluasi']);
    expect(page.items.filter((i) => i.first_source_url === 'https://bekasi-news.test/apel').map((i) => i.region.code).sort()).toEqual([
      '32.16',
      '32.75',
    ]);
    const full = await getEvent(store, pact.id);
    expect(full?.sources).toHaveLength(4);
    expect(await getEvent(store, 'ev_0000000000000000')).toBeUndefined();
    expect(await getEvent(store, "' OR 1=1 --")).toBeUndefined();
  });

  it.skipIf(skip)('filters by region: code, name, abbreviation, ambiguous name (every reading), province government', async () => {
    expect((await q({ region: '74.71' })).total).toBe(2);
    expect((await q({ region: 'Kendari' })).total).toBe(2);
    expect((await q({ region: 'kota kendari' })).total).toBe(2);
    expect((await q({ region: 'Kukar' })).items.map((i) => i.region.code)).toEqual(['64.02']);
    expect((await q({ region: 'Bekasi' })).items.map((i) => i.region.code).sort()).toEqual(['32.16', '32.75']);
    expect((await q({ region: 'Kota Bekasi' })).items.map((i) => i.region.code)).toEqual(['32.75']);
    expect((await q({ region: ['Kukar', '32.75'] })).total).toBe(2);
    expect((await q({ region: 'Sultra' })).items.map((i) => i.region.code)).toEqual(['74']);
    expect(() => parseQueryFilters({ region: 'Atlantis' })).toThrow(QueryParamError);
    expect(() => parseQueryFilters({ region: '99.99' })).toThrow(/region/);
  });

  it.skipIf(skip)('filters by province, measure (any of), official, dates, source and text', async () => {
    expect((await q({ province: 'Sultra' })).total).toBe(3);
    expect((await q({ province: '74' })).total).toBe(3);
    expect((await q({ province: 'Sulawesi Tenggara' })).total).toBe(3);
    expect((await q({ province: 'Jawa Barat' })).total).toBe(2);
    expect(() => parseQueryFilters({ province: 'Kendari' })).toThrow(QueryParamError);

    expect((await q({ measure: 'integrity_pact' })).total).toBe(1);
    expect((await q({ measure: 'pledge' })).total).toBe(3);
    expect((await q({ measure: ['pledge', 'circular'] })).total).toBe(4);
    expect((await q({ measure: 'pledge,circular' })).total).toBe(4);
    expect(urls((await q({ province: 'Sultra', measure: 'pledge' })).items)).toEqual(['https://kendaripos.test/apel']);
    expect(() => parseQueryFilters({ measure: 'bribery' })).toThrow(/measure/);

    expect(urls((await q({ official: 'Tosepu' })).items)).toEqual(['https://kendaripos.test/pakta']);
    expect(urls((await q({ official: 'asmawa tosepuu' })).items)).toEqual(['https://kendaripos.test/pakta']);
    expect(urls((await q({ official: "Edi D'Amran" })).items)).toEqual(['https://kaltimpost.test/se']);
    expect((await q({ official: 'Nobody Here' })).total).toBe(0);

    expect((await q({ since: '2024-02-01' })).total).toBe(4);
    expect(urls((await q({ until: '2023-12-31' })).items)).toEqual(['https://kaltimpost.test/se']);
    expect(urls((await q({ since: '2024-01-01', until: '2024-01-31' })).items)).toEqual(['https://kendaripos.test/pakta']);
    expect(() => parseQueryFilters({ since: '2024-02-30' })).toThrow(/since/);
    expect(() => parseQueryFilters({ since: '2024-03-01', until: '2024-01-01' })).toThrow(/until/);

    expect(urls((await q({ source: 'kendaripos' })).items)).toEqual(['https://kendaripos.test/apel', 'https://kendaripos.test/pakta']);
    expect(urls((await q({ source: 'zonasultra.test' })).items)).toEqual(['https://kendaripos.test/pakta', 'https://zonasultra.test/sosialisasi']);

    expect(urls((await q({ text: 'bahteramas' })).items)).toEqual(['https://zonasultra.test/sosialisasi']);
    expect(urls((await q({ text: 'PAKTA INTEGRITAS' })).items)).toEqual(['https://kendaripos.test/pakta']);
    expect(urls((await q({ text: 'Nomor 800/12/' })).items)).toEqual(['https://kaltimpost.test/se']);
    expect((await q({ text: '100%' })).total).toBe(0);
    expect((await q({ text: '___' })).total).toBe(0);
    expect(() => parseQueryFilters({ text: 'ab' })).toThrow(/text/);

    // Filters combine.
    expect((await q({ province: 'Sultra', since: '2024-02-01', text: 'netralitas' })).total).toBe(1);
  });

  it.skipIf(skip)('sorts and pages', async () => {
    const byDate = await q({});
    expect(byDate.items.map((i) => i.event_date)).toEqual(['2024-03-05', '2024-02-10', '2024-02-01', '2024-02-01', '2024-01-18', '2023-11-01']);
    expect((await q({ sort: '-date' })).items[0].event_date).toBe('2023-11-01');
    expect((await q({ sort: 'sources' })).items[0].articles).toBe(4);
    expect((await q({ sort: 'region' })).items.map((i) => i.region.code)[0]).toBe('32.16');
    const first = await q({ limit: '2' });
    const second = await q({ limit: 2, offset: '2' });
    expect(first.total).toBe(6);
    expect(first.items).toHaveLength(2);
    expect(second.items.map((i) => i.id)).toEqual(byDate.items.slice(2, 4).map((i) => i.id));
    expect((await q({ offset: 10 })).items).toEqual([]);
    for (const bad of [{ limit: 0 }, { limit: 1001 }, { limit: '5x' }, { offset: -1 }, { sort: 'id; drop table events' }]) {
      expect(() => parseQueryFilters(bad)).toThrow(QueryParamError);
    }
  });

  it.skipIf(skip)('counts by province, measure and month, and the regions covered', async () => {
    const s = await stats(store);
    expect(s.events).toBe(6);
    expect(s.byProvince.find((p) => p.code === '74')).toMatchObject({ events: 3, regionsCovered: 1, regionsTotal: 17 });
    expect(s.byMeasure.find((m) => m.measure === 'pledge')?.events).toBe(3);
    expect(s.byMeasure.find((m) => m.measure === 'sanction')?.events).toBe(1);
    expect(s.byMeasure.find((m) => m.measure === 'grant')?.events).toBe(0);
    expect(s.byMonth).toEqual([
      { month: '2023-11', events: 1 },
      { month: '2024-01', events: 1 },
      { month: '2024-02', events: 3 },
      { month: '2024-03', events: 1 },
    ]);
    expect(s).toMatchObject({ regionsCovered: 4, regionsTotal: 514, provincesCovered: 3, provincesTotal: 38 });
    const sultra = await stats(store, parseQueryFilters({ province: 'Sultra' }));
    expect(sultra).toMatchObject({ events: 3, regionsCovered: 1, regionsTotal: 17, provincesCovered: 1, provincesTotal: 1 });
  });

  it.skipIf(skip)('lists the coverage gap', async () => {
    const province = parseQueryFilters({ province: 'Sultra' }).province;
    const all = await regionCoverage(store, { province });
    expect(all).toHaveLength(getGazetteer().regionsOf('74').length);
    expect(all.find((r) => r.region.code === '74.71')).toMatchObject({ events: 2, latest: '2024-03-05' });
    const gap = await regionCoverage(store, { province, withoutCommitments: true });
    expect(gap).toHaveLength(all.length - 1);
    expect(gap.map((r) => r.region.code)).not.toContain('74.71');
    expect(await regionCoverage(store, { withoutCommitments: true })).toHaveLength(510);
  });

  it.skipIf(skip)('exports one row per event and one per event and source', async () => {
    const rows = [];
    for await (const r of exportRows(store, { batchSize: 2 })) rows.push(r);
    expect(rows.filter((r) => r.row_type === 'event')).toHaveLength(6);
    expect(rows.filter((r) => r.row_type === 'source')).toHaveLength(10);
    const se = rows.find((r) => r.row_type === 'source' && r.source_url === 'https://kaltimpost.test/se')!;
    expect(se).toMatchObject({
      region_code: '64.02',
      source_circulars: ['800/12/BKD/2023'],
      source_officials: ["Edi D'Amran (Bupati)"],
      source_measures: ['circular'],
      source_event_date: '2023-11-01',
    });
    expect(se.source_evidence).toContain('Surat Edaran Nomor 800/12/BKD/2023');
    expect(rows.find((r) => r.source_url === 'https://kendaripos.test/apel')?.source_id).toBe('kendaripos');
  });

  it.skipIf(skip)('refuses or finds nothing for injection attempts in every parameter, and changes nothing', async () => {
    const before = await allCounts(store);
    const payloads = [
      "' OR 1=1 --",
      '"; DROP TABLE events; --',
      "'); DELETE FROM commitments; --",
      '%',
      '\\',
      'x" OR "1"="1',
      'Kendari\u0000',
      '\u202eKendari',
      'Kendarí 😀 ñ',
      'a'.repeat(10 * 1024),
    ];
    for (const param of ['region', 'province', 'measure', 'official', 'since', 'until', 'source', 'text', 'sort', 'limit', 'offset']) {
      for (const payload of payloads) {
        let filters;
        try {
          filters = parseQueryFilters({ [param]: payload });
        } catch (e) {
          expect(e, `${param}=${payload.slice(0, 30)}`).toBeInstanceOf(QueryParamError);
          expect((e as QueryParamError).param).toBe(param);
          continue;
        }
        const page = await queryEvents(store, filters);
        expect(page.total, `${param}=${payload.slice(0, 30)}`).toBe(0);
        await stats(store, filters);
      }
    }
    expect(() => parseQueryFilters({ 'region; drop': 'x' })).toThrow(QueryParamError);
    expect(() => parseQueryFilters({ region: { $ne: 1 } })).toThrow(QueryParamError);
    expect(() => parseQueryFilters({ measure: Array(50).fill('pledge') })).toThrow(QueryParamError);
    expect(await allCounts(store)).toEqual(before);
    expect(Object.keys(before)).toEqual([...TABLES, ...EVENT_TABLES]);
    expect(before.events).toBe(EVENT_COUNT);
  });
});
