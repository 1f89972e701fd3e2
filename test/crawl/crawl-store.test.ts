/**
 * The crawl with ports backed by a real SQLite store: raw bytes survive the round trip (windows-1252 page read
 * back through loadPage), and validators kept in the database make the next crawl conditional.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawl/crawler/index.js';
import type { CrawlPorts } from '../../src/crawl/crawler/index.js';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite } from '../../src/demo-site/index.js';
import { getValidators, knownUrls, loadPage, migrate, openStore, putValidators, savePage, upsertSource } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { canon } from './helpers.js';

let site: DemoSite;
let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'pantau-crawl-'));
const ids = new Map<string, string>();

const ports = (): CrawlPorts => ({
  knownUrls: (urls) => knownUrls(store, urls),
  savePage: async (page) => {
    const id = await savePage(store, page);
    ids.set(page.url, id);
    return id;
  },
  getValidators: (url) => getValidators(store, url),
  putValidators: (url, v) => putValidators(store, url, v),
});

beforeAll(async () => {
  site = await startDemoSite({ politeness: false });
  store = openStore({ sqlitePath: join(dir, 'pantau.db') });
  await migrate(store);
  // pages.source_id references sources.id.
  for (const s of site.sources) await upsertSource(store, s);
});
afterAll(async () => {
  await site?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('crawlSource with the SQLite store', () => {
  it('stores raw pages that loadPage decodes correctly, windows-1252 included', async () => {
    const source = site.sources.find((s) => s.id === 'lintas-kalteng')!;
    const stats = await crawlSource(source, ports(), { politenessMs: 0 });
    const truth = site.truth.filter((t) => t.outlet === source.id);
    expect(stats.saved).toBe(truth.length);

    const t = site.traps.find((x) => x.kind === 'windows_1252')!;
    const stored = (await loadPage(store, ids.get(canon(t.url))!))!;
    expect(stored).toMatchObject({ url: canon(t.url), status: 200, sourceId: source.id, extractState: 'pending' });
    expect(Buffer.compare(stored.body!, Buffer.from(site.content.pages.get(t.url)!.body as Uint8Array))).toBe(0);
    expect(stored.html).toContain('Café Rindang');
    expect(stored.html).toMatch(/“[^”]+”/);
    expect(stored.headers['content-type']).toBe('text/html; charset=windows-1252');
  });

  it('keeps validators in the database, so the next crawl gets 304s and fetches nothing', async () => {
    const source = site.sources.find((s) => s.id === 'lintas-kalteng')!;
    expect(await getValidators(store, `${site.outlets.find((o) => o.id === source.id)!.baseUrl}/sitemap.xml`)).toMatchObject({
      etag: expect.stringMatching(/^"/),
    });
    site.reset();
    const stats = await crawlSource(source, ports(), { politenessMs: 0 });
    expect(stats).toMatchObject({ saved: 0, queued: 0, discovery: expect.objectContaining({ notModified: 1 }) });
    expect(site.requests.filter((r) => r.url.endsWith('/sitemap.xml')).map((r) => r.status)).toEqual([304]);
  });
});
