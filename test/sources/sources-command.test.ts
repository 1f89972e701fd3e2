import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSourcesCheck, runSourcesList } from '../../src/cli/sources-command.js';
import type { Source } from '../../src/types/source.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'utf8');

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;
interface Site { server: Server; base: string; hits: Array<{ path: string; at: number; ua: string }> }

async function serve(handler: Handler): Promise<Site> {
  const site: Site = { server: undefined as unknown as Server, base: '', hits: [] };
  site.server = createServer((req, res) => {
    site.hits.push({ path: req.url ?? '', at: Date.now(), ua: String(req.headers['user-agent'] ?? '') });
    handler(req, res, site.base);
  });
  await new Promise<void>((r) => site.server.listen(0, '127.0.0.1', r));
  site.base = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

// A healthy WordPress-like outlet: robots.txt, a sitemap index whose post sitemap is gzipped, a feed, a tag listing.
const good: Handler = (req, res, base) => {
  const url = req.url ?? '';
  const articles = [
    `${base}/2024/10/02/pj-bupati-cilacap-minta-asn-netral-di-pilkada/`,
    `${base}/2024/10/03/pemkab-banyumas-bentuk-satgas-netralitas-asn/`,
  ];
  if (url === '/robots.txt') return send(res, 200, 'text/plain', `User-agent: *\nDisallow: /wp-admin/\n\nSitemap: ${base}/sitemap_index.xml\nSitemap: ${base}/news-sitemap.xml\n`);
  if (url === '/sitemap_index.xml') {
    return send(res, 200, 'application/xml', `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>${base}/page-sitemap.xml</loc><lastmod>2024-10-04</lastmod></sitemap>
      <sitemap><loc>${base}/post-sitemap.xml.gz</loc><lastmod>2024-10-03</lastmod></sitemap></sitemapindex>`);
  }
  if (url === '/post-sitemap.xml.gz') {
    const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${articles.map((a, i) => `<url><loc>${a}</loc><lastmod>2024-10-0${i + 2}</lastmod></url>`).join('')}<url><loc>${base}/tag/netralitas-asn/</loc></url></urlset>`;
    return send(res, 200, 'application/x-gzip', gzipSync(xml));
  }
  if (url === '/feed/') return send(res, 200, 'application/rss+xml; charset=UTF-8', fixture('feed-rss.xml').replaceAll('https://kabarcontoh.id', base));
  if (url === '/tag/netralitas-asn/') {
    return send(res, 200, 'text/html; charset=utf-8', fixture('listing-wordpress.html').replaceAll('https://kabarcontoh.id', base).replaceAll('https://www.kabarcontoh.id', base));
  }
  send(res, 404, 'text/html', '<html><body>Halaman tidak ditemukan</body></html>');
};

// A broken outlet: no robots.txt, a 404 sitemap, an HTML page where the feed should be, a listing without
// articles, a path robots.txt would forbid (see `blocked`), and a feed that never answers.
const bad: Handler = (req, res) => {
  const url = req.url ?? '';
  if (url === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: pantau\nDisallow: /rahasia\n');
  if (url === '/feed') return send(res, 200, 'text/html', '<!DOCTYPE html><html><body><h1>Beranda</h1></body></html>');
  if (url === '/indeks') return send(res, 200, 'text/html', '<html><body><a href="/tag/asn">ASN</a><a href="/">Beranda</a></body></html>');
  if (url === '/slow-feed') return; // never answers
  if (url === '/rahasia/feed') return send(res, 200, 'application/rss+xml', '<rss/>');
  send(res, 404, 'text/plain', 'not found');
};

const WP = `^https?://[^/?#]+/(?:\\?p=\\d+|(?:\\d{4}/\\d{2}/(?:\\d{2}/)?)?(?:[a-z0-9]+-){3,}[a-z0-9]+(?:\\.html?)?)$`;

let goodSite: Site;
let badSite: Site;
let refusedBase: string;
let sources: Source[];

beforeAll(async () => {
  goodSite = await serve(good);
  badSite = await serve(bad);
  const closed = await serve(() => undefined);
  refusedBase = closed.base;
  await new Promise<void>((r) => closed.server.close(() => r()));
  const g = goodSite.base;
  const b = badSite.base;
  sources = [
    {
      id: 'kabar-baik', name: 'Kabar Baik', home: `${g}/`, region: '33.02', articlePattern: WP, verified: false,
      discovery: [
        { kind: 'sitemap', url: `${g}/sitemap_index.xml` },
        { kind: 'feed', url: `${g}/feed/` },
        { kind: 'listing', url: `${g}/tag/netralitas-asn/`, page: `${g}/tag/netralitas-asn/page/{page}/` },
      ],
    },
    {
      id: 'kabar-buruk', name: 'Kabar Buruk', home: `${b}/`, region: '74', articlePattern: WP, verified: false,
      discovery: [
        { kind: 'sitemap', url: `${b}/sitemap.xml` },
        { kind: 'feed', url: `${b}/feed` },
        { kind: 'listing', url: `${b}/indeks` },
        { kind: 'feed', url: `${b}/rahasia/feed` },
        { kind: 'feed', url: `${b}/slow-feed` },
      ],
    },
    {
      id: 'kabar-mati', name: 'Kabar Mati', home: `${refusedBase}/`, articlePattern: WP, verified: false,
      discovery: [{ kind: 'feed', url: `${refusedBase}/feed/` }],
    },
  ];
});

afterAll(async () => {
  for (const s of [goodSite, badSite]) {
    s.server.closeAllConnections();
    await new Promise<void>((r) => s.server.close(() => r()));
  }
});

function capture() {
  const chunks: string[] = [];
  const errs: string[] = [];
  return { out: (t: string) => void chunks.push(t), err: (t: string) => void errs.push(t), text: () => chunks.join(''), errText: () => errs.join('') };
}

describe('pantau sources check', () => {
  it('passes a healthy source, says to mark it verified, and fetches politely', async () => {
    const c = capture();
    goodSite.hits.length = 0;
    const code = await runSourcesCheck(['kabar-baik'], { sources, hostIntervalMs: 300, timeout: 5, out: c.out, err: c.err });
    const text = c.text();
    expect(code, text).toBe(0);
    expect(text).toContain('kabar-baik — Kabar Baik (33.02 Kabupaten Banyumas)');
    expect(text).toMatch(/robots\.txt +http:\/\/127\.0\.0\.1:\d+\/robots\.txt  200, text\/plain, 2 sitemaps declared  OK/);
    expect(text).toMatch(/sitemap +\S+\/sitemap_index\.xml  200, application\/xml, index of 2 sitemaps, newest 2024-10-03  OK/);
    expect(text).toMatch(/└ sitemap +\S+\/post-sitemap\.xml\.gz  200, application\/x-gzip, urlset, 2 article links of 3, newest 2024-10-03  OK/);
    expect(text).toMatch(/feed +\S+\/feed\/  200, application\/rss\+xml, rss, 4 article links, newest 2024-10-03  OK/);
    expect(text).toMatch(/listing +\S+\/tag\/netralitas-asn\/  200, text\/html, html, 5 article links, newest 2024-10-03, next page \S+\/tag\/netralitas-asn\/page\/3\/  OK/);
    expect(text).toContain('robots.txt declares sitemaps the registry does not list: ' + `${goodSite.base}/news-sitemap.xml`);
    expect(text).toContain('set `verified: true` (and notes on what was seen) in the entry of "kabar-baik"');
    expect(text).toContain('1 source checked: 1 OK, 0 FAIL');
    // robots.txt first, each URL once, the User-Agent names pantau, requests spaced per host
    expect(goodSite.hits.map((h) => h.path)).toEqual(['/robots.txt', '/sitemap_index.xml', '/post-sitemap.xml.gz', '/feed/', '/tag/netralitas-asn/']);
    for (const h of goodSite.hits) expect(h.ua).toMatch(/^pantau\/\d+\.\d+\.\d+/);
    // (starts are spaced 300 ms apart; arrivals jitter by the connection set-up time)
    for (let i = 1; i < goodSite.hits.length; i++) expect(goodSite.hits[i].at - goodSite.hits[i - 1].at).toBeGreaterThanOrEqual(200);
    expect(goodSite.hits[4].at - goodSite.hits[0].at).toBeGreaterThanOrEqual(1100);
  });

  it('fails a broken source with a reason per URL, and exits 1', async () => {
    const c = capture();
    const code = await runSourcesCheck(['kabar-buruk', 'kabar-mati'], { sources, hostIntervalMs: 0, timeout: 1, out: c.out, err: c.err });
    const text = c.text();
    expect(code, text).toBe(1);
    expect(text).toMatch(/sitemap +\S+\/sitemap\.xml  404, text\/plain  FAIL: HTTP 404 Not Found/);
    expect(text).toMatch(/feed +\S+\/feed  200, text\/html  FAIL: not a feed \(root element <html>\)/);
    expect(text).toMatch(/listing +\S+\/indeks  200, text\/html, html, 0 article links  FAIL: zero article links/);
    expect(text).toMatch(/feed +\S+\/rahasia\/feed  FAIL: disallowed by robots\.txt \(Disallow: \/rahasia\)/);
    expect(text).toMatch(/feed +\S+\/slow-feed  FAIL: timed out after 1 s/);
    expect(text).toMatch(/FAIL: 5 of 5 discovery URLs failed/);
    expect(text).toMatch(/kabar-mati — Kabar Mati \(-\)\n  robots\.txt +\S+  FAIL: connection refused\n  feed +\S+  FAIL: not fetched: host unreachable \(connection refused\)/);
    expect(text).toContain('2 sources checked: 0 OK, 2 FAIL');
    expect(text).toContain('failed: kabar-buruk kabar-mati');
    expect(badSite.hits.some((h) => h.path.startsWith('/rahasia'))).toBe(false);
  });

  it('reports as JSON', async () => {
    const c = capture();
    const code = await runSourcesCheck([], { sources: sources.slice(0, 1), hostIntervalMs: 0, json: true, out: c.out, err: c.err });
    expect(code).toBe(0);
    const j = JSON.parse(c.text());
    expect(j.ok).toBe(1);
    expect(j.sources[0].urls.map((u: { kind: string; ok: boolean; articleLinks: number }) => [u.kind, u.ok, u.articleLinks])).toEqual([
      ['sitemap', true, 2], ['feed', true, 4], ['listing', true, 5],
    ]);
  });

  it('exits 2 naming an unknown id and its close matches, or a bad timeout', async () => {
    const c = capture();
    expect(await runSourcesCheck(['kabar-bak'], { sources, out: c.out, err: c.err })).toBe(2);
    expect(c.errText()).toMatch(/unknown source "kabar-bak"; did you mean "kabar-baik"/);
    expect(await runSourcesCheck([], { sources, timeout: 'x', out: c.out, err: c.err })).toBe(2);
    expect(c.text()).toBe('');
  });
});

describe('pantau sources list', () => {
  it('prints a table with region names and discovery kinds', () => {
    const c = capture();
    expect(runSourcesList({ sources, out: c.out })).toBe(0);
    const lines = c.text().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +REGION +DISCOVERY +VERIFIED$/);
    expect(lines[1]).toMatch(/^kabar-baik +Kabar Baik +33\.02 Kabupaten Banyumas +sitemap, feed, listing +no$/);
    expect(lines[2]).toMatch(/^kabar-buruk +Kabar Buruk +74 Sulawesi Tenggara +sitemap, feed×3, listing +no$/);
    expect(lines[3]).toMatch(/^kabar-mati +Kabar Mati +- +feed +no$/);
    expect(c.text()).toContain('3 sources, 0 verified');
  });

  it('prints JSON, and lists the whole registry by default', () => {
    const c = capture();
    runSourcesList({ json: true, out: c.out });
    const all = JSON.parse(c.text());
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.find((s: { id: string }) => s.id === 'antara-sultra').region_name).toBe('Sulawesi Tenggara');
  });
});
