/**
 * The HTTP API over a seeded database, on SQLite and PostgreSQL: every endpoint and filter, paging and sorting,
 * errors (400 naming the parameter, 404, 405), the OpenAPI document, and one request over a real loopback socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import type { Store } from '../../src/store/index.js';
import { DIALECTS, createTestDb, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { EVENT_COUNT, REPORTS, seed } from './fixtures.js';

const pgUp = await postgresAvailable();

interface Item {
  id: string;
  region: { code: string };
  event_date: string | null;
  articles: number;
  sources: { url: string }[];
}
interface Page {
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
  nextOffset: number | null;
  items: Item[];
}

describe.each(DIALECTS)('HTTP API on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let db: TestDb;
  let store: Store;
  let app: FastifyInstance;

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const list = async (query: string): Promise<Page> => {
    const res = await get(`/api/commitments${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page;
  };
  const regionsOf = (page: Page) => page.items.map((i) => i.region.code).sort();

  beforeAll(async () => {
    if (skip) return;
    db = await createTestDb(dialect);
    store = db.open();
    await seed(store);
    app = buildApi({ store });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  it.skipIf(skip)('lists every commitment, the pledge reported by three outlets as one', async () => {
    const page = await list('');
    expect(page.total).toBe(EVENT_COUNT);
    expect(page.items).toHaveLength(EVENT_COUNT);
    expect(page.nextOffset).toBeNull();
    const pledge = page.items.find((i) => i.articles === 3)!;
    expect(pledge.region.code).toBe('64.02');
    expect(pledge.sources.map((s) => s.url)).toEqual(REPORTS.slice(0, 3).map((r) => r.url));
  });

  it.skipIf(skip)('filters by region code, name and abbreviation, and by province', async () => {
    for (const q of ['64.02', 'Kukar', 'Kutai Kartanegara', 'Kabupaten Kutai Kartanegara']) {
      expect(regionsOf(await list(`?region=${encodeURIComponent(q)}`)), q).toEqual(['64.02', '64.02']);
    }
    expect(regionsOf(await list('?region=Kukar&region=Kota%20Kendari'))).toEqual(['64.02', '64.02', '74.71']);
    for (const q of ['74', 'Sultra', 'Sulawesi Tenggara']) expect(regionsOf(await list(`?province=${encodeURIComponent(q)}`)), q).toEqual(['74', '74.71']);
    expect((await list('?province=Kaltim&region=Samarinda')).total).toBe(1);
  });

  it.skipIf(skip)('filters by measure (repeated or comma-separated), official, dates, source and text', async () => {
    expect(regionsOf(await list('?measure=pledge'))).toEqual(['64.02']);
    expect(regionsOf(await list('?measure=pledge&measure=sanction'))).toEqual(['64.02', '74.71']);
    expect(regionsOf(await list('?measure=pledge,sanction'))).toEqual(['64.02', '74.71']);
    expect(regionsOf(await list('?official=Sutrisno'))).toEqual(['64.02', '64.02']);
    expect(regionsOf(await list('?official=siti%20aminah'))).toEqual(['74.71']);
    expect(regionsOf(await list('?since=2024-05-01'))).toEqual(['64.02', '64.72', '74.71']);
    expect(regionsOf(await list('?until=2024-03-31'))).toEqual(['64.02', '74']);
    expect(regionsOf(await list('?since=2024-03-01&until=2024-03-31'))).toEqual(['64.02']);
    expect(regionsOf(await list('?source=tribunkaltim.example'))).toEqual(['64.02', '64.02']);
    expect(regionsOf(await list('?source=kendaripos'))).toEqual(['74', '74.71']);
    expect((await list('?text=netralitas')).total).toBe(EVENT_COUNT);
    expect(regionsOf(await list('?text=pakta%20integritas'))).toEqual(['74']);
    expect(regionsOf(await list('?text=800%2F123'))).toEqual(['64.02']);
    expect((await list('?text=tidak%20ada%20sama%20sekali')).total).toBe(0);
    expect((await list('?region=Kukar&measure=sanction')).total).toBe(0);
  });

  it.skipIf(skip)('sorts and pages, with total, nextOffset and a Link header', async () => {
    const newest = await list('?sort=date');
    const oldest = await list('?sort=-date');
    const dated = (p: Page) => p.items.map((i) => i.event_date);
    expect(dated(newest)).toEqual([...dated(newest)].sort().reverse());
    expect(dated(oldest)).toEqual([...dated(oldest)].sort());
    expect((await list('?sort=sources')).items[0].articles).toBe(3);
    expect((await list('?sort=region')).items.map((i) => i.region.code)).toEqual(['64.02', '64.02', '64.72', '74', '74.71']);

    const first = await get('/api/commitments?sort=-date&limit=2');
    expect(first.body).toMatchObject({ total: EVENT_COUNT, totalCapped: false, limit: 2, offset: 0, nextOffset: 2 });
    expect(first.headers.link).toBe('</api/commitments?sort=-date&limit=2&offset=2>; rel="next"');
    const last = await get('/api/commitments?sort=-date&limit=2&offset=4');
    expect(last.body).toMatchObject({ total: EVENT_COUNT, totalCapped: false, offset: 4, nextOffset: null });
    expect(last.body.items).toHaveLength(1);
    expect(last.headers.link).toBe('</api/commitments?sort=-date&limit=2&offset=2>; rel="prev"');
    const all = [...first.body.items, ...(await list('?sort=-date&limit=2&offset=2')).items, ...last.body.items];
    expect(all.map((i: Item) => i.id)).toEqual(oldest.items.map((i) => i.id));
    expect((await list('?offset=100')).items).toEqual([]);
  });

  it.skipIf(skip)('gives one commitment with its sources and evidence quotes; 404 and 400 otherwise', async () => {
    const pledge = (await list('?measure=pledge')).items[0];
    const res = await get(`/api/commitments/${pledge.id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(pledge.id);
    expect(res.body.sources).toHaveLength(3);
    expect(res.body.sources[0].officials[0]).toEqual({ name: 'Raden Sutrisno', position: 'Bupati', quote: 'Bupati Raden Sutrisno' });
    expect(res.body.sources[0].circulars[0].quote).toBe('Surat Edaran Nomor 800/123/BKPSDM/2024');
    expect(res.body.sources[0].measures.map((m: { quote: string }) => m.quote)).toContain('menggelar apel ikrar netralitas');

    const missing = await get('/api/commitments/ev_0000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/ev_0000000000000000/);
    const bad = await get(`/api/commitments/${encodeURIComponent("1' OR '1'='1")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('id');
  });

  it.skipIf(skip)('lists regions with their counts, by province, and the coverage gap', async () => {
    const all = await get('/api/regions');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(514);
    const kukar = all.body.items.find((r: { region: { code: string } }) => r.region.code === '64.02');
    expect(kukar).toMatchObject({ events: 2, latest: '2024-09-01' });
    const kaltim = await get('/api/regions?province=Kaltim');
    expect(kaltim.body.items.every((r: { region: { code: string } }) => r.region.code.startsWith('64.'))).toBe(true);
    const gap = await get('/api/regions?province=64&withoutCommitments=true');
    expect(gap.body.total).toBe(kaltim.body.total - 2);
    expect((await get('/api/regions?withoutCommitments=maybe')).body.error.param).toBe('withoutCommitments');
    expect((await get('/api/regions?province=Atlantis')).body.error.param).toBe('province');
  });

  it.skipIf(skip)('gives one region with its commitments; a province with its regions', async () => {
    for (const code of ['64.02', 'Kukar', 'kutai%20kartanegara']) {
      const res = await get(`/api/regions/${code}`);
      expect(res.status, code).toBe(200);
      expect(res.body.region.code).toBe('64.02');
      expect(res.body.commitments.total).toBe(2);
    }
    const filtered = await get('/api/regions/Kukar?measure=socialization&limit=1');
    expect(filtered.body.commitments).toMatchObject({ total: 1, limit: 1 });
    const sultra = await get('/api/regions/74');
    expect(sultra.body.region.level).toBe('province');
    expect(sultra.body.commitments.total).toBe(2);
    expect(sultra.body.regions.find((r: { region: { code: string } }) => r.region.code === '74.71').events).toBe(1);
    expect((await get('/api/regions/Atlantis')).status).toBe(404);
    const ambiguous = await get('/api/regions/Bekasi');
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.message).toMatch(/32\.16.*32\.75/);
    expect((await get('/api/regions/Kukar?region=64')).body.error.param).toBe('region');
  });

  it.skipIf(skip)('counts by province, measure and month, under filters', async () => {
    const all = await get('/api/stats');
    expect(all.status).toBe(200);
    expect(all.body.events).toBe(EVENT_COUNT);
    expect(all.body.byMeasure.find((m: { measure: string }) => m.measure === 'pledge').events).toBe(1);
    expect(all.body.byProvince.map((p: { code: string }) => p.code)).toEqual(['64', '74']);
    const sultra = await get('/api/stats?province=Sultra&since=2024-01-01');
    expect(sultra.body.events).toBe(2);
    expect((await get('/api/stats?limit=5')).body.error.param).toBe('limit');
  });

  it.skipIf(skip)('lists the stored outlets', async () => {
    const res = await get('/api/sources');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual(['kaltimpost', 'kendaripos']);
  });

  it.skipIf(skip)('answers bad parameters with 400 naming them', async () => {
    const cases: [string, string][] = [
      ['/api/commitments?regoin=Kukar', 'regoin'],
      ['/api/commitments?region=Atlantis', 'region'],
      ['/api/commitments?province=Kukar', 'province'],
      ['/api/commitments?measure=bribe', 'measure'],
      ['/api/commitments?since=2024-02-30', 'since'],
      ['/api/commitments?since=2024-05-01&until=2024-01-01', 'until'],
      ['/api/commitments?text=ab', 'text'],
      ['/api/commitments?sort=random', 'sort'],
      ['/api/commitments?limit=0', 'limit'],
      ['/api/commitments?limit=abc', 'limit'],
      ['/api/commitments?offset=-1', 'offset'],
      ['/api/commitments?limit=1&limit=2', 'limit'],
      ['/api/commitments?limit[]=1', 'limit[]'],
      ['/api/sources?page=2', 'page'],
    ];
    for (const [url, param] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.param, url).toBe(param);
      expect(res.body.error.message, url).toContain(param);
    }
  });

  it.skipIf(skip)('is read-only and documents itself', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/commitments', payload: { a: 1 } });
      expect(res.statusCode, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    const head = await app.inject({ method: 'HEAD', url: '/api/sources' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    const unknown = await get('/api/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/no such endpoint/);

    const doc = (await get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const paths = ['/api/commitments', '/api/commitments/{id}', '/api/regions', '/api/regions/{code}', '/api/stats', '/api/sources', '/api/openapi.json'];
    expect(Object.keys(doc.paths).sort()).toEqual([...paths].sort());
    for (const p of paths) {
      const op = doc.paths[p].get;
      expect(op.operationId, p).toBeTruthy();
      expect(op.responses['200'].content['application/json'].schema, p).toBeTruthy();
      for (const name of p.match(/\{(\w+)\}/g) ?? []) {
        expect(op.parameters.some((x: { in: string; name: string }) => x.in === 'path' && `{${x.name}}` === name), `${p} ${name}`).toBe(true);
      }
    }
    const filters = doc.paths['/api/commitments'].get.parameters.map((x: { name: string }) => x.name);
    expect(filters).toEqual(['region', 'province', 'measure', 'official', 'since', 'until', 'source', 'text', 'sort', 'limit', 'offset']);
    // The capped total is documented.
    const page = doc.components.schemas.CommitmentPage;
    expect(page.required).toContain('totalCapped');
    expect(page.properties.total.description).toMatch(/1,000/);
    expect(page.properties.totalCapped.type).toBe('boolean');
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeTruthy();
  });

  it.skipIf(skip)('serves over a real loopback socket', async () => {
    const real = buildApi({ store });
    const address = await real.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${address}/api/commitments?region=Kukar&limit=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('link')).toMatch(/rel="next"/);
      const body = (await res.json()) as Page;
      expect(body.total).toBe(2);
      const post = await fetch(`${address}/api/sources`, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
    } finally {
      await real.close();
    }
  });
});
