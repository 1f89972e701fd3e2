import { describe, expect, it } from 'vitest';
import { contentFromText, extractContent } from '../../src/extract/content/index.js';
import { guessLanguage } from '../../src/extract/content/language.js';
import { stripTitleSuffix } from '../../src/extract/content/metadata.js';

const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraf ke-${i + 1} berisi keterangan yang cukup panjang tentang pegawai di daerah dan tugas mereka untuk melayani warga dengan baik setiap hari.</p>`,
  ).join('\n');

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('extractContent metadata', () => {
  it('keeps the local date of an ISO timestamp as written', () => {
    const c = extractContent(
      page('<meta property="article:published_time" content="2024-05-21T23:30:00+07:00">', `<article>${paragraphs(4)}</article>`),
      'https://example.id/a',
    );
    expect(c.published_at).toBe('2024-05-21');
  });

  it('reads datePublished from JSON-LD @graph before metas', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'X' }, { '@type': 'NewsArticle', datePublished: '2023-12-31T22:00:00+09:00', publisher: { name: 'Kabar X' } }] };
    const c = extractContent(
      page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><meta name="pubdate" content="2024-01-02">`, `<article>${paragraphs(4)}</article>`),
      'https://www.kabarx.id/a',
    );
    expect(c.published_at).toBe('2023-12-31');
    expect(c.site).toBe('Kabar X');
  });

  it('falls back through pubdate metas, <time> and the dateline', () => {
    expect(extractContent(page('<meta name="pubdate" content="20240102">', paragraphs(4)), null).published_at).toBe('2024-01-02');
    expect(extractContent(page('', `<time datetime="2022-03-04">4 Maret</time>${paragraphs(4)}`), null).published_at).toBe('2022-03-04');
    expect(extractContent(page('', `<div>Kamis, 7 Maret 2024 10:00 WIB<br><br>${paragraphs(4)}</div>`), null).published_at).toBe('2024-03-07');
    expect(extractContent(page('', paragraphs(4)), null).published_at).toBeNull();
  });

  it('resolves a relative canonical link and names the site from the host', () => {
    const c = extractContent(page('<link rel="canonical" href="/berita/1">', paragraphs(4)), 'https://www.contoh.id/berita/1?ref=x');
    expect(c.url).toBe('https://www.contoh.id/berita/1');
    expect(c.site).toBe('contoh.id');
  });

  it('strips the site suffix from <title> and detects language', () => {
    const c = extractContent(page('<title>Bupati Tinjau Banjir di Hulu Sungai | Kabar Hulu</title>', paragraphs(4)), null);
    expect(c.title).toBe('Bupati Tinjau Banjir di Hulu Sungai');
    expect(c.language).toBe('id');
    expect(extractContent(page('', paragraphs(4)).replace('<html>', '<html lang="en-US">'), null).language).toBe('en');
  });

  it('resolves relative links for Readability through an inserted <base>', () => {
    // Nothing links survive into text, but the call must not throw on relative URLs without a base.
    expect(() => extractContent(page('', `<a href="../x">tautan</a>${paragraphs(3)}`), 'https://a.id/b/c')).not.toThrow();
  });

  it('falls back to the paragraphs when Readability finds too little', () => {
    const c = extractContent(page('', '<div><p>Pendek saja, hanya satu kalimat yang berisi informasi di desa untuk warga.</p></div>'), null);
    expect(c.text).toBe('Pendek saja, hanya satu kalimat yang berisi informasi di desa untuk warga.');
  });

  it('drops inline related links, captions and promos', () => {
    const body = `<article>${paragraphs(2)}<p><strong>Baca juga:</strong> <a href="/z">Judul lain di kota lain</a></p><figure><img src="a.jpg"><figcaption>Foto: Dok. Humas</figcaption></figure>${paragraphs(2)}<p>Dapatkan update berita pilihan setiap hari, ikuti kami di Google News.</p><p>Editor: Budi</p></article>`;
    const c = extractContent(page('', body), null);
    expect(c.text).not.toMatch(/Baca juga|Judul lain|Foto:|Google News|Editor/);
    expect(c.text.split('\n\n')).toHaveLength(4);
  });
});

describe('contentFromText', () => {
  it('reads and strips header lines', () => {
    const c = contentFromText('URL: https://www.kabar.id/a\nTITLE: Judul Berita\nPUBLISHED: 2024-05-21\n\nParagraf  satu\ndi sini.\n\n\n\nParagraf dua yang dan di.');
    expect(c).toEqual({
      url: 'https://www.kabar.id/a',
      title: 'Judul Berita',
      site: 'kabar.id',
      language: 'id',
      published_at: '2024-05-21',
      text: 'Paragraf satu di sini.\n\nParagraf dua yang dan di.',
    });
  });

  it('uses the dateline only when PUBLISHED is missing, and leaves title empty', () => {
    const c = contentFromText('URL: https://x.id/a\n\nSelasa, 21 Mei 2024 19:21\n\nIsi berita.');
    expect(c.published_at).toBe('2024-05-21');
    expect(c.title).toBe('');
    expect(contentFromText('PUBLISHED: unknown\n\nSelasa, 21 Mei 2024 19:21\n\nIsi.').published_at).toBeNull();
    expect(contentFromText('Rabu (17/1/2024) pukul sepuluh.').published_at).toBe('2024-01-17');
  });

  it('lets caller metadata win and keeps text without headers intact', () => {
    const c = contentFromText('TITLE: Dari Header\n\nIsi.', { title: 'Dari Pemanggil', url: null, published_at: '2020-01-02' });
    expect(c.title).toBe('Dari Pemanggil');
    expect(c.published_at).toBe('2020-01-02');
    expect(contentFromText('URL: bukan header karena\nlangsung teks').text).toBe('URL: bukan header karena\nlangsung teks'.replace('\n', ' '));
  });
});

describe('helpers', () => {
  it('guesses language only with evidence', () => {
    expect(guessLanguage('Bupati dan wakil bupati yang hadir di acara itu untuk warga')).toBe('id');
    expect(guessLanguage('The regent and the deputy were at the event for the residents')).toBe('en');
    expect(guessLanguage('Jakarta')).toBeNull();
  });

  it('strips only site-like title suffixes', () => {
    expect(stripTitleSuffix('Bupati Tinjau Banjir di Hulu - Kabar Hulu', null)).toBe('Bupati Tinjau Banjir di Hulu');
    expect(stripTitleSuffix('Banjir - Bupati Tinjau Lokasi Pengungsian di Desa Hulu Sungai Bagian Barat Laut', null)).toBe(
      'Banjir - Bupati Tinjau Lokasi Pengungsian di Desa Hulu Sungai Bagian Barat Laut',
    );
  });
});
