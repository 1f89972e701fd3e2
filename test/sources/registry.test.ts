import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleUrl, hostBelongsTo, sameSite } from '../../src/crawl/url/index.js';
import { getGazetteer } from '../../src/extract/region/index.js';
import { SOURCES, getSource, validateSources, type Source } from '../../src/sources/index.js';

const corpusDir = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

/** Article URLs of the outlets of the evaluation corpus, in the shapes they were published with. */
const CORPUS_URLS = [
  'http://www.lensababel.com/2024/09/pj-bupati-m-haris-keluarkan-se.html',
  'https://aceh.antaranews.com/berita/369874/pj-bupati-aceh-barat-pastikan-pilkada-2024-berjalan-lancar-minta-asn-tidak-berpolitik',
  'https://ambon.antaranews.com/amp/berita/211200/pemprov-malut-ingatkan-asn-tak-terlibat-politik-praktis',
  'https://babel.antaranews.com/amp/berita/429703/bawaslu-bangka-tengah-kembali-ingatkan-asn-jaga-netralitas',
  'https://beritanasional.id/ikrar-netralitas-asn-gorontalo-penjagub-kita-semua-punya-pilihan-tidak-perlu-diungkap/',
  'https://bm1a.com/pemprov-riau-komitmen-jaga-netralitas-asn-pada-perhelatan-pesta-demokrasi',
  'https://fbeta.republika.co.id/berita/s4b6w1432/deklarasi-jabar-anteng-pj-gubernur-dan-forkopimda-komitmen-netral-saat-pemilu-2024%c2%a0',
  'https://iniberita.id/sosialisasi-netralisasi-paman-birin-ingatkan-asn-tidak-melanggar-aturan-pemilu-dan-pilkada/amp',
  'https://intuisi.id/pj-gubernur-sulbar-tegaskan-asn-jaga-netralitas-jelang-pilkada-serentak-2024',
  'https://kabarkalimantan1.com/?p=49794',
  'https://kabarmetronews.com/2024/09/17/melalui-flyer-pj-bupati-bangkalan-ajak-asn-harus-netral-di-pilkada-2024',
  'https://kalimantanpost.com/2023/09/kesbangpol-kalteng-tandatangani-pakta-integritas-dan-ikrar-netralitas-asn/',
  'https://kalsel.antaranews.com/berita/438365/pemkab-banjar-komitmen-jaga-netralitas-asn-di-pilkada',
  'https://m.harianmomentum.com/read/54682/news-detail-sample-post.html',
  'https://makassar.antaranews.com/berita/511755/penjabat-gubernur-sulsel-ingatkan-asn-pegang-teguh-sumpah-netralitas',
  'https://palpos.bacakoran.co//read/17580/junjung-tinggi-netralitas-pj-bupati-muba-tegaskan-asn-harus-1-komando',
  'https://pantaubali.com/2024/10/03/plt-bupati-tabanan-akan-tindak-tegas-asn-yang-berpolitik-praktis-hingga-tak-netral',
  'https://papuabarat.antaranews.com/berita/55085/ali-baham-asn-langgar-netralitas-diberikan-sanksi-tegas',
  'https://porostimur.com/bawaslu-maluku-utara-tegaskan-asn-harus-netral-dalam-pilkada-2024/',
  'https://serayunews.com/pj-bupati-cilacap-dan-jajaran-pejabatnya-komitmen-netral-di-pilkada-2024-asn-melanggar-kena-sanksi',
  'https://sorong.tribunnews.com/amp/2023/11/16/dugaan-pj-bupati-sorong-buat-pakta-integritas-dukung-ganjar-begini-kata-pj-gubernur-musaad',
  'https://sulteng.antaranews.com/amp/berita/325715/biro-hukum-gubernur-sudah-siapkan-surat-edaran-netralitas-asn',
  'https://tangerangdaily.id/?p=23970',
  'https://www.halkahalki.com/asn-di-langkat-ikrar-dan-tandatangani-pakta-integritas-netralitas-pemilu-dan-bebas-dari-intervensi-politik/',
  'https://www.incinews.net/2020/09/bawaslu-dan-pemkot-mataram-teken-mou.html',
  'https://www.indotoday.id/berita/read/15184/wali-kota-jakarta-utara-tegaskan-asn-netral-di-pilkada-2024',
  'https://www.kaltimprov.go.id/berita/pilkada-asn-dituntut-netral',
  'https://www.metrotvnews.com/read/bzGCz9WG-pj-bupati-muna-barat-langgar-netralitas-asn',
  // seeds: outlets named in the text, URL shapes of their platform
  'https://poskalbar.com/2023/10/31/pj-bupati-kayong-utara-komitmen-jaga-netralitas-asn/',
  'https://kolomrakyat.com/2024/01/17/pemkot-kendari-tegaskan-asn-harus-netral/',
  'https://potretmaluku.id/asn-pemkab-buru-berikrar-netral-di-pemilu-dan-pilkada-2024/',
  'https://distriknews.co/cegah-politik-praktis-pemkab-kukar-ingatkan-netralitas-asn/',
];

function sourceFor(url: string): Source | undefined {
  return SOURCES.find((s) => sameSite(url, s));
}

