import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseListing, parseRobots, productToken } from '../../src/crawl/discovery/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'utf8');

const WP = `^https?://[^/?#]+/(?:\\?p=\\d+|(?:\\d{4}/\\d{2}/(?:\\d{2}/)?)?(?:[a-z0-9]+-){3,}[a-z0-9]+(?:\\.html?)?)$`;
const wpSource = { home: 'https://kabarcontoh.id/', articlePattern: WP };
const portal = { home: 'https://sultra.beritacontoh.id/', articlePattern: '^https?://[^/?#]+/berita/\\d+/[a-z0-9-]+$' };

describe('parseListing', () => {
  it('WordPress tag page: canonical article links, <time> and written dates, rel=next', () => {
    const l = parseListing(fixture('listing-wordpress.html'), 'https://kabarcontoh.id/tag/netralitas-asn/page/2/', wpSource);
    expect(l.links).toEqual([
      // linked from the menu: no date near it (the top bar's date belongs to the page, not this link)
      { url: 'https://kabarcontoh.id/2024/10/01/berita-utama-di-menu-tanpa-tanggal-dekat', title: 'Berita utama di menu' },
      {
        url: 'https://kabarcontoh.id/2024/10/03/pemkab-banyumas-bentuk-satgas-netralitas-asn',
        title: 'Pemkab Banyumas Bentuk Satgas Netralitas ASN',
        date: '2024-10-03',
      },
      {
        url: 'https://kabarcontoh.id/2024/10/02/pj-bupati-cilacap-minta-asn-netral-di-pilkada',
        title: 'Pj Bupati Cilacap Minta ASN Netral di Pilkada',
        date: '2024-10-02',
      },
      {
        url: 'https://www.kabarcontoh.id/2024/09/30/sekda-purbalingga-teken-pakta-integritas-netralitas',
        title: 'Sekda Purbalingga Teken Pakta Integritas Netralitas',
      },
      { url: 'https://kabarcontoh.id/tentang-kami-dan-redaksi-kabar-contoh', title: 'Tentang kami' },
    ]);
    expect(l.next).toBe('https://kabarcontoh.id/tag/netralitas-asn/page/3/');
  });

  it('portal index: <base href>, AMP and tracking variants merged, relative dates, "Next" arrow', () => {
    const now = new Date('2024-01-22T03:00:00Z'); // 10:00 WIB
    const l = parseListing(fixture('listing-portal.html'), 'https://sultra.beritacontoh.id/terkini/2', portal, { now });
    const byUrl = Object.fromEntries(l.links.map((x) => [x.url.replace('https://sultra.beritacontoh.id/berita/', ''), x]));
    expect(Object.keys(byUrl)).toEqual([
      '501251/sekda-kolaka-pimpin-apel-netralitas',
      '501240/bupati-konawe-ingatkan-asn-jaga-netralitas-pemilu',
      '501234/pemkot-kendari-teken-pakta-integritas-netralitas-asn',
      '500001/tahun-baru-di-kendari',
    ]);
    expect(byUrl['501251/sekda-kolaka-pimpin-apel-netralitas'].date).toBe('2024-01-22');
    expect(byUrl['501251/sekda-kolaka-pimpin-apel-netralitas'].title).toBe('Sekda Kolaka pimpin apel netralitas');
    expect(byUrl['501240/bupati-konawe-ingatkan-asn-jaga-netralitas-pemilu'].date).toBe('2024-01-20');
    expect(byUrl['501234/pemkot-kendari-teken-pakta-integritas-netralitas-asn'].date).toBe('2024-01-19');
    expect(byUrl['501234/pemkot-kendari-teken-pakta-integritas-netralitas-asn'].title).toBe('Pemkot Kendari teken pakta integritas netralitas ASN');
    expect(l.next).toBe('https://sultra.beritacontoh.id/terkini/3');
  });

  it('finds the next page by word, by arrow (› before »), by class, else from the {page} template', () => {
    const base = 'https://kabarcontoh.id/indeks';
    const page = (body: string) => `<html><body>${body}</body></html>`;
    expect(parseListing(page('<a href="/indeks?page=1">1</a><a href="/indeks?page=2">Selanjutnya</a>'), base, wpSource).next).toBe('https://kabarcontoh.id/indeks?page=2');
    expect(parseListing(page('<a href="/indeks/9">»</a><a href="/indeks/2">›</a>'), base, wpSource).next).toBe('https://kabarcontoh.id/indeks/2');
    expect(parseListing(page('<a href="/indeks/2#top">»</a>'), base, wpSource).next).toBe('https://kabarcontoh.id/indeks/2');
    expect(parseListing(page('<li class="pagination-next"><a href="/indeks/2"><i class="icon"></i></a></li>'), base, wpSource).next).toBe('https://kabarcontoh.id/indeks/2');
    // a "Selanjutnya" link to an article or another site is not pagination
    expect(
      parseListing(page('<a href="/2024/01/01/baca-berita-ini-selanjutnya-ya">Selanjutnya</a><a href="https://lain.com/2">Next</a>'), base, wpSource).next,
    ).toBeUndefined();
    expect(parseListing(page(''), 'https://kabarcontoh.id/indeks?page=3', wpSource, { template: 'https://kabarcontoh.id/indeks?page={page}', page: 3 }).next).toBe(
      'https://kabarcontoh.id/indeks?page=4',
    );
    // the current page is not its own next page
    expect(parseListing(page('<a href="/indeks/">Next</a>'), 'https://kabarcontoh.id/indeks', wpSource).next).toBeUndefined();
  });

  it('keeps only links of the source, never throws on junk', () => {
    const l = parseListing('<a href="javascript:x">a</a><a href="mailto:x@y">b</a><a href="http://[::bad">c</a><a href="https://lain.com/2024/01/01/satu-dua-tiga-empat">d</a>', 'https://kabarcontoh.id/', wpSource);
    expect(l.links).toEqual([]);
    expect(parseListing('', 'https://kabarcontoh.id/', wpSource)).toEqual({ links: [] });
  });
});

