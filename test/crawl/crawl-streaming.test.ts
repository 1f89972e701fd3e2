/**
 * Articles are fetched while discovery goes on: against a loopback outlet whose listing pages answer slowly, the
 * first pages' articles are stored before the last listing page is answered — as long as all found so far
 * fits in maxPages. Beyond that the choice of the newest waits for the end of discovery, as before.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawl/crawler/index.js';
import type { CrawlProgressEvent } from '../../src/crawl/crawler/index.js';
import type { Source } from '../../src/types/source.js';
import { memoryPorts } from './helpers.js';

const LISTING_PAGES = 3;
const PER_PAGE = 4;
/** Listing pages answer after 50 ms, the last one after 800 ms. */
const delayOf = (page: number) => (page === LISTING_PAGES ? 800 : 50);

let base = '';
let server: Server;
let log: { path: string; at: number }[] = [];

/** Listing page n links articles n-1..; page 1 holds the newest (dates fall with the article number). */
const articleDate = (i: number) => `2024-01-${String(28 - i).padStart(2, '0')}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, at: performance.now() });
    const m = /^\/list\?page=(\d+)$/.exec(path);
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('User-agent: *\nAllow: /\n');
    }
    if (m) {
      const n = Number(m[1]);
      if (n > LISTING_PAGES) {
        res.writeHead(404);
        return void res.end();
      }
      const links = Array.from({ length: PER_PAGE }, (_, k) => (n - 1) * PER_PAGE + k)
        .map((i) => `<article><a href="/news/item-${i}">Berita ${i}</a><time datetime="${articleDate(i)}">${articleDate(i)}</time></article>`)
        .join('');
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html><body>${links}</body></html>`);
      }, delayOf(n));
      return;
    }
    if (path.startsWith('/news/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(`<!DOCTYPE html><html><head><title>${path}</title></head><body><p>Isi ${path}.</p></body></html>`);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  log = [];
});

const source = (): Source => ({
  id: 'stream',
  name: 'Streaming outlet',
  home: `${base}/`,
  discovery: [{ kind: 'listing', url: `${base}/list?page=1`, page: `${base}/list?page={page}`, maxPages: LISTING_PAGES + 1 }],
  articlePattern: '/news/item-\\d+$',
  verified: true,
});

const firstAt = (re: RegExp) => log.find((h) => re.test(h.path))?.at ?? Infinity;

describe('fetching while discovery goes on', () => {
  it('stores the first listing pages\' articles before the last listing page is answered', async () => {
    const mem = memoryPorts();
    const events: CrawlProgressEvent[] = [];
    const stats = await crawlSource(source(), mem.ports, { politenessMs: 0, maxPages: 100, onProgress: (e) => events.push(e) });
    const total = LISTING_PAGES * PER_PAGE;
    expect(stats.saved).toBe(total);
    expect(mem.articles).toHaveLength(total);
    const lastListingAnswered = firstAt(new RegExp(`^/list\\?page=${LISTING_PAGES}$`)) + delayOf(LISTING_PAGES);
    expect(firstAt(/^\/news\//)).toBeLessThan(lastListingAnswered);
    // Progress: fetches handed over in several batches, and the final count once discovery is over.
    const queued = events.filter((e) => e.type === 'queued') as Extract<CrawlProgressEvent, { type: 'queued' }>[];
    expect(queued.length).toBeGreaterThan(1);
    expect(queued.reduce((n, e) => n + e.count, 0)).toBe(total);
    const discovered = events.filter((e) => e.type === 'discovered');
    expect(discovered).toEqual([{ type: 'discovered', count: total, queued: total }]);
    const lastSaved = events.map((e) => e.type).lastIndexOf('saved');
    expect(events.map((e) => e.type).indexOf('saved')).toBeLessThan(events.indexOf(discovered[0]));
    expect(lastSaved).toBeGreaterThan(-1);
  });

  it('with more found than maxPages, still fetches the newest maxPages once discovery is over', async () => {
    const mem = memoryPorts();
    // Page 1 (4 links) fits in 6; page 2 makes 8, over the budget: the rest waits for the end and the newest win.
    const stats = await crawlSource(source(), mem.ports, { politenessMs: 0, maxPages: 6 });
    expect(stats.saved).toBe(6);
    const saved = [...mem.pages.keys()].map((u) => Number(/item-(\d+)$/.exec(u)![1])).sort((a, b) => a - b);
    expect(saved).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stats.problems.filter((p) => p.reason.startsWith('beyond maxPages'))).toHaveLength(LISTING_PAGES * PER_PAGE - 6);
  });
});
