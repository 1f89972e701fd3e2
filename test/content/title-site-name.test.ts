import { describe, expect, it } from 'vitest';
import { extractContent } from '../../src/extract/content/index.js';
import { stripSiteName } from '../../src/extract/content/metadata.js';

const body = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Paragraf ke-${i + 1}: pemerintah daerah meminta aparatur sipil negara menjaga netralitas selama tahapan pemilihan kepala daerah berlangsung.</p>`,
).join('\n');

const page = (head: string, main = `<article>${body}</article>`) =>
  `<!doctype html><html lang="id"><head>${head}</head><body>${main}</body></html>`;

describe('site name in <title>', () => {
  it('drops a site name written before the headline when it names the host', () => {
    const c = extractContent(
      page('<title>Kota Palu - Proyek Jalan Poros Ditargetkan Rampung Tahun Depan</title>'),
      'https://palukota.go.id/berita/proyek-jalan-poros',
    );
    expect(c.title).toBe('Proyek Jalan Poros Ditargetkan Rampung Tahun Depan');
  });

  it('drops a site name written before the headline when it names og:site_name', () => {
    const c = extractContent(
      page('<meta property="og:site_name" content="Kendari Pos"><title>KendariPos | Bupati Imbau ASN Netral</title>'),
      'https://news.example.id/a/1',
    );
    expect(c.title).toBe('Bupati Imbau ASN Netral');
  });

  it('drops a site name after a two-word headline when it names the host', () => {
    const c = extractContent(page('<title>Netralitas ASN | Kendari Pos</title>'), 'https://kendaripos.co.id/netralitas-asn');
    expect(c.title).toBe('Netralitas ASN');
  });

  it('keeps a trailing part of more than six words', () => {
    const c = extractContent(
      page('<title>Netralitas ASN | Berita Kendari Pos Online Terkini Hari Ini</title>'),
      'https://www.beritakendaripos.co.id/netralitas-asn',
    );
    expect(c.title).toBe('Netralitas ASN | Berita Kendari Pos Online Terkini Hari Ini');
  });

  it('keeps a leading part that does not name the site', () => {
    const c = extractContent(
      page('<title>Banjir - Bupati Tinjau Lokasi Pengungsian di Desa Hulu</title>'),
      'https://kabarhulu.id/banjir',
    );
    expect(c.title).toBe('Banjir - Bupati Tinjau Lokasi Pengungsian di Desa Hulu');
  });

  it('leaves a title from <h1> as it was', () => {
    const c = extractContent(
      page('<title>Kota Palu - Proyek Jalan Poros</title>', `<article><h1>Kota Palu - Proyek Jalan Poros</h1>${body}</article>`),
      'https://palukota.go.id/berita/proyek',
    );
    expect(c.title).toBe('Kota Palu - Proyek Jalan Poros');
  });

  it('needs a headline of two words or more to remain', () => {
    expect(stripSiteName('Kota Palu - Berita', null, 'palukota.go.id')).toBe('Kota Palu - Berita');
    expect(stripSiteName('Kota Palu - Berita Terkini', null, 'palukota.go.id')).toBe('Berita Terkini');
  });
});
