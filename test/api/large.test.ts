/**
 * The API over more commitments than it counts (1,005 in one city, written straight into `events`), on SQLite and
 * PostgreSQL, answered on the main thread and (SQLite) by reader threads: `total` stops at 1,000 with `totalCapped`,
 * paging still knows where the end is, and stats and the region lists count everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { TOTAL_CAP } from '../../src/query/index.js';
import { migrate } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { DIALECTS, createTestDb, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';

const pgUp = await postgresAvailable();
const N = TOTAL_CAP + 5;

/** N events in Kota Kendari, one a day from 2021-01-01 (so ordered by id as by date), measure pledge. */
async function fill(store: Store): Promise<void> {
  await migrate(store);
  const now = '2024-06-01T00:00:00.000Z';
  const day = (i: number) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
  const id = (i: number) => `ev_${i.toString(16).padStart(16, '0')}`;
  for (let start = 0; start < N; start += 100) {
    const idx = Array.from({ length: Math.min(100, N - start) }, (_, k) => start + k);
    await store.db
      .insertInto('events')
      .values(
        idx.map((i) => ({
          id: id(i),
          region_code: '74.71',
          region_name: 'Kota Kendari',
          region_level: 'city',
          province_code: '74',
          province_name: 'Sulawesi Tenggara',
          event_date: day(i),
          date_min: day(i),
          date_max: day(i),
          first_published: day(i),
          last_published: day(i),
          commitments: 1,
          articles: 1,
          sites: 1,
          measures: '["pledge"]',
          measures_mask: 8,
          circulars: '[]',
          officials: '[]',
          seq: i + 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await store.db
      .insertInto('event_measures')
      .values(idx.map((i) => ({ event_id: id(i), measure: 'pledge', region_code: '74.71', province_code: '74', event_date: day(i) })))
      .execute();
  }
}

describe.each(DIALECTS)('HTTP API over %s with more commitments than it counts', (dialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let db: TestDb;
  let store: Store;
  const apps: [string, FastifyInstance][] = [];

  beforeAll(async () => {
    if (skip) return;
    db = await createTestDb(dialect);
    store = db.open();
    await fill(store);
    apps.push(['main thread', buildApi({ store })]);
    if (dialect === 'sqlite') apps.push(['2 reader threads', buildApi({ store, readers: 2 })]);
    for (const [, app] of apps) await app.ready();
  });
  afterAll(async () => {
    for (const [, app] of apps) await app.close();
    await db?.cleanup();
  });

  it.skipIf(skip)('counts up to 1,000, pages to the end, and counts everything in stats and regions', async () => {
    for (const [name, app] of apps) {
      const get = async (url: string) => {
        const res = await app.inject({ method: 'GET', url });
        return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
      };
      const first = await get('/api/commitments?region=74.71&limit=10');
      expect(first.status, name).toBe(200);
      expect(first.body, name).toMatchObject({ total: TOTAL_CAP, totalCapped: true, limit: 10, offset: 0, nextOffset: 10 });
      expect(first.body.items[0].id, name).toBe(`ev_${(N - 1).toString(16).padStart(16, '0')}`);
      expect(first.headers.link, name).toBe('</api/commitments?region=74.71&limit=10&offset=10>; rel="next"');
      for (const url of ['/api/commitments?limit=10', '/api/commitments?province=74&measure=pledge&limit=10', '/api/commitments?since=2021-01-01&limit=10']) {
        expect((await get(url)).body, `${name} ${url}`).toMatchObject({ total: TOTAL_CAP, totalCapped: true, nextOffset: 10 });
      }
      // Past the cap: a lower bound up to the page's end; the last page is exact.
      expect((await get('/api/commitments?region=74.71&limit=10&offset=1200')).body).toMatchObject({ total: TOTAL_CAP, totalCapped: true, nextOffset: null, items: [] });
      const deep = await get('/api/commitments?region=74.71&limit=10&offset=990');
      expect(deep.body, name).toMatchObject({ total: 1001, totalCapped: true, nextOffset: 1000 });
      const last = await get('/api/commitments?region=74.71&limit=10&offset=1000');
      expect(last.body, name).toMatchObject({ total: N, totalCapped: false, nextOffset: null });
      expect(last.body.items.map((i: { event_date: string }) => i.event_date), name).toEqual(['2021-01-05', '2021-01-04', '2021-01-03', '2021-01-02', '2021-01-01']);
      const oldest = await get('/api/commitments?region=74.71&limit=3&sort=-date');
      expect(oldest.body.items.map((i: { event_date: string }) => i.event_date), name).toEqual(['2021-01-01', '2021-01-02', '2021-01-03']);
      // The region's own page counts the same way; stats and the region lists count everything.
      expect((await get('/api/regions/74.71?limit=1')).body.commitments, name).toMatchObject({ total: TOTAL_CAP, totalCapped: true, nextOffset: 1 });
      expect((await get('/api/stats?region=74.71')).body, name).toMatchObject({ events: N, regionsCovered: 1 });
      expect((await get('/api/stats')).body.byMeasure.find((m: { measure: string }) => m.measure === 'pledge'), name).toEqual({ measure: 'pledge', events: N });
      const kendari = (await get('/api/regions?province=74')).body.items.find((r: { region: { code: string } }) => r.region.code === '74.71');
      expect(kendari, name).toMatchObject({ events: N, latest: '2023-10-02' });
    }
  });

  it.skipIf(skip || dialect !== 'sqlite')('answers the same from reader threads as from the main thread, errors included', async () => {
    const [[, main], [, readers]] = apps;
    const urls = [
      '/api/commitments?region=Kendari&limit=3',
      '/api/commitments?measure=pledge,sanction&limit=2&offset=5',
      '/api/commitments?text=abc',
      `/api/commitments/ev_${(7).toString(16).padStart(16, '0')}`,
      '/api/commitments/ev_ffffffffffffffff',
      '/api/commitments/nope',
      '/api/regions?province=Sultra&withoutCommitments=true',
      '/api/regions/74.71?limit=2',
      '/api/regions/Atlantis',
      '/api/regions/Bekasi',
      '/api/stats?since=2022-01-01',
      '/api/sources',
      '/api/openapi.json',
      '/api/commitments?limit=0',
      '/api/commitments?regoin=1',
    ];
    for (const url of urls) {
      const [a, b] = await Promise.all([main.inject({ method: 'GET', url }), readers.inject({ method: 'GET', url })]);
      expect(b.statusCode, url).toBe(a.statusCode);
      expect(JSON.parse(b.body), url).toEqual(JSON.parse(a.body));
      expect(b.headers['content-type'], url).toBe(a.headers['content-type']);
      expect(b.headers.link, url).toBe(a.headers.link);
    }
  });
});
