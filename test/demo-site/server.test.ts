import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite } from '../../src/demo-site/index.js';
import { checkXml, locs } from './xml.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

/** A raw GET (no redirects followed, body as bytes). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), ms: Date.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const outlet = (id: string) => site.outlets.find((o) => o.id === id)!;
const trap = (kind: string) => site.traps.find((t) => t.kind === kind)!;

describe('demo site server', () => {
  it('serves each outlet on its own loopback port, with sources pointing at it', () => {
    expect(site.outlets).toHaveLength(5);
    const ports = new Set(site.outlets.map((o) => new URL(o.baseUrl).port));
    expect(ports.size).toBe(5);
    for (const o of site.outlets) expect(o.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const s of site.sources) {
      expect(s.home).toBe(`${outlet(s.id).baseUrl}/`);
      for (const d of s.discovery) expect(d.url.startsWith(outlet(s.id).baseUrl)).toBe(true);
    }
    expect(site.truth.every((t) => t.url.startsWith(outlet(t.outlet).baseUrl))).toBe(true);
  });

  it('answers robots.txt with Sitemap lines, Disallow: /cari and one Crawl-delay', async () => {
    let delays = 0;
    for (const o of site.outlets) {
      const r = await get(`${o.baseUrl}/robots.txt`);
      expect(r.status).toBe(200);
      const text = r.body.toString();
      expect(text).toContain('Disallow: /cari');
      if (/Crawl-delay: 2/.test(text)) delays++;
      for (const line of text.split('\n').filter((l) => l.startsWith('Sitemap: '))) {
        const s = await get(line.slice(9));
        expect(s.status, line).toBe(200);
      }
      if (o.id !== 'sultraprov') expect(text).toMatch(/^Sitemap: http/m);
    }
    expect(delays).toBe(1);
  });

  it('serves sitemap indexes, a Google News sitemap and gzipped sitemaps that parse as XML', async () => {
    const found = new Set<string>();
    const visit = async (url: string): Promise<void> => {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      const text = url.endsWith('.gz') ? gunzipSync(r.body).toString() : r.body.toString();
      if (url.endsWith('.gz')) expect(r.headers['content-type']).toBe('application/gzip');
      const { root } = checkXml(text);
      if (root === 'sitemapindex') for (const u of locs(text)) await visit(u);
      else for (const u of locs(text)) found.add(u);
      if (url.includes('sitemap-news')) expect(text).toContain('<news:publication_date>');
    };
    for (const s of site.sources) for (const d of s.discovery) if (d.kind === 'sitemap') await visit(d.url);
    for (const t of site.truth.filter((x) => x.outlet !== 'sultraprov')) expect(found.has(t.url), t.url).toBe(true);
  });

  it('serves an RSS feed and an Atom feed; the RSS links carry tracking parameters', async () => {
    const rss = await get(`${outlet('kabar-khatulistiwa').baseUrl}/feed/`);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    const rssText = rss.body.toString();
    expect(checkXml(rssText).root).toBe('rss');
    const links = [...rssText.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]).slice(1);
    expect(links.length).toBe(20);
    expect(links.every((l) => l.includes('utm_source=rss'))).toBe(true);
    const atom = await get(`${outlet('warta-nusantara').baseUrl}/feed.atom`);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(checkXml(atom.body.toString()).root).toBe('feed');
  });

  it('answers conditional requests for feeds and sitemaps with 304', async () => {
    for (const url of [`${outlet('kabar-khatulistiwa').baseUrl}/feed/`, `${outlet('detak-sulawesi').baseUrl}/sitemap-news.xml`, `${outlet('warta-nusantara').baseUrl}/sitemap.xml`]) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      const lm = first.headers['last-modified'] as string;
      expect(etag).toBeTruthy();
      expect(lm).toBeTruthy();
      expect((await get(url, { 'if-none-match': etag })).status).toBe(304);
      expect((await get(url, { 'if-modified-since': lm })).status).toBe(304);
      expect((await get(url, { 'if-none-match': '"stale"' })).status).toBe(200);
      expect((await get(url, { 'if-modified-since': new Date(Date.parse(lm) - 86_400_000).toUTCString() })).status).toBe(200);
    }
  });

  it('paginates listings and links every article from them', async () => {
    for (const s of site.sources) {
      const listing = s.discovery.find((d) => d.kind === 'listing')!;
      expect(listing.kind === 'listing' && listing.page && listing.maxPages).toBeTruthy();
      if (listing.kind !== 'listing') continue;
      const seen = new Set<string>();
      for (let n = 1; n <= listing.maxPages!; n++) {
        let r = await get(listing.page!.replace('{page}', String(n)));
        if (r.status === 301) r = await get(r.headers.location as string); // WordPress: /page/1/ -> first page
        expect(r.status).toBe(200);
        const html = r.body.toString();
        for (const m of html.matchAll(/<h2><a href="([^"]+)"/g)) seen.add(m[1]);
        if (n < listing.maxPages!) expect(html).toContain('rel="next"');
      }
      for (const t of site.truth.filter((x) => x.outlet === s.id)) expect(seen.has(t.url), t.url).toBe(true);
    }
  });

  it('serves the same article for tracking-parameter variants', async () => {
    const t = site.traps.find((x) => x.kind === 'tracking_duplicate' && x.url.includes('utm_'))!;
    const a = await get(t.url);
    const b = await get(t.article!);
    expect(a.status).toBe(200);
    expect(a.body.equals(b.body)).toBe(true);
    expect(a.body.toString()).toContain(`<link rel="canonical" href="${t.article}">`);
  });

  it('answers 429 with Retry-After: 2 on the first request, then 200', async () => {
    const t = trap('retry_after');
    const first = await get(t.url);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('2');
    expect((await get(t.url)).status).toBe(200);
  });

  it('answers 500 always on one page and 500 once on another', async () => {
    expect((await get(trap('error_always').url)).status).toBe(500);
    expect((await get(trap('error_always').url)).status).toBe(500);
    expect((await get(trap('error_once').url)).status).toBe(500);
    expect((await get(trap('error_once').url)).status).toBe(200);
  });

  it('has a redirect loop', async () => {
    const a = trap('redirect_loop').url;
    const r1 = await get(a);
    expect(r1.status).toBe(301);
    const r2 = await get(r1.headers.location as string);
    expect(r2.status).toBe(301);
    expect(r2.headers.location).toBe(a);
    await expect(fetch(a)).rejects.toThrow();
  });

  it('answers the slow page after about 3 s', async () => {
    const r = await get(trap('slow').url);
    expect(r.status).toBe(200);
    expect(r.ms).toBeGreaterThanOrEqual(2900);
  });

  it('serves the windows-1252 page with the charset in the header and the meta', async () => {
    const r = await get(trap('windows_1252').url);
    expect(r.headers['content-type']).toBe('text/html; charset=windows-1252');
    expect(r.body.includes(Buffer.from([0x93]))).toBe(true);
    expect(r.body.includes(Buffer.from([0x94]))).toBe(true);
    expect(r.body.includes(Buffer.from('Caf\xe9', 'latin1'))).toBe(true);
    expect(r.body.toString('latin1')).toContain('charset=windows-1252">');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(r.body)).toThrow();
  });

  it('serves a page over 20 MB with its Content-Length', async () => {
    const url = trap('huge').url;
    const headOnly = await get(url, {}, 'HEAD');
    expect(Number(headOnly.headers['content-length'])).toBeGreaterThan(20 * 1024 * 1024);
    const r = await get(url);
    expect(r.body.length).toBe(Number(headOnly.headers['content-length']));
    expect(r.body.subarray(r.body.length - 7).toString()).toBe('</html>');
  });

  it('serves PDFs as application/pdf', async () => {
    for (const t of site.traps.filter((x) => x.kind === 'pdf')) {
      const r = await get(t.url);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('serves AMP variants declaring the original as canonical', async () => {
    const t = trap('amp');
    const r = await get(t.url);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain(`<link rel="canonical" href="${t.article}">`);
    expect(t.url).toContain('/amp/');
  });

  it('generates an endless calendar: every month links the previous and the next', async () => {
    const o = outlet('lintas-kalteng');
    const first = await get(trap('calendar').url);
    expect(first.status).toBe(200);
    const far = await get(`${o.baseUrl}/arsip/2999/12/`);
    expect(far.status).toBe(200);
    const html = far.body.toString();
    expect(html).toContain(`${o.baseUrl}/arsip/3000/01/`);
    expect(html).toContain(`${o.baseUrl}/arsip/2999/11/`);
    expect(html).toContain('Tidak ada artikel');
    const real = site.truth.find((t) => t.outlet === o.id)!;
    const month = await get(`${o.baseUrl}/arsip/${real.published_at.slice(0, 4)}/${real.published_at.slice(5, 7)}/`);
    expect(month.body.toString()).toContain(real.url);
  });

  it('links an external host that logs its own requests', async () => {
    const home = await get(`${outlet('lintas-kalteng').baseUrl}/kanal/daerah?page=1`);
    expect(home.body.toString()).toContain(site.external.baseUrl);
    const before = site.requests.filter((r) => r.outlet === 'external').length;
    expect((await get(`${site.external.baseUrl}/berita/kantor-berita-mitra`)).status).toBe(200);
    expect(site.requests.filter((r) => r.outlet === 'external').length).toBe(before + 1);
  });

  it('logs every request with outlet, method, url, status and time', async () => {
    const url = `${outlet('sultraprov').baseUrl}/nope`;
    expect((await get(url, { 'user-agent': 'pantau-test' })).status).toBe(404);
    const entry = site.requests.find((r) => r.url === url)!;
    expect(entry).toMatchObject({ outlet: 'sultraprov', method: 'GET', status: 404, userAgent: 'pantau-test' });
    expect(entry.time).toBeGreaterThan(Date.now() - 60_000);
  });

  it('re-arms one-shot traps on reset()', async () => {
    site.reset();
    expect(site.requests).toHaveLength(0);
    expect((await get(trap('retry_after').url)).status).toBe(429);
  });
});
