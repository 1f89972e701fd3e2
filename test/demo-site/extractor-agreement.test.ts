/**
 * The demo site's ground truth agrees with the current extractor on every article page: relevance, region
 * codes, measures and event dates exactly (and publication dates and canonical URLs). Officials and circular
 * numbers are compared too and reported, as the crawl acceptance tests compare stored records with the truth.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoSite } from '../../src/demo-site/index.js';
import { extract } from '../../src/extract/index.js';
import { decodeWindows1252 } from '../../src/input/charset.js';

const site = generateDemoSite();

function html(url: string): string {
  const page = site.pages.get(url)!;
  if (typeof page.body === 'string') return page.body;
  // Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (loses “ ”): the input module's decoder does not.
  expect(page.contentType).toContain('windows-1252');
  return decodeWindows1252(page.body);
}

describe('extractor agreement with the demo-site truth', () => {
  const records = site.truth.map((t) => ({ t, r: extract(html(t.url), t.url) }));

  it('agrees on relevance, regions, measures and event dates for every article', () => {
    const problems: string[] = [];
    for (const { t, r } of records) {
      const p: string[] = [];
      if (r.relevant !== t.relevant) p.push(`relevant ${r.relevant} (${r.relevance}), expected ${t.relevant}`);
      const got = r.commitments.map((c) => c.region.code).sort();
      const want = t.commitments.map((c) => c.region_code).sort();
      if (got.join() !== want.join()) p.push(`regions ${got} expected ${want}`);
      for (const c of t.commitments) {
        const x = r.commitments.find((y) => y.region.code === c.region_code);
        if (!x) continue;
        const measures = [...new Set(x.measures.map((m) => m.type))].sort();
        if (measures.join() !== [...c.measures].sort().join()) p.push(`measures ${measures} expected ${c.measures}`);
        if (x.event_date !== c.event_date) p.push(`event date ${x.event_date} expected ${c.event_date}`);
      }
      if (p.length) problems.push(`${t.url} [${t.kind}/${t.topic}]: ${p.join('; ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('reads the publication date and canonical URL of every article', () => {
    const problems = records
      .filter(({ t, r }) => r.published_at !== t.published_at || r.url !== t.url)
      .map(({ t, r }) => `${t.url}: published ${r.published_at} (expected ${t.published_at}), url ${r.url}`);
    expect(problems).toEqual([]);
  });

  it('agrees on officials and circular numbers', () => {
    const problems: string[] = [];
    for (const { t, r } of records) {
      for (const c of t.commitments) {
        const x = r.commitments.find((y) => y.region.code === c.region_code);
        if (!x) continue;
        const officials = x.officials.map((o) => o.name);
        if (officials.join('|') !== c.officials.join('|')) problems.push(`${t.url}: officials ${officials} expected ${c.officials}`);
        const circulars = x.circulars.map((o) => o.number).sort();
        if (circulars.join('|') !== [...c.circulars].sort().join('|')) problems.push(`${t.url}: circulars ${circulars} expected ${c.circulars}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('decodes the windows-1252 page', () => {
    const t = site.truth.find((x) => x.trap === 'windows_1252')!;
    const r = records.find((x) => x.t === t)!.r;
    expect(r.text).toContain('Café');
    expect(r.text).toMatch(/“[^”]+”/);
  });

  it('reads the AMP variant as the same article (canonical URL)', () => {
    const amp = site.traps.find((x) => x.kind === 'amp')!;
    const page = site.pages.get(amp.url)!;
    const r = extract(page.body as string, amp.url);
    expect(r.url).toBe(amp.article);
    const original = records.find((x) => x.t.url === amp.article)!.r;
    expect(r.relevant).toBe(original.relevant);
  });
});