describe('the source registry', () => {
  it('is valid: unique well-formed ids, parsing URLs, compiling patterns, known region codes', () => {
    expect(validateSources(SOURCES)).toEqual([]);
  });

  it('has at least 40 outlets across at least 30 provinces, all unverified with a note saying so', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(40);
    const provinces = new Set(SOURCES.filter((s) => s.region).map((s) => s.region!.split('.')[0]));
    expect(provinces.size).toBeGreaterThanOrEqual(30);
    for (const s of SOURCES) {
      expect(s.verified, s.id).toBe(false);
      expect(s.notes, s.id).toMatch(/not yet fetched/);
      expect(s.home, s.id).toMatch(/^https:\/\/[^/]+\/$/);
      expect(s.discovery.length, s.id).toBeGreaterThan(0);
    }
  });

  it('includes every outlet of the evaluation corpus, and their article URLs match their patterns', () => {
    const hosts = [
      'tangerangdaily.id', 'republika.co.id', 'serayunews.com', 'kabarmetronews.com', 'indotoday.id', 'pantaubali.com',
      'incinews.net', 'halkahalki.com', 'bm1a.com', 'palpos.bacakoran.co', 'lensababel.com', 'aceh.antaranews.com',
      'babel.antaranews.com', 'sulteng.antaranews.com', 'makassar.antaranews.com', 'kalsel.antaranews.com',
      'ambon.antaranews.com', 'papuabarat.antaranews.com', 'harianmomentum.com', 'kabarkalimantan1.com',
      'metrotvnews.com', 'iniberita.id', 'kalimantanpost.com', 'kaltimprov.go.id', 'sorong.tribunnews.com',
      'beritanasional.id', 'porostimur.com', 'intuisi.id', 'poskalbar.com', 'kolomrakyat.com', 'potretmaluku.id',
      'distriknews.co',
    ];
    for (const h of hosts) expect(SOURCES.some((s) => hostBelongsTo(h, s)), h).toBe(true);
    for (const url of CORPUS_URLS) {
      const s = sourceFor(url);
      expect(s, url).toBeDefined();
      expect(articleUrl(url, s!), `${s!.id}: ${url}`).not.toBeNull();
    }
  });

  it.runIf(existsSync(corpusDir))('matches the URL of every corpus article whose outlet it lists', () => {
    let checked = 0;
    for (const sub of ['seeds', 'dev']) {
      const dir = join(corpusDir, sub);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const url = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url?: string }).url;
        if (!url || !/^https?:\/\/[^.]+\./.test(url)) continue;
        const s = sourceFor(url);
        if (!s) continue;
        checked++;
        expect(articleUrl(url, s), `${s.id}: ${url}`).not.toBeNull();
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  it('does not take the listing, tag and home pages of an outlet for articles', () => {
    for (const s of SOURCES) {
      expect(articleUrl(s.home, s), s.id).toBeNull();
      for (const d of s.discovery) {
        if (d.kind === 'listing') expect(articleUrl(d.url, s), `${s.id}: ${d.url}`).toBeNull();
      }
    }
  });

  it('gives each region its official name', () => {
    const g = getGazetteer();
    expect(g.byCode(getSource('kendaripos').region!)?.name).toBe('Sulawesi Tenggara');
    expect(g.byCode(getSource('radarbanyumas').region!)?.name).toBe('Kabupaten Banyumas');
    expect(getSource('republika').region).toBeUndefined();
  });
});

describe('getSource', () => {
  it('finds by id and names the unknown id with close matches', () => {
    expect(getSource('antara-kalsel').home).toBe('https://kalsel.antaranews.com/');
    expect(() => getSource('kendaripost')).toThrow(/unknown source "kendaripost"; did you mean "kendaripos"/);
    expect(() => getSource('antara-kalse')).toThrow(/"antara-kalsel"/);
    expect(() => getSource('zzzzzzzzzzzz')).toThrow(/^unknown source "zzzzzzzzzzzz" \(/);
  });
});

describe('validateSources', () => {
  const good: Source = {
    id: 'contoh', name: 'Contoh', home: 'https://contoh.id/', region: '74.71', articlePattern: '/berita/\\d+',
    discovery: [{ kind: 'feed', url: 'https://contoh.id/feed' }], verified: false,
  };
  it('names each problem and the source', () => {
    expect(validateSources([good])).toEqual([]);
    const problems = validateSources([
      good,
      { ...good },
      { ...good, id: 'Bad_Id' },
      { ...good, id: 'x1', home: 'contoh.id' },
      { ...good, id: 'x2', articlePattern: '(' },
      { ...good, id: 'x3', region: '99.99' },
      { ...good, id: 'x4', discovery: [{ kind: 'listing', url: 'https://contoh.id/indeks', page: 'https://contoh.id/indeks/2' }] },
      { ...good, id: 'x5', discovery: [] },
      { ...good, id: 'x6', extraHosts: ['https://m.contoh.id'] },
    ]);
    expect(problems).toEqual([
      'source "contoh": duplicate id',
      'source "Bad_Id": id must be lowercase letters, digits and dashes',
      'source "x1": home is not an http(s) URL (contoh.id)',
      expect.stringMatching(/^source "x2": articlePattern does not compile/),
      'source "x3": unknown region code 99.99',
      'source "x4": listing page template must be an http(s) URL with {page} (https://contoh.id/indeks/2)',
      'source "x5": no discovery entry',
      'source "x6": extraHosts entry is not a host (https://m.contoh.id)',
    ]);
  });
});
