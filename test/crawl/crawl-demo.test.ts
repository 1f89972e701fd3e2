/**
 * The crawl stage against the whole demo site (five outlets and their traps), with in-memory ports: what is
 * stored, what is requested (the server's log), and a second crawl that finds nothing new.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawl/crawler/index.js';
import type { CrawlProgressEvent, CrawlStats } from '../../src/crawl/crawler/index.js';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite, RequestLogEntry } from '../../src/demo-site/index.js';
import { charsetFromContentType, decodeHtml } from '../../src/input/charset.js';
import { canon, memoryPorts, pathOf } from './helpers.js';
import type { MemoryPorts } from './helpers.js';

let site: DemoSite;
let mem: MemoryPorts;
const stats = new Map<string, CrawlStats>();
const events: CrawlProgressEvent[] = [];
let firstRequests: RequestLogEntry[] = [];
const secondStats = new Map<string, CrawlStats>();
let secondRequests: RequestLogEntry[] = [];
const storageExisted = existsSync('storage');

const options = { politenessMs: 0, retryDelayMs: 200, onProgress: (e: CrawlProgressEvent) => events.push(e) };

beforeAll(async () => {
  site = await startDemoSite({ politeness: false });
  mem = memoryPorts();
  for (const source of site.sources) stats.set(source.id, await crawlSource(source, mem.ports, options));
  firstRequests = [...site.requests];
  site.reset();
  for (const source of site.sources) secondStats.set(source.id, await crawlSource(source, mem.ports, { politenessMs: 0 }));
  secondRequests = [...site.requests];
}, 60_000);
afterAll(async () => {
  await site?.close();
});

const trap = (kind: string) => site.traps.find((t) => t.kind === kind)!;
const truthKeys = () => new Set(site.truth.map((t) => canon(t.url)));
/** Requests of the first crawl for one page (any spelling). */
const requestsFor = (url: string, log = firstRequests) => log.filter((r) => canon(r.url) === canon(url));
const problem = (url: string) => [...stats.values()].flatMap((s) => s.problems).find((p) => p.url === canon(url));