describe('parseRobots', () => {
  const robots = parseRobots(fixture('robots.txt'), 'pantau/0.1.0 (+https://github.com/pantau; news research)', 'https://kabarcontoh.id/robots.txt');

  it('picks the group naming our product token (case-insensitive), not the * group nor a longer name', () => {
    expect(productToken('pantau/0.1.0 (+https://x)')).toBe('pantau');
    expect(robots.group).toBe('pantau');
    expect(robots.crawlDelay).toBe(5);
    // the * group's rules do not apply to us
    expect(robots.isAllowed('https://kabarcontoh.id/wp-admin/')).toBe(true);
    expect(robots.isAllowed('https://kabarcontoh.id/search?q=asn')).toBe(true);
  });

  it('longest rule wins, Allow wins ties, wildcards and $ anchors', () => {
    expect(robots.isAllowed('https://kabarcontoh.id/private')).toBe(false);
    expect(robots.isAllowed('https://kabarcontoh.id/private/x')).toBe(false);
    expect(robots.isAllowed('https://kabarcontoh.id/private/berita/1')).toBe(true);
    expect(robots.isAllowed('https://kabarcontoh.id/tag/asn/page/2/')).toBe(false);
    expect(robots.isAllowed('https://kabarcontoh.id/tag/asn/page/1')).toBe(true);
    expect(robots.isAllowed('https://kabarcontoh.id/tag/asn/page/1/')).toBe(false);
    expect(robots.isAllowed('https://kabarcontoh.id/indeks')).toBe(false);
    expect(robots.isAllowed('https://kabarcontoh.id/indeks?page=2')).toBe(true);
    expect(robots.isAllowed('/indeks/2')).toBe(true);
    expect(robots.isAllowed('https://kabarcontoh.id/robots.txt')).toBe(true);
    expect(robots.matchingRule('https://kabarcontoh.id/private/x')?.pattern).toBe('/private');
  });

  it('the * group for other agents: wildcards in the middle, $ at the end', () => {
    const other = parseRobots(fixture('robots.txt'), 'SomeBot/1.0');
    expect(other.group).toBe('*');
    expect(other.crawlDelay).toBe(2);
    expect(other.isAllowed('/wp-admin/options.php')).toBe(false);
    expect(other.isAllowed('/wp-admin/admin-ajax.php')).toBe(true);
    expect(other.isAllowed('/?s=netralitas')).toBe(false);
    expect(other.isAllowed('/berita?x=1&s=netralitas')).toBe(true);
    expect(other.isAllowed('/page?s=asn')).toBe(false);
    expect(other.isAllowed('/files/se-bupati.pdf')).toBe(false);
    expect(other.isAllowed('/files/se-bupati.pdf?download=1')).toBe(true);
    expect(other.isAllowed('/searching')).toBe(false);
  });

  it('Sitemap lines anywhere, resolved; empty files, empty Disallow and no matching group allow everything', () => {
    expect(robots.sitemaps).toEqual(['https://kabarcontoh.id/sitemap_index.xml', 'https://kabarcontoh.id/news-sitemap.xml']);
    expect(parseRobots('', 'pantau').isAllowed('/x')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n', 'pantau').isAllowed('/x')).toBe(true);
    expect(parseRobots('User-agent: otherbot\nDisallow: /\n', 'pantau').isAllowed('/x')).toBe(true);
    expect(parseRobots('\uFEFFUser-agent: *\r\nDisallow: /\r\n', 'pantau').isAllowed('/x')).toBe(false);
  });

  it('matches percent-encoded and raw non-ASCII paths alike', () => {
    const r = parseRobots('User-agent: *\nDisallow: /berita/pemilu-ö\nDisallow: /a%2fb\n', 'pantau');
    expect(r.isAllowed('https://x.id/berita/pemilu-%C3%B6/1')).toBe(false);
    expect(r.isAllowed('https://x.id/a%2Fb')).toBe(false);
    expect(r.isAllowed('https://x.id/a/b')).toBe(true);
  });
});
