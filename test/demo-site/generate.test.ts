import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { demoRegions } from '../../src/demo-site/regions.js';
import { encodeWindows1252, generateDemoSite } from '../../src/demo-site/index.js';
import { MEASURES } from '../../src/types/record.js';
import { getGazetteer } from '../../src/extract/region/index.js';
import { checkXml, locs } from './xml.js';

const site = generateDemoSite();

describe('demo site content', () => {
  it('is deterministic: the same seed gives the same pages and truth', () => {
    const again = generateDemoSite();
    expect([...again.pages.keys()]).toEqual([...site.pages.keys()]);
    for (const [url, page] of site.pages) expect(again.pages.get(url)!.body, url).toEqual(page.body);
    expect(again.truth).toEqual(site.truth);
    expect(again.traps).toEqual(site.traps);
    const other = generateDemoSite(7);
    expect(other.truth.map((t) => t.url)).not.toEqual(site.truth.map((t) => t.url));
  });

  it('has about 300 articles of which 30-40 report a commitment, over five outlets and templates', () => {
    expect(site.truth.length).toBeGreaterThanOrEqual(280);
    expect(site.truth.length).toBeLessThanOrEqual(320);
    const relevant = site.truth.filter((t) => t.relevant);
    expect(relevant.length).toBeGreaterThanOrEqual(30);
    expect(relevant.length).toBeLessThanOrEqual(40);
    expect(site.truth.filter((t) => t.kind === 'hard_negative').length).toBeGreaterThanOrEqual(15);
    expect(new Set(site.outlets.map((o) => o.template)).size).toBe(5);
    for (const o of site.outlets) expect(site.truth.some((t) => t.outlet === o.id), o.id).toBe(true);
    expect(new Set(site.truth.map((t) => t.url)).size).toBe(site.truth.length);
  });

  it('spreads publication dates over 2023-06..2024-11', () => {
    const months = new Set(site.truth.map((t) => t.published_at.slice(0, 7)));
    expect([...months].sort()[0]).toBe('2023-06');
    expect([...months].sort().at(-1)).toBe('2024-11');
    expect(months.size).toBeGreaterThanOrEqual(16);
  });

  it('has truth that names real regions, the measure vocabulary and varied leads', () => {
    const gaz = getGazetteer();
    const relevant = site.truth.filter((t) => t.relevant);
    for (const t of relevant) {
      expect(t.commitments.length).toBeGreaterThan(0);
      for (const c of t.commitments) {
        expect(gaz.byCode(c.region_code), c.region_code).toBeDefined();
        expect(c.measures.length).toBeGreaterThan(0);
        for (const m of c.measures) expect(MEASURES).toContain(m);
        expect(c.event_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(c.event_date! <= t.published_at).toBe(true);
        expect(c.officials.length).toBeGreaterThan(0);
      }
    }
    for (const t of site.truth.filter((x) => !x.relevant)) expect(t.commitments).toEqual([]);
    // Every measure of the vocabulary but sanction-only stories appears somewhere, and all three levels.
    const measures = new Set(relevant.flatMap((t) => t.commitments.flatMap((c) => c.measures)));
    expect(measures.size).toBeGreaterThanOrEqual(8);
    const levels = new Set(relevant.map((t) => gaz.byCode(t.commitments[0].region_code)!.level));
    expect(levels).toEqual(new Set(['province', 'regency', 'city']));
    expect(new Set(relevant.map((t) => t.topic)).size).toBeGreaterThanOrEqual(6);
    expect(demoRegions().length).toBeGreaterThan(300);
  });

  it('declares sources whose article pattern matches every article and no listing, feed or archive', () => {
    for (const s of site.sources) {
      expect(s.verified).toBe(true);
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      const re = new RegExp(s.articlePattern);
      const o = site.outlets.find((x) => x.id === s.id)!;
      for (const t of site.truth.filter((x) => x.outlet === s.id)) expect(re.test(t.url), t.url).toBe(true);
      for (const p of site.pages.values()) {
        if (p.outlet !== s.id) continue;
        if (['listing', 'feed', 'sitemap', 'robots', 'home', 'tag', 'static', 'search'].includes(p.kind)) expect(re.test(p.url), p.url).toBe(false);
      }
      expect(re.test(`${o.baseUrl}/arsip/2024/01/`)).toBe(false);
      for (const d of s.discovery) expect(site.pages.has(d.url), d.url).toBe(true);
    }
  });

  it('writes sitemaps and feeds as well-formed XML listing every article', () => {
    const listed = new Set<string>();
    for (const p of site.pages.values()) {
      if (p.kind !== 'sitemap' && p.kind !== 'feed') continue;
      const text = typeof p.body === 'string' ? p.body : gunzipSync(p.body).toString('utf8');
      const { root } = checkXml(text);
      expect(['urlset', 'sitemapindex', 'rss', 'feed']).toContain(root);
      expect(p.etag).toMatch(/^"[0-9a-f]+"$/);
      expect(Date.parse(p.lastModified!)).not.toBeNaN();
      for (const u of locs(text)) listed.add(u);
    }
    const inSitemaps = site.truth.filter((t) => listed.has(t.url)).length;
    const withSitemap = site.truth.filter((t) => t.outlet !== 'sultraprov');
    expect(inSitemaps).toBe(withSitemap.length);
  });

  it('encodes windows-1252', () => {
    expect([...encodeWindows1252('“Café”')]).toEqual([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]);
    expect(() => encodeWindows1252('日本')).toThrow();
  });

  it('documents each trap with what the crawler should do', () => {
    const kinds = new Set(site.traps.map((t) => t.kind));
    for (const k of ['calendar', 'tracking_duplicate', 'retry_after', 'redirect_loop', 'error_always', 'error_once', 'slow', 'windows_1252', 'huge', 'pdf', 'amp', 'external', 'disallowed']) {
      expect(kinds.has(k as never), k).toBe(true);
    }
    for (const t of site.traps) expect(t.expect.length).toBeGreaterThan(20);
    // Traps that serve a real article are in the truth; the others are not.
    for (const t of site.traps.filter((x) => ['retry_after', 'error_once', 'slow', 'windows_1252'].includes(x.kind))) {
      expect(site.truth.find((a) => a.url === t.url)?.trap).toBe(t.kind);
    }
    for (const t of site.traps.filter((x) => ['redirect_loop', 'error_always', 'huge', 'pdf'].includes(x.kind))) {
      expect(site.truth.some((a) => a.url === t.url)).toBe(false);
    }
  });

  it('scales for benchmarks', () => {
    const big = generateDemoSite(3, { articles: 1000, politeness: false });
    expect(big.truth.length).toBe(1000);
    expect(big.sources.every((s) => s.crawlDelay === 0)).toBe(true);
    expect([...big.pages.values()].some((p) => p.kind === 'robots' && String(p.body).includes('Crawl-delay'))).toBe(false);
  });
});
