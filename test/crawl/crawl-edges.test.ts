/**
 * What the demo site does not exercise, against a small loopback server of our own: a body over the cap with
 * no Content-Length (cut while streaming), a redirect to another site, Retry-After too long or as an HTTP date,
 * 404s, timeouts, gzip Content-Encoding, a same-site redirect, and a robots.txt answering 503.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawl/crawler/index.js';
import type { CrawlStats } from '../../src/crawl/crawler/index.js';
import type { Source } from '../../src/types/source.js';
import { memoryPorts } from './helpers.js';
import type { MemoryPorts } from './helpers.js';

const BIG = 8 * 1024 * 1024;
const CAP = 256 * 1024;
const page = (title: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>Isi berita.</p></body></html>`;

interface Hit {
  path: string;
  time: number;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

let base = '';
let otherBase = '';
let hits: Hit[] = [];
let otherHits: string[] = [];
let bigServed = 0;
let robotsStatus = 200;
let busyCount = 0;
const servers: Server[] = [];

function handler(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  hits.push({ path, time: Date.now() });
  const html = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/robots.txt':
      if (robotsStatus !== 200) return html(robotsStatus, 'unavailable');
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('User-agent: *\nDisallow: /private\n');
    case '/sitemap.xml': {
      const paths = ['/a/big', '/a/away', '/a/slow-down', '/a/missing', '/a/busy', '/private/x', '/a/gzip', '/a/moved', '/a/hang'];
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${base}${p}</loc></url>`).join('')}</urlset>`);
    }
    case '/a/big': {
      // No Content-Length: the cap can only be enforced while streaming.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let closed = false;
      res.on('close', () => (closed = true));
      const pump = () => {
        while (!closed && bigServed < BIG) {
          bigServed += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!closed) res.end();
      };
      return pump();
    }
    case '/a/away':
      return html(301, 'moved', { location: `${otherBase}/elsewhere` });
    case '/a/slow-down':
      return html(429, 'slow down', { 'retry-after': '3600' });
    case '/a/missing':
      return html(404, 'not found');
    case '/a/busy':
      if (++busyCount === 1) return html(503, 'busy', { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
      return html(200, page('Busy no more'));
    case '/a/gzip':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      return void res.end(gzipSync(page('Dikompresi')));
    case '/a/moved':
      return html(302, 'moved', { location: '/a/final' });
    case '/a/final':
      return html(200, page('Final'));
    case '/a/hang':
      return; // never answers
    default:
      return html(404, 'not found');
  }
}

const source = (): Source => ({
  id: 'edge',
  name: 'Edge cases',
  home: `${base}/`,
  discovery: [{ kind: 'sitemap', url: `${base}/sitemap.xml` }],
  articlePattern: '/(?:a|private)/[a-z-]+$',
  verified: true,
});

beforeAll(async () => {
  const main = createServer(handler);
  const other = createServer((req, res) => {
    otherHits.push(req.url ?? '/');
    res.end('other site');
  });
  servers.push(main, other);
  base = await listen(main);
  otherBase = await listen(other);
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('crawlSource edge cases', () => {
  let mem: MemoryPorts;
  let stats: CrawlStats;
  beforeAll(async () => {
    mem = memoryPorts();
    stats = await crawlSource(source(), mem.ports, { politenessMs: 0, maxBodyBytes: CAP, timeoutMs: 800, retries: 1, retryDelayMs: 50 });
  }, 30_000);
  const problem = (path: string) => stats.problems.find((p) => p.url === `${base}${path}`);
  const count = (path: string) => hits.filter((h) => h.path === path).length;

  it('cuts a body over the cap while streaming when no Content-Length announces it', () => {
    expect(problem('/a/big')).toMatchObject({ outcome: 'failed', status: 200, reason: expect.stringMatching(/^too large \(over the 256 KB cap\): download stopped after/) });
    expect(bigServed).toBeLessThan(BIG / 2);
    expect(stats.bytes).toBeLessThan(BIG / 4);
    expect(mem.pages.get(`${base}/a/big`)?.body).toBeNull();
  });

  it('does not follow a redirect to another site', () => {
    expect(problem('/a/away')?.reason).toMatch(/^redirect to another site \(http:\/\/127\.0\.0\.1:\d+\/elsewhere\): not followed$/);
    expect(otherHits).toEqual([]);
  });

  it('gives up at once on a Retry-After over the limit, and on a 404', () => {
    expect(problem('/a/slow-down')?.reason).toMatch(/^HTTP 429 Too Many Requests \(Retry-After 3600 s is over the 120 s limit\)$/);
    expect(count('/a/slow-down')).toBe(1);
    expect(problem('/a/missing')).toMatchObject({ reason: 'HTTP 404 Not Found', status: 404 });
    expect(count('/a/missing')).toBe(1);
  });

  it('honours a Retry-After given as an HTTP date', () => {
    const busy = hits.filter((h) => h.path === '/a/busy');
    expect(busy).toHaveLength(2);
    expect(busy[1].time - busy[0].time).toBeGreaterThanOrEqual(900);
    expect(mem.pages.get(`${base}/a/busy`)?.body).toBeTruthy();
  });

  it('retries a request that times out, then records it', () => {
    expect(count('/a/hang')).toBe(2);
    expect(problem('/a/hang')).toMatchObject({ outcome: 'failed', status: 0, reason: 'timed out after 0.8 s' });
  });

  it('skips robots-disallowed URLs, stores decompressed bodies, follows same-site redirects', () => {
    expect(problem('/private/x')).toMatchObject({ skip: 'robots', reason: 'disallowed by robots.txt (Disallow: /private)' });
    expect(count('/private/x')).toBe(0);
    expect(Buffer.from(mem.pages.get(`${base}/a/gzip`)!.body as Uint8Array).toString()).toBe(page('Dikompresi'));
    expect(mem.pages.get(`${base}/a/moved`)).toMatchObject({ finalUrl: `${base}/a/final`, status: 200 });
    expect(stats.saved).toBe(3);
  });
});

describe('a host whose robots.txt is unavailable', () => {
  beforeEach(() => {
    hits = [];
    otherHits = [];
  });
  it('is not crawled (RFC 9309: 5xx means the rules are unknown)', async () => {
    robotsStatus = 503;
    try {
      const stats = await crawlSource(source(), memoryPorts().ports, { politenessMs: 0 });
      expect(hits.map((h) => h.path)).toEqual(['/robots.txt']);
      expect(stats.discovery.issues.map((i) => i.reason)).toContain('robots.txt unavailable (HTTP 503 Service Unavailable): host not crawled');
      expect(stats.saved + stats.failed).toBe(0);
    } finally {
      robotsStatus = 200;
    }
  });
});