describe('crawlSource on the demo site', () => {
  it('stores every article of the truth, once, with its body, under its canonical URL', () => {
    const stored = [...mem.pages.values()].filter((p) => p.body != null).map((p) => p.url);
    expect(new Set(stored)).toEqual(truthKeys());
    const bodySaves = mem.saves.filter((p) => p.body != null).map((p) => p.url);
    expect(bodySaves.length).toBe(new Set(bodySaves).size);
    expect(mem.articles.map((a) => a.url).sort()).toEqual([...truthKeys()].sort());
    for (const p of mem.pages.values()) {
      if (p.body == null) continue;
      expect(p.status).toBe(200);
      expect(p.sourceId).toBe(site.truth.find((t) => canon(t.url) === p.url)!.outlet);
      expect(p.contentType).toMatch(/^text\/html/);
    }
    // Every stored body is the bytes the site served, whole.
    for (const t of site.truth) {
      const served = site.content.pages.get(t.url)!.body;
      const stored = mem.pages.get(canon(t.url))!.body as Uint8Array;
      expect(Buffer.compare(Buffer.from(stored), typeof served === 'string' ? Buffer.from(served, 'utf8') : Buffer.from(served)), t.url).toBe(0);
    }
    const total = [...stats.values()].reduce((n, s) => n + s.saved, 0);
    expect(total).toBe(site.truth.length);
  });

  it('requests each article page once; only the 429 and 500-once pages twice', () => {
    const twice = new Set([trap('retry_after').url, trap('error_once').url].map(canon));
    for (const t of site.truth) {
      expect(requestsFor(t.url).length, t.url).toBe(twice.has(canon(t.url)) ? 2 : 1);
    }
  });

  it('never requests robots-disallowed pages, the external host or the calendar archive', () => {
    expect(firstRequests.filter((r) => r.outlet === 'external')).toEqual([]);
    expect(firstRequests.filter((r) => pathOf(r).startsWith('/cari'))).toEqual([]);
    expect(firstRequests.filter((r) => pathOf(r).startsWith('/arsip'))).toEqual([]);
    // robots.txt once per outlet, before anything else of that outlet.
    for (const o of site.outlets) {
      const mine = firstRequests.filter((r) => r.outlet === o.id);
      expect(mine.filter((r) => pathOf(r) === '/robots.txt')).toHaveLength(1);
      expect(pathOf(mine[0])).toBe('/robots.txt');
    }
    expect(firstRequests.every((r) => r.userAgent?.startsWith('pantau/'))).toBe(true);
  });

  it('fetches tracking-parameter, fragment and AMP variants once, as the canonical page', () => {
    for (const t of site.traps.filter((x) => x.kind === 'tracking_duplicate' || x.kind === 'amp')) {
      expect(requestsFor(t.article!).length, t.url).toBe(1);
      expect(mem.pages.get(canon(t.article!))?.body).toBeTruthy();
    }
    expect(firstRequests.filter((r) => /utm_|\/amp\//.test(r.url))).toEqual([]);
    expect(stats.get('kabar-khatulistiwa')!.skippedBy.duplicate).toBeGreaterThan(0);
  });

  it('waits out a 429 Retry-After (2 s) for that host, then stores the page', () => {
    const [first, second] = requestsFor(trap('retry_after').url);
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    expect(second.time - first.time).toBeGreaterThanOrEqual(2000);
    expect(mem.pages.get(canon(trap('retry_after').url))?.body).toBeTruthy();
    expect(events.some((e) => e.type === 'retry' && e.url === canon(trap('retry_after').url) && e.delayMs === 2000)).toBe(true);
  });

  it('retries a 500 once and stores the page; gives up on a permanent 500 after bounded retries', () => {
    const once = requestsFor(trap('error_once').url);
    expect(once.map((r) => r.status)).toEqual([500, 200]);
    expect(once[1].time - once[0].time).toBeGreaterThanOrEqual(200);
    expect(mem.pages.get(canon(trap('error_once').url))?.body).toBeTruthy();

    const always = trap('error_always');
    expect(requestsFor(always.url).map((r) => r.status)).toEqual([500, 500, 500]);
    expect(problem(always.url)).toMatchObject({ outcome: 'failed', status: 500, reason: expect.stringMatching(/^HTTP 500 Internal Server Error/) });
    expect(mem.pages.get(canon(always.url))).toMatchObject({ body: null, status: 500, error: expect.stringMatching(/HTTP 500/) });
  });

  it('records a redirect loop and stores no body for it', () => {
    const loop = trap('redirect_loop');
    expect(problem(loop.url)).toMatchObject({ outcome: 'failed', status: 301, reason: expect.stringMatching(/^redirect loop/) });
    // Two hops, each requested once; then the loop is seen.
    const hops = firstRequests.filter((r) => r.url.includes('/pengumuman-hasil-seleksi-terbuka-jpt-pratama'));
    expect(hops.map((r) => r.status)).toEqual([301, 301]);
    expect(mem.pages.get(canon(loop.url))).toMatchObject({ body: null, error: expect.stringMatching(/redirect loop/) });
  });

  it('refuses the 20 MB page from its size without downloading it, and records it', () => {
    const huge = trap('huge');
    expect(problem(huge.url)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^too large/) });
    expect(events.some((e) => e.type === 'fetched' && e.url === canon(huge.url) && e.status === 200)).toBe(true);
    // The server logs a request once its response is fully sent: this one never was (the connection was closed).
    expect(requestsFor(huge.url)).toEqual([]);
    // All of warta-nusantara's article bodies together are far below the 20 MB the page would have cost.
    expect(stats.get('warta-nusantara')!.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(mem.pages.get(canon(huge.url))?.body ?? null).toBeNull();
  });

  it('skips a PDF from its Content-Type, and never requests a PDF that is not article-shaped', () => {
    const [listed, articleShaped] = [site.traps.filter((t) => t.kind === 'pdf' && t.outlet === 'kabar-khatulistiwa')[0], site.traps.find((t) => t.kind === 'pdf' && t.outlet === 'detak-sulawesi')!];
    expect(requestsFor(listed.url)).toEqual([]);
    expect(problem(articleShaped.url)).toMatchObject({ outcome: 'skipped', skip: 'not-html', reason: 'not an HTML page (application/pdf)' });
    expect(requestsFor(articleShaped.url)).toHaveLength(1);
    expect(mem.pages.get(canon(articleShaped.url))).toMatchObject({ body: null, error: 'not an HTML page (application/pdf)' });
  });

  it('stores the windows-1252 page as the raw bytes served, which decode to the right text', () => {
    const t = trap('windows_1252');
    const page = mem.pages.get(canon(t.url))!;
    const served = site.content.pages.get(t.url)!.body as Uint8Array;
    expect(page.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(Buffer.from(page.body as Uint8Array), Buffer.from(served))).toBe(0);
    expect(page.contentType).toBe('text/html; charset=windows-1252');
    const html = decodeHtml(page.body as Uint8Array, charsetFromContentType(page.contentType)).text;
    expect(html).toContain('Café Rindang');
    expect(html).toMatch(/“[^”]+”/);
  });

  it('reports discovery, fetches, saves and failures as progress events', () => {
    const kinds = new Set(events.map((e) => e.type));
    for (const k of ['discovery', 'discovered', 'skipped', 'fetched', 'saved', 'failed', 'retry']) expect(kinds.has(k as never), k).toBe(true);
    const discovered = events.filter((e): e is Extract<CrawlProgressEvent, { type: 'discovered' }> => e.type === 'discovered');
    expect(discovered).toHaveLength(site.sources.length);
    for (const s of stats.values()) {
      // The server's log misses the 20 MB response, which was never sent in full.
      const unlogged = s.sourceId === trap('huge').outlet ? 1 : 0;
      expect(s.requests).toBe(firstRequests.filter((r) => r.outlet === s.sourceId).length + unlogged);
      expect(s.unfinished).toBe(0);
      expect(s.aborted).toBe(false);
    }
  });

  it('writes no Crawlee storage to disk', () => {
    expect(existsSync('storage')).toBe(storageExisted);
  });
});

describe('a second crawl with the same store', () => {
  it('requests no article page at all', () => {
    const keys = new Set([...mem.pages.keys()]);
    const articleRequests = secondRequests.filter((r) => keys.has(canon(r.url)));
    expect(articleRequests).toEqual([]);
    for (const s of secondStats.values()) {
      expect(s.saved).toBe(0);
      expect(s.failed).toBe(0);
      expect(s.queued).toBe(0);
    }
  });

  it('asks for sitemaps and feeds conditionally and skips them on 304', () => {
    const conditional = secondRequests.filter((r) => r.ifNoneMatch || r.ifModifiedSince);
    expect(conditional.length).toBeGreaterThan(0);
    expect(conditional.every((r) => r.status === 304)).toBe(true);
    // Every sitemap and feed of the first crawl is skipped: the indexes' children are not even requested.
    const xml = (log: RequestLogEntry[]) => log.filter((r) => /sitemap|feed/.test(pathOf(r)));
    expect(xml(secondRequests).every((r) => r.status === 304)).toBe(true);
    expect(xml(secondRequests).length).toBeLessThan(xml(firstRequests).length);
    const notModified = [...secondStats.values()].reduce((n, s) => n + s.discovery.notModified, 0);
    expect(notModified).toBe(xml(secondRequests).length);
    expect(mem.validators.size).toBeGreaterThan(0);
  });
});
