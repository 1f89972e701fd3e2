/**
 * Bounds and control of a crawl on the demo site: since, maxPages (and validators kept back when cut),
 * robots.txt, politeness and Crawl-delay timing, abort, storage errors, onArticle errors, bad options.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CrawlConfigError, CrawlStorageError, crawlSource } from '../../src/crawl/crawler/index.js';
import type { CrawlProgressEvent } from '../../src/crawl/crawler/index.js';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite, RequestLogEntry } from '../../src/demo-site/index.js';
import type { Source } from '../../src/types/source.js';
import { canon, memoryPorts, pathOf } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite({ politeness: false });
});
afterAll(async () => {
  await site?.close();
});
beforeEach(() => site.reset());

const source = (id: string) => site.sources.find((s) => s.id === id)!;
const truthOf = (id: string) => site.truth.filter((t) => t.outlet === id);
const listingOnly = (s: Source, pages = 1): Source => ({
  ...s,
  discovery: s.discovery.filter((d) => d.kind === 'listing').map((d) => ({ ...d, maxPages: pages })),
});
const articleRequests = (id: string, log: RequestLogEntry[] = site.requests) => {
  const keys = new Set(truthOf(id).map((t) => canon(t.url)));
  return log.filter((r) => keys.has(canon(r.url)));
};
const stored = (mem: ReturnType<typeof memoryPorts>) => [...mem.pages.values()].filter((p) => p.body != null).map((p) => p.url);

describe('bounds', () => {
  it('since: fetches only articles dated on or after it, and never requests older ones', async () => {
    const truth = truthOf('detak-sulawesi');
    const since = [...truth].sort((a, b) => b.published_at.localeCompare(a.published_at))[19].published_at;
    const mem = memoryPorts();
    const stats = await crawlSource(source('detak-sulawesi'), mem.ports, { politenessMs: 0, retryDelayMs: 50, since });
    const expected = truth.filter((t) => t.published_at >= since).map((t) => canon(t.url));
    expect(new Set(stored(mem))).toEqual(new Set(expected));
    const old = truth.filter((t) => t.published_at < since);
    expect(stats.skippedBy.old).toBe(old.length);
    expect(stats.problems.filter((p) => p.skip === 'old').every((p) => p.reason.includes(`before ${since}`))).toBe(true);
    const requested = new Set(articleRequests('detak-sulawesi').map((r) => canon(r.url)));
    for (const t of old) expect(requested.has(canon(t.url)), t.url).toBe(false);
  });

  it('maxPages: fetches the newest N, keeps validators back, and the next crawl gets the rest', async () => {
    const id = 'kabar-khatulistiwa';
    const mem = memoryPorts();
    const stats = await crawlSource(source(id), mem.ports, { politenessMs: 0, maxPages: 5 });
    expect(stats.queued).toBe(5);
    expect(new Set(articleRequests(id).map((r) => canon(r.url))).size).toBe(5);
    expect(stats.skippedBy.limit).toBe(stats.discovered - 5);
    const chosen = new Set(mem.saves.map((p) => p.url));
    const dates = truthOf(id).map((t) => ({ key: canon(t.url), date: t.published_at }));
    const oldestChosen = dates.filter((d) => chosen.has(d.key)).map((d) => d.date).sort()[0];
    for (const d of dates) if (!chosen.has(d.key)) expect(d.date <= oldestChosen).toBe(true);
    // Sitemaps and the feed listed URLs not fetched yet: a 304 next time would hide them.
    expect(mem.validators.size).toBe(0);

    site.reset();
    const rest = await crawlSource(source(id), mem.ports, { politenessMs: 0 });
    expect(rest.skippedBy.known).toBe(5);
    expect(new Set(stored(mem))).toEqual(new Set(truthOf(id).map((t) => canon(t.url))));
    expect(mem.validators.size).toBeGreaterThan(0);
  });

  it('robots.txt: a disallowed URL matching the article pattern is skipped with the rule, never requested', async () => {
    const base = source('detak-sulawesi');
    const variant: Source = { ...listingOnly(base), articlePattern: `${base.articlePattern}|/cari(?:[?#].*)?$` };
    const mem = memoryPorts();
    const stats = await crawlSource(variant, mem.ports, { politenessMs: 0, maxPages: 2 });
    expect(stats.skippedBy.robots).toBe(1);
    expect(stats.problems.find((p) => p.skip === 'robots')).toMatchObject({
      url: expect.stringContaining('/cari?q=netralitas+asn'),
      reason: 'disallowed by robots.txt (Disallow: /cari)',
    });
    expect(site.requests.filter((r) => pathOf(r).startsWith('/cari'))).toEqual([]);
  });
});

describe('control', () => {
  it('stops cleanly on abort and returns partial stats', async () => {
    const controller = new AbortController();
    let saved = 0;
    const mem = memoryPorts();
    const stats = await crawlSource(source('detak-sulawesi'), mem.ports, {
      politenessMs: 30,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === 'saved' && ++saved === 3) controller.abort();
      },
    });
    expect(stats.aborted).toBe(true);
    expect(stats.saved).toBeGreaterThanOrEqual(3);
    expect(stats.saved).toBeLessThan(stats.queued);
    expect(stats.unfinished).toBeGreaterThan(0);
    expect(stats.unfinished).toBe(stats.queued - stats.saved - stats.failed - stats.skippedBy['not-html']);
    // Unfinished pages are not saved as failures (the next crawl fetches them): only finished pages were saved.
    expect(mem.saves).toHaveLength(stats.saved + stats.failed + stats.skippedBy['not-html']);
    const after = site.requests.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(site.requests.length).toBe(after);

    const early = new AbortController();
    early.abort();
    const none = await crawlSource(source('detak-sulawesi'), memoryPorts().ports, { signal: early.signal });
    expect(none).toMatchObject({ aborted: true, requests: 0, saved: 0 });
  });

  it('throws a CrawlStorageError naming the source when savePage fails, and fetches nothing more', async () => {
    let calls = 0;
    const mem = memoryPorts({
      savePage: async () => {
        if (++calls === 3) throw new Error('disk full');
        return `p${calls}`;
      },
    });
    const err = await crawlSource(source('sultraprov'), mem.ports, { politenessMs: 20, concurrency: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(CrawlStorageError);
    expect(err).toMatchObject({ sourceId: 'sultraprov', port: 'savePage' });
    expect(err.message).toMatch(/^crawl of sultraprov: storage failed in savePage for http:.*: disk full$/);
    await new Promise((r) => setTimeout(r, 200));
    expect(articleRequests('sultraprov')).toHaveLength(3);

    const known = memoryPorts({ knownUrls: async () => Promise.reject(new Error('db down')) });
    await expect(crawlSource(source('sultraprov'), known.ports, { politenessMs: 0 })).rejects.toMatchObject({
      name: 'CrawlStorageError',
      port: 'knownUrls',
    });
  });

  it('records an onArticle failure and goes on', async () => {
    const mem = memoryPorts({
      onArticle: async () => {
        throw new Error('queue unavailable');
      },
    });
    const stats = await crawlSource(source('sultraprov'), mem.ports, { politenessMs: 0, maxPages: 4 });
    expect(stats.saved).toBe(4);
    expect(stats.articleHookErrors).toBe(4);
    expect(stats.problems.filter((p) => /onArticle failed: queue unavailable/.test(p.reason))).toHaveLength(4);
  });

  it('refuses unusable options and sources with a CrawlConfigError', async () => {
    const { ports } = memoryPorts();
    await expect(crawlSource(source('sultraprov'), ports, { since: '2024-13-01' })).rejects.toBeInstanceOf(CrawlConfigError);
    await expect(crawlSource({ ...source('sultraprov'), articlePattern: '(' }, ports)).rejects.toThrow(/sultraprov: articlePattern does not compile/);
    await expect(crawlSource(source('sultraprov'), ports, { maxPages: -1 })).rejects.toThrow(/maxPages/);
    expect(site.requests).toEqual([]);
  });
});

describe('politeness', () => {
  let polite: DemoSite;
  beforeAll(async () => {
    polite = await startDemoSite({ politeness: true });
  });
  afterAll(async () => {
    await polite?.close();
  });

  // Starts are spaced on the client; arrival times at the server jitter by a few ms (a new connection vs a
  // reused one), hence the tolerance.
  const gaps = (log: RequestLogEntry[]) => log.slice(1).map((r, i) => r.time - log[i].time);

  it('spaces requests to one host by politenessMs, discovery and articles alike', async () => {
    const s = listingOnly(polite.sources.find((x) => x.id === 'detak-sulawesi')!);
    const events: CrawlProgressEvent[] = [];
    await crawlSource(s, memoryPorts().ports, { politenessMs: 1000, maxPages: 3, onProgress: (e) => events.push(e) });
    const log = [...polite.requests].sort((a, b) => a.time - b.time);
    expect(log.map(pathOf)[0]).toBe('/robots.txt');
    expect(log).toHaveLength(5);
    for (const g of gaps(log)) expect(g).toBeGreaterThanOrEqual(950);
  });

  it("honours robots.txt Crawl-delay when it is larger", async () => {
    polite.reset();
    const base = polite.sources.find((x) => x.id === 'sultraprov')!;
    const s: Source = { ...listingOnly(base), crawlDelay: undefined };
    await crawlSource(s, memoryPorts().ports, { politenessMs: 1000, maxPages: 1 });
    const log = [...polite.requests].sort((a, b) => a.time - b.time);
    expect(log.map(pathOf)).toEqual(['/robots.txt', '/berita?hal=1', expect.stringMatching(/^\/berita\/detail\//)]);
    const [robotsToListing, listingToArticle] = gaps(log);
    expect(robotsToListing).toBeGreaterThanOrEqual(950);
    // robots.txt says Crawl-delay: 2.
    expect(listingToArticle).toBeGreaterThanOrEqual(1950);
  });
});
