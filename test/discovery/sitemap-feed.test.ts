import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DiscoveryFormatError, decodeMaybeGzip, decodeXmlBytes, parseFeed, parseLooseDate, parseSitemap, sitemapEntryDate,
} from '../../src/crawl/discovery/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url));
const text = (name: string) => decodeXmlBytes(fixture(name));

describe('parseSitemap', () => {
  it('reads a sitemap index with BOM, whitespace, CDATA, relative and broken entries', () => {
    const s = parseSitemap(text('sitemap-index.xml'), 'https://kabarcontoh.id/sitemap_index.xml');
    expect(s.kind).toBe('index');
    expect(s.entries).toEqual([
      { url: 'https://kabarcontoh.id/post-sitemap.xml', lastmod: '2023-12-30' },
      { url: 'https://kabarcontoh.id/post-sitemap2.xml', lastmod: '2024-10-03' },
      { url: 'https://kabarcontoh.id/page-sitemap.xml', lastmod: '2022-01-05' },
      { url: 'https://kabarcontoh.id/category-sitemap.xml' },
    ]);
  });

  it('reads a Google News sitemap with any namespace prefix, ignoring image and video extensions', () => {
    const s = parseSitemap(text('news-sitemap.xml'), 'https://sultra.beritacontoh.id/news-sitemap.xml');
    expect(s.kind).toBe('urlset');
    expect(s.entries).toEqual([
      {
        url: 'https://sultra.beritacontoh.id/berita/501234/pemkot-kendari-teken-pakta-integritas-netralitas-asn',
        lastmod: '2024-01-19',
        published: '2024-01-18',
        title: 'Pemkot Kendari Teken Pakta Integritas & Netralitas ASN',
      },
      {
        url: 'https://sultra.beritacontoh.id/berita/501240/bupati-konawe-ingatkan-asn-jaga-netralitas-pemilu',
        published: '2024-01-20',
        title: 'Bupati Konawe ingatkan ASN jaga netralitas & profesionalitas',
      },
      { url: 'https://sultra.beritacontoh.id/berita/501251/sekda-kolaka-pimpin-apel-netralitas', lastmod: '2024-01-22' },
      { url: 'https://sultra.beritacontoh.id/foto/9911/galeri-apel-netralitas', lastmod: '2024-01-22' },
    ]);
    expect(sitemapEntryDate(s.entries[0])).toBe('2024-01-18');
    expect(sitemapEntryDate(s.entries[2])).toBe('2024-01-22');
  });

  it('reads a gzipped sitemap once decoded', () => {
    const raw = fixture('sitemap-posts.xml.gz');
    expect(raw[0]).toBe(0x1f);
    const s = parseSitemap(decodeXmlBytes(decodeMaybeGzip(raw)), 'https://kabarcontoh.id/post-sitemap.xml.gz');
    expect(s.kind).toBe('urlset');
    expect(s.entries.map((e) => e.url)).toEqual([
      'https://kabarcontoh.id/2024/10/02/pj-bupati-cilacap-minta-asn-netral-di-pilkada/',
      'https://kabarcontoh.id/2024/10/03/pemkab-banyumas-bentuk-satgas-netralitas-asn/',
      'https://kabarcontoh.id/tag/netralitas-asn/',
      'https://kabarcontoh.id/?p=4821',
    ]);
    expect(s.entries[1].lastmod).toBe('2024-10-03');
  });

  it('decodeMaybeGzip passes plain bytes through and refuses corrupt or oversized gzip', () => {
    const plain = Buffer.from('<urlset/>');
    expect(decodeMaybeGzip(plain).toString()).toBe('<urlset/>');
    const gz = gzipSync(Buffer.alloc(4096, 0x61));
    expect(() => decodeMaybeGzip(gz, 1024)).toThrow(/larger than/);
    expect(() => decodeMaybeGzip(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toThrow(/corrupt/);
  });

  it('reads plain-text sitemaps and unprefixed minimal ones; refuses HTML and empty documents', () => {
    expect(parseSitemap('https://a.id/1\r\nhttps://a.id/2\n\n', 'https://a.id/sitemap.txt').entries).toHaveLength(2);
    expect(parseSitemap('<urlset><url><loc>https://a.id/x</loc></url>', 'https://a.id/s.xml').entries).toEqual([{ url: 'https://a.id/x' }]);
    expect(() => parseSitemap('<!DOCTYPE html><html><body>Not found</body></html>', 'https://a.id/s.xml')).toThrow(DiscoveryFormatError);
    expect(() => parseSitemap('<!DOCTYPE html><html><body>Not found</body></html>', 'https://a.id/s.xml')).toThrow(/not a sitemap \(root element <html>\)/);
    expect(() => parseSitemap('', 'https://a.id/s.xml')).toThrow(/empty/);
    expect(() => parseSitemap('Service unavailable', 'https://a.id/s.xml')).toThrow(/not XML/);
  });

  it('survives unclosed entries and garbage without throwing', () => {
    const s = parseSitemap('<urlset><url><loc>https://a.id/1</loc><url><loc>https://a.id/2</loc></url><url><loc>%%%</loc></url><<<>', 'https://a.id/');
    expect(s.entries.map((e) => e.url)).toEqual(['https://a.id/1', 'https://a.id/2', 'https://a.id/%%%']);
  });
});

describe('decodeXmlBytes', () => {
  it('honours the XML declaration encoding and the BOM', () => {
    const latin = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></channel></rss>'),
    ]);
    expect(parseFeed(decodeXmlBytes(latin), 'https://a.id/').title).toBe('Café');
    expect(decodeXmlBytes(Buffer.from('\uFEFF<a/>'))).toBe('<a/>');
  });
});

