import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, extractText } from '../../src/extract/index.js';
import type { ArticleRecord } from '../../src/types/record.js';

// Hand-labelled expectations for the project's own fixture articles (fixtures/articles, written for pantau).
const dir = new URL('../../fixtures/articles/', import.meta.url);
function load(name: string): ArticleRecord {
  const body = readFileSync(new URL(name, dir), 'utf8');
  return name.endsWith('.txt') ? extractText(body, {}, { input: name }) : extract(body, `https://fixture.example/${name}`, { input: name });
}
const byCode = (r: ArticleRecord, code: string) => r.commitments.find((c) => c.region.code === code);

describe('fixture articles', () => {
  it('a regency circular: region, Pj Bupati without degrees, number, date, measures; chrome ignored', () => {
    const r = load('kabupaten-circular.html');
    expect(r.relevant).toBe(true);
    expect(r.commitments.map((c) => c.region.code)).toEqual(['36.02']);
    const c = r.commitments[0];
    expect(c.region).toMatchObject({ name: 'Kabupaten Lebak', level: 'regency', province: { code: '36' } });
    expect(c.officials.map((o) => [o.name, o.position])).toEqual([['Gunawan Prasetyo Adi', 'Pj Bupati']]);
    expect(c.circulars.map((x) => [x.number, x.kind])).toEqual([['800/145/BKPSDM/2024', 'surat_edaran']]);
    expect(c.event_date).toBe('2024-02-14');
    expect(c.measures.map((m) => m.type).sort()).toEqual(['circular', 'sanction']);
    expect(r.published_at).toBe('2024-02-15');
    expect(r.text).not.toMatch(/Pandeglang|Foto: Humas|Bagikan|Tags:/);
  });

  it('a city pledge: Kota, not Kabupaten, Bekasi; the leader and the reader of the pledge, not the witnesses', () => {
    const r = load('kota-pledge.html');
    expect(r.commitments.map((c) => c.region.code)).toEqual(['32.75']);
    const c = r.commitments[0];
    expect(c.officials.map((o) => o.name)).toEqual(['Rudi Santoso Wibowo', 'Ani Kusumawati']);
    expect(c.measures.map((m) => m.type).sort()).toEqual(['integrity_pact', 'oversight', 'pledge', 'sanction']);
    expect(c.event_date).toBe('2023-11-06');
    expect(r.published_at).toBe('2023-11-07');
    expect(r.site).toBe('Warta Patriot');
  });

  it('a province MoU and grant; the Bawaslu chair is not an official of the commitment', () => {
    const r = load('province-mou-grant.html');
    expect(r.commitments.map((c) => c.region.code)).toEqual(['61']);
    const c = r.commitments[0];
    expect(c.region.level).toBe('province');
    expect(c.officials.map((o) => o.name)).toEqual(['Hendra Kurniawan Saputra', 'Mulyadi Harahap']);
    expect(c.measures.map((m) => m.type)).toEqual(expect.arrayContaining(['mou', 'grant', 'socialization', 'sanction']));
    expect(c.event_date).toBe('2024-07-02');
  });

  it('two governments in one article each get their own commitment and measures', () => {
    const r = load('two-governments.html');
    const province = byCode(r, '53');
    const city = byCode(r, '53.71');
    expect(province?.officials.map((o) => o.name)).toEqual(['Yohanes Benediktus Lado']);
    expect(province?.circulars.map((x) => [x.number, x.kind])).toEqual([['12 Tahun 2024', 'instruksi']]);
    expect(province?.measures.map((m) => m.type)).toEqual(expect.arrayContaining(['pledge', 'instruction']));
    expect(city?.officials.map((o) => o.name)).toEqual(['Maria Goreti Nenobais']);
    expect(city?.measures.map((m) => m.type)).toContain('oversight');
    expect(city?.measures.map((m) => m.type)).not.toContain('instruction');
  });

  it('an abbreviation resolves (Kotim) and a weekday without a date leaves the event date null', () => {
    const r = load('abbreviation-weekday.txt');
    expect(r.url).toBe('https://sampitpost.example/2024/10/pemkab-kotim-sosialisasi-netralitas');
    expect(r.commitments.map((c) => c.region.code)).toEqual(['62.02']);
    expect(r.commitments[0].event_date).toBeNull();
    expect(r.commitments[0].officials.map((o) => o.name)).toEqual(['Rusli Hamdani']);
    expect(r.commitments[0].measures.map((m) => m.type)).toEqual(expect.arrayContaining(['socialization', 'circular', 'sanction']));
  });

  it.each(['bawaslu-appeal-not-relevant.html', 'violation-report-not-relevant.html', 'other-topic-not-relevant.html'])(
    '%s is not relevant and has no commitments',
    (name) => {
      const r = load(name);
      expect(r.relevant).toBe(false);
      expect(r.relevance).toBeLessThan(0.5);
      expect(r.commitments).toEqual([]);
    },
  );

  it('every evidence quote is the slice of its field', () => {
    for (const name of ['kabupaten-circular.html', 'kota-pledge.html', 'province-mou-grant.html', 'two-governments.html']) {
      const r = load(name);
      for (const c of r.commitments) {
        for (const e of [...c.officials, ...c.circulars, ...c.measures].map((x) => x.evidence)) {
          expect(e.quote.length).toBeGreaterThan(0);
          expect((e.field === 'title' ? r.title : r.text).slice(e.start, e.end)).toBe(e.quote);
        }
      }
    }
  });
});