describe('parseFeed', () => {
  it('reads RSS 2.0: link, guid permalink, FeedBurner origLink, relative links, Indonesian dates', () => {
    const f = parseFeed(text('feed-rss.xml'), 'https://kabarcontoh.id/feed/');
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('Kabar Contoh – Berita Jawa Tengah');
    expect(f.entries).toEqual([
      {
        url: 'https://kabarcontoh.id/2024/10/02/pj-bupati-cilacap-minta-asn-netral-di-pilkada/?utm_source=rss&utm_medium=rss',
        date: '2024-10-02',
        title: 'Pj Bupati Cilacap Minta ASN Netral di Pilkada',
      },
      {
        url: 'https://kabarcontoh.id/2024/10/03/pemkab-banyumas-bentuk-satgas-netralitas-asn/',
        date: '2024-10-03',
        title: 'Pemkab Banyumas bentuk satgas netralitas ASN',
      },
      {
        url: 'https://kabarcontoh.id/2024/09/30/sekda-purbalingga-teken-pakta-integritas-netralitas/',
        date: '2024-09-30',
        title: 'Item lewat FeedBurner',
      },
      {
        url: 'https://kabarcontoh.id/2024/09/29/kapolres-dan-pemkab-gelar-apel-siaga-pilkada/',
        date: '2024-09-29',
        title: 'Item with a relative link and an odd date',
      },
    ]);
  });

  it('reads Atom: the alternate link, published else updated, relative hrefs', () => {
    const f = parseFeed(text('feed-atom.xml'), 'https://www.lensacontoh.com/feeds/posts/default');
    expect(f.kind).toBe('atom');
    expect(f.title).toBe('Lensa Contoh');
    expect(f.entries).toEqual([
      {
        url: 'https://www.lensacontoh.com/2024/09/pj-bupati-keluarkan-se-netralitas.html',
        date: '2024-09-12',
        title: 'Pj Bupati keluarkan SE netralitas ASN',
      },
      { url: 'https://www.lensacontoh.com/feeds/posts/2024/09/asn-bangka-ikrar-netral.html', date: '2024-09-10', title: 'Only updated' },
    ]);
  });

  it('reads RSS 1.0 / RDF, using rdf:about when an item has no link', () => {
    const f = parseFeed(text('feed-rdf.xml'), 'https://portal.contoh.go.id/rss');
    expect(f.kind).toBe('rdf');
    expect(f.entries).toEqual([
      { url: 'https://portal.contoh.go.id/berita/pilkada-asn-dituntut-netral', date: '2020-10-09', title: 'Pilkada, ASN dituntut netral' },
      { url: 'https://portal.contoh.go.id/berita/sekda-buka-sosialisasi', title: 'Sekda buka sosialisasi' },
    ]);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeed('<html><body>Maaf</body></html>', 'https://a.id/feed')).toThrow(/not a feed/);
    expect(() => parseFeed('', 'https://a.id/feed')).toThrow(DiscoveryFormatError);
  });
});

describe('parseLooseDate', () => {
  it.each([
    ['Sen, 30 Okt 2023 10:00:00 +0700', '2023-10-30'],
    ['Mon, 30 Oct 2023 23:59:00 -0500', '2023-10-30'],
    ['Sel, 31 Okt 23 10:00:00 +0700', '2023-10-31'],
    ['Jum, 03 Nov 2023 10:00:00 +0700', '2023-11-03'],
    ['Rab, 1 Nop 2023', '2023-11-01'],
    ['17 Agu 2024 08:00', '2024-08-17'],
    ['2024-01-18T23:30:00+08:00', '2024-01-18'],
    ['2024-05-21', '2024-05-21'],
    ['Kamis, 18 Januari 2024 | 10:00 WIB', '2024-01-18'],
    ['30/10/2023 10:00', '2023-10-30'],
    ['1698634800', '2023-10-30'],
  ])('%s -> %s', (input, want) => {
    expect(parseLooseDate(input)).toBe(want);
  });
  it('gives undefined for what is not a date', () => {
    expect(parseLooseDate('not a date')).toBeUndefined();
    expect(parseLooseDate('')).toBeUndefined();
    expect(parseLooseDate('31 Feb 2024')).toBeUndefined();
  });
});
