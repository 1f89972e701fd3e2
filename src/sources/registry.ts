/**
 * The outlets pantau crawls, declared as data. Every entry is `verified: false` until `pantau sources check ID`
 * has fetched all its discovery URLs live; the check prints what to change here.
 *
 * Regions are Kemendagri codes (idn-area-data): the province (`74`) or the regency / city (`33.02`) the outlet
 * covers; national outlets have none.
 */
import type { Source } from '../types/source.js';
import { getGazetteer } from '../extract/region/index.js';
import { HOST, SLUG, antara, blogger, custom, disway, jawapos, tribun, wordpress } from './templates.js';

// --- Outlets of the evaluation corpus (../shared/corpus) -------------------------------------------------------

const CORPUS: Source[] = [
  wordpress({
    id: 'tangerangdaily', name: 'Tangerang Daily', home: 'https://tangerangdaily.id', region: '36',
    notes: 'Covers Tangerang Raya (Kabupaten and Kota Tangerang, Tangerang Selatan). Shares `/?p=N` short links.',
  }),
  custom({
    id: 'republika', name: 'Republika', home: 'https://www.republika.co.id', extraHosts: ['*.republika.co.id'],
    discovery: [
      { kind: 'sitemap', url: 'https://www.republika.co.id/sitemap.xml' },
      { kind: 'feed', url: 'https://www.republika.co.id/rss' },
      { kind: 'listing', url: 'https://www.republika.co.id/tag/netralitas-asn' },
    ],
    articlePattern: `${HOST}/berita/[a-z0-9]{6,12}/[^/?#]+$`,
    notes: 'National; regional desks and sections live on subdomains (news., fbeta., jabar.), all declared.',
  }),
  custom({
    id: 'serayunews', name: 'Serayunews', home: 'https://serayunews.com', region: '33',
    discovery: [
      { kind: 'sitemap', url: 'https://serayunews.com/sitemap.xml' },
      { kind: 'feed', url: 'https://serayunews.com/feed' },
      { kind: 'listing', url: 'https://serayunews.com/tag/netralitas-asn' },
    ],
    articlePattern: `${HOST}/${SLUG}$`,
    notes: 'Banyumas-based, covers western Central Java (Cilacap, Banyumas, Purbalingga). Articles are bare slugs.',
  }),
  wordpress({ id: 'kabarmetronews', name: 'Kabar Metro News', home: 'https://kabarmetronews.com', region: '35' }),
  custom({
    id: 'indotoday', name: 'Indotoday', home: 'https://www.indotoday.id',
    discovery: [
      { kind: 'sitemap', url: 'https://www.indotoday.id/sitemap.xml' },
      { kind: 'feed', url: 'https://www.indotoday.id/rss' },
      { kind: 'listing', url: 'https://www.indotoday.id/berita/indeks', page: 'https://www.indotoday.id/berita/indeks?page={page}' },
    ],
    articlePattern: `${HOST}/berita/read/\\d+/[a-z0-9-]+$`,
    notes: 'National, Jakarta-based.',
  }),
  wordpress({ id: 'pantaubali', name: 'Pantau Bali', home: 'https://pantaubali.com', region: '51' }),
  blogger({ id: 'incinews', name: 'Incinews', home: 'https://www.incinews.net', region: '52', notes: 'Blogger platform.' }),
  wordpress({ id: 'halkahalki', name: 'Halkahalki', home: 'https://www.halkahalki.com', region: '12' }),
  wordpress({ id: 'bm1a', name: 'BM1A', home: 'https://bm1a.com', region: '14' }),
  disway({ id: 'palpos', name: 'Palembang Pos (Palpos)', home: 'https://palpos.bacakoran.co', region: '16' }),
  blogger({ id: 'lensababel', name: 'Lensa Babel', home: 'https://www.lensababel.com', region: '19', notes: 'Blogger platform; links still use http://.' }),
  antara('aceh', '11', 'Aceh'),
  antara('babel', '19', 'Bangka Belitung'),
  antara('sulteng', '72', 'Sulawesi Tengah'),
  antara('makassar', '73', 'Sulawesi Selatan'),
  antara('kalsel', '63', 'Kalimantan Selatan'),
  antara('ambon', '81', 'Maluku'),
  antara('papuabarat', '92', 'Papua Barat'),
  custom({
    id: 'harianmomentum', name: 'Harian Momentum', home: 'https://harianmomentum.com', region: '18',
    extraHosts: ['m.harianmomentum.com'],
    discovery: [
      { kind: 'sitemap', url: 'https://harianmomentum.com/sitemap.xml' },
      { kind: 'feed', url: 'https://harianmomentum.com/rss' },
    ],
    articlePattern: `${HOST}/read/\\d+/[a-z0-9-]+(?:\\.html)?$`,
    notes: 'Lampung. Mobile pages on m.harianmomentum.com map to the home host.',
  }),
  wordpress({ id: 'kabarkalimantan1', name: 'Kabar Kalimantan 1', home: 'https://kabarkalimantan1.com', region: '62' }),
  custom({
    id: 'metrotvnews', name: 'Metro TV News', home: 'https://www.metrotvnews.com',
    discovery: [
      { kind: 'sitemap', url: 'https://www.metrotvnews.com/sitemap.xml' },
      { kind: 'feed', url: 'https://www.metrotvnews.com/rss' },
      { kind: 'listing', url: 'https://www.metrotvnews.com/tag/netralitas-asn' },
    ],
    articlePattern: `${HOST}/read/[a-z0-9]{6,10}-[a-z0-9-]+$`,
    notes: 'National.',
  }),
  wordpress({ id: 'iniberita', name: 'Iniberita', home: 'https://iniberita.id', region: '63', notes: 'AMP pages end in /amp.' }),
  wordpress({ id: 'kalimantanpost', name: 'Kalimantan Post', home: 'https://kalimantanpost.com', region: '63', notes: 'Banjarmasin-based; covers South and Central Kalimantan.' }),
  custom({
    id: 'kaltimprov', name: 'Pemerintah Provinsi Kalimantan Timur', home: 'https://www.kaltimprov.go.id', region: '64',
    discovery: [
      { kind: 'sitemap', url: 'https://www.kaltimprov.go.id/sitemap.xml' },
      { kind: 'listing', url: 'https://www.kaltimprov.go.id/berita', page: 'https://www.kaltimprov.go.id/berita?page={page}' },
    ],
    articlePattern: `${HOST}/berita/[a-z0-9-]+$`,
    notes: "The provincial government's own news portal.",
  }),
  tribun('sorong', 'Tribun Sorong', '96'),
  wordpress({ id: 'beritanasional', name: 'Berita Nasional', home: 'https://beritanasional.id', notes: 'National.' }),
  wordpress({ id: 'porostimur', name: 'Porostimur', home: 'https://porostimur.com', region: '82', notes: 'Covers North Maluku and Maluku.' }),
  wordpress({ id: 'intuisi', name: 'Intuisi', home: 'https://intuisi.id', region: '76' }),
  wordpress({ id: 'poskalbar', name: 'Pos Kalbar', home: 'https://poskalbar.com', region: '61' }),
  wordpress({ id: 'kolomrakyat', name: 'Kolom Rakyat', home: 'https://kolomrakyat.com', region: '74' }),
  wordpress({ id: 'potretmaluku', name: 'Potret Maluku', home: 'https://potretmaluku.id', region: '81' }),
  wordpress({ id: 'distriknews', name: 'Distrik News', home: 'https://distriknews.co', region: '64', notes: 'Tenggarong-based (Kutai Kartanegara).' }),
];

// --- Other ANTARA regional desks ------------------------------------------------------------------------------

const ANTARA: Source[] = [
  antara('sumut', '12', 'Sumatera Utara'),
  antara('sumbar', '13', 'Sumatera Barat'),
  antara('riau', '14', 'Riau'),
  antara('jambi', '15', 'Jambi'),
  antara('sumsel', '16', 'Sumatera Selatan'),
  antara('bengkulu', '17', 'Bengkulu'),
  antara('lampung', '18', 'Lampung'),
  antara('kepri', '21', 'Kepulauan Riau'),
  antara('megapolitan', '31', 'Megapolitan'),
  antara('jabar', '32', 'Jawa Barat'),
  antara('jateng', '33', 'Jawa Tengah'),
  antara('jogja', '34', 'DI Yogyakarta'),
  antara('jatim', '35', 'Jawa Timur'),
  antara('banten', '36', 'Banten'),
  antara('bali', '51', 'Bali'),
  antara('mataram', '52', 'Nusa Tenggara Barat'),
  antara('kupang', '53', 'Nusa Tenggara Timur'),
  antara('kalbar', '61', 'Kalimantan Barat'),
  antara('kalteng', '62', 'Kalimantan Tengah'),
  antara('kaltim', '64', 'Kalimantan Timur'),
  antara('kaltara', '65', 'Kalimantan Utara'),
  antara('manado', '71', 'Sulawesi Utara'),
  antara('gorontalo', '75', 'Gorontalo'),
  antara('sultra', '74', 'Sulawesi Tenggara'),
  antara('sulbar', '76', 'Sulawesi Barat'),
  antara('papua', '91', 'Papua'),
];

// --- Tribun network regional sites -----------------------------------------------------------------------------

const TRIBUN: Source[] = [
  tribun('makassar', 'Tribun Timur', '73'),
  tribun('banjarmasin', 'Banjarmasin Post', '63'),
  tribun('pontianak', 'Tribun Pontianak', '61'),
  tribun('kaltim', 'Tribun Kaltim', '64'),
  tribun('medan', 'Tribun Medan', '12'),
  tribun('pekanbaru', 'Tribun Pekanbaru', '14'),
  tribun('jambi', 'Tribun Jambi', '15'),
  tribun('palembang', 'Tribun Sumsel', '16'),
  tribun('lampung', 'Tribun Lampung', '18'),
  tribun('bangka', 'Bangka Pos', '19'),
  tribun('batam', 'Tribun Batam', '21'),
  tribun('jateng', 'Tribun Jateng', '33'),
  tribun('jogja', 'Tribun Jogja', '34'),
  tribun('bali', 'Tribun Bali', '51'),
  tribun('kupang', 'Pos Kupang', '53'),
  tribun('manado', 'Tribun Manado', '71'),
  tribun('gorontalo', 'Tribun Gorontalo', '75'),
  tribun('sultra', 'Tribun Sultra', '74'),
  tribun('ambon', 'Tribun Ambon', '81'),
  tribun('ternate', 'Tribun Ternate', '82'),
  tribun('papua', 'Tribun Papua', '91'),
];

// --- Regional dailies ----------------------------------------------------------------------------------------

const DAILIES: Source[] = [
  wordpress({ id: 'kendaripos', name: 'Kendari Pos', home: 'https://kendaripos.fajar.co.id', region: '74' }),
  wordpress({ id: 'fajar', name: 'FAJAR', home: 'https://fajar.co.id', region: '73', notes: 'Makassar daily; other FAJAR group sites are subdomains of their own.' }),
  wordpress({ id: 'timorexpress', name: 'Timor Express', home: 'https://timorexpress.fajar.co.id', region: '53' }),
  jawapos({ id: 'pontianakpost', name: 'Pontianak Post', home: 'https://pontianakpost.jawapos.com', region: '61' }),
  jawapos({ id: 'kaltimpost', name: 'Kaltim Post', home: 'https://kaltimpost.jawapos.com', region: '64' }),
  jawapos({ id: 'kaltengpos', name: 'Kalteng Pos', home: 'https://kaltengpos.jawapos.com', region: '62' }),
  jawapos({ id: 'manadopost', name: 'Manado Post', home: 'https://manadopost.jawapos.com', region: '71' }),
  jawapos({ id: 'gorontalopost', name: 'Gorontalo Post', home: 'https://gorontalopost.jawapos.com', region: '75' }),
  jawapos({ id: 'riaupos', name: 'Riau Pos', home: 'https://riaupos.jawapos.com', region: '14' }),
  jawapos({ id: 'sumutpos', name: 'Sumut Pos', home: 'https://sumutpos.jawapos.com', region: '12' }),
  jawapos({ id: 'padek', name: 'Padang Ekspres', home: 'https://padek.jawapos.com', region: '13' }),
  jawapos({ id: 'cenderawasihpos', name: 'Cenderawasih Pos', home: 'https://cenderawasihpos.jawapos.com', region: '91' }),
  jawapos({ id: 'radarsurabaya', name: 'Radar Surabaya', home: 'https://radarsurabaya.jawapos.com', region: '35.78' }),
  jawapos({ id: 'radarsolo', name: 'Radar Solo', home: 'https://radarsolo.jawapos.com', region: '33.72' }),
  jawapos({ id: 'radarbanyuwangi', name: 'Radar Banyuwangi', home: 'https://radarbanyuwangi.jawapos.com', region: '35.10' }),
  disway({ id: 'radarbanyumas', name: 'Radar Banyumas', home: 'https://radarbanyumas.disway.id', region: '33.02' }),
  disway({ id: 'radarlampung', name: 'Radar Lampung', home: 'https://radarlampung.disway.id', region: '18' }),
  disway({ id: 'bengkuluekspress', name: 'Bengkulu Ekspress', home: 'https://bengkuluekspress.disway.id', region: '17' }),
  disway({ id: 'babelpos', name: 'Babel Pos', home: 'https://babelpos.bacakoran.co', region: '19' }),
  wordpress({ id: 'lampost', name: 'Lampung Post', home: 'https://lampost.co', region: '18' }),
  custom({
    id: 'haluan', name: 'Harian Haluan', home: 'https://www.harianhaluan.com', region: '13',
    discovery: [
      { kind: 'sitemap', url: 'https://www.harianhaluan.com/sitemap.xml' },
      { kind: 'feed', url: 'https://www.harianhaluan.com/feed' },
      { kind: 'listing', url: 'https://www.harianhaluan.com/tag/netralitas-asn' },
    ],
    articlePattern: `${HOST}/(?:[a-z0-9-]+/)*(?:\\d+/)?${SLUG}$`,
    notes: 'West Sumatra daily.',
  }),
  wordpress({ id: 'suarantb', name: 'Suara NTB', home: 'https://www.suarantb.com', region: '52' }),
  custom({
    id: 'balipost', name: 'Bali Post', home: 'https://www.balipost.com', region: '51',
    discovery: [
      { kind: 'sitemap', url: 'https://www.balipost.com/sitemap.xml' },
      { kind: 'feed', url: 'https://www.balipost.com/feed' },
      { kind: 'listing', url: 'https://www.balipost.com/tag/netralitas-asn' },
    ],
    articlePattern: `${HOST}/news/\\d{4}/\\d{2}/\\d{2}/\\d+/[^/?#]+\\.html$`,
  }),
  wordpress({ id: 'batampos', name: 'Batam Pos', home: 'https://batampos.co.id', region: '21' }),
  wordpress({ id: 'malutpost', name: 'Malut Post', home: 'https://malutpost.id', region: '82' }),
  custom({
    id: 'pikiranrakyat', name: 'Pikiran Rakyat', home: 'https://www.pikiran-rakyat.com', region: '32',
    discovery: [
      { kind: 'sitemap', url: 'https://www.pikiran-rakyat.com/sitemap.xml' },
      { kind: 'feed', url: 'https://www.pikiran-rakyat.com/rss' },
      { kind: 'listing', url: 'https://www.pikiran-rakyat.com/tag/netralitas-asn' },
    ],
    articlePattern: `${HOST}/[a-z0-9-]+/pr-\\d+/[a-z0-9-]+$`,
    notes: 'Bandung daily.',
  }),
];

/** Every outlet, corpus outlets first. */
export const SOURCES: readonly Source[] = Object.freeze([...CORPUS, ...ANTARA, ...TRIBUN, ...DAILIES]);

// --- Lookup and validation ---------------------------------------------------------------------------------

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Ids close to `id`: containing it, contained in it, or within a few edits; best first, at most 5. */
export function closeIds(id: string, list: readonly Source[] = SOURCES): string[] {
  const want = id.toLowerCase();
  return list
    .map((s) => {
      const d = editDistance(want, s.id);
      const contains = want.length >= 3 && (s.id.includes(want) || want.includes(s.id));
      return { id: s.id, score: contains ? Math.min(d, 1) : d };
    })
    .filter((c) => c.score <= Math.max(2, Math.floor(want.length / 3)))
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, 5)
    .map((c) => c.id);
}

/** The source with this id. Throws an Error naming the unknown id and listing close matches. */
export function getSource(id: string, list: readonly Source[] = SOURCES): Source {
  const found = list.find((s) => s.id === id);
  if (found) return found;
  const close = closeIds(id, list);
  throw new Error(
    `unknown source "${id}"${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''}` +
      ' (`pantau sources list` shows them all)',
  );
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function httpUrl(value: string): URL | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * Problems of a source list, one message each naming the source (empty when the list is valid): ids unique and
 * well-formed, home and discovery URLs parse as http(s), `{page}` templates contain `{page}`, article patterns
 * compile, region codes exist in the gazetteer, crawl delays are non-negative numbers.
 */
export function validateSources(list: readonly Source[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const gazetteer = getGazetteer();
  list.forEach((s, i) => {
    const who = s.id ? `source "${s.id}"` : `source #${i + 1}`;
    if (!s.id || !ID_RE.test(s.id)) problems.push(`${who}: id must be lowercase letters, digits and dashes`);
    if (seen.has(s.id)) problems.push(`${who}: duplicate id`);
    seen.add(s.id);
    if (!s.name?.trim()) problems.push(`${who}: name is empty`);
    if (!httpUrl(s.home)) problems.push(`${who}: home is not an http(s) URL (${s.home})`);
    if (s.region !== undefined && !gazetteer.byCode(s.region)) problems.push(`${who}: unknown region code ${s.region}`);
    if (!Array.isArray(s.discovery) || s.discovery.length === 0) problems.push(`${who}: no discovery entry`);
    for (const d of s.discovery ?? []) {
      if (!['sitemap', 'feed', 'listing'].includes(d.kind)) problems.push(`${who}: unknown discovery kind ${String(d.kind)}`);
      if (!httpUrl(d.url)) problems.push(`${who}: ${d.kind} URL does not parse (${d.url})`);
      if (d.kind === 'listing') {
        if (d.page !== undefined && (!d.page.includes('{page}') || !httpUrl(d.page.replaceAll('{page}', '2')))) {
          problems.push(`${who}: listing page template must be an http(s) URL with {page} (${d.page})`);
        }
        if (d.maxPages !== undefined && !(Number.isInteger(d.maxPages) && d.maxPages >= 1)) {
          problems.push(`${who}: maxPages must be a positive integer`);
        }
      }
    }
    try {
      new RegExp(s.articlePattern, 'i');
      if (!s.articlePattern) problems.push(`${who}: articlePattern is empty`);
    } catch (err) {
      problems.push(`${who}: articlePattern does not compile (${(err as Error).message})`);
    }
    if (s.crawlDelay !== undefined && !(Number.isFinite(s.crawlDelay) && s.crawlDelay >= 0)) {
      problems.push(`${who}: crawlDelay must be a non-negative number of seconds`);
    }
    for (const h of s.extraHosts ?? []) {
      if (!/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(h)) problems.push(`${who}: extraHosts entry is not a host (${h})`);
    }
    if (typeof s.verified !== 'boolean') problems.push(`${who}: verified must be true or false`);
  });
  return problems;
}

/** Throws an Error listing every problem of the list (see {@link validateSources}). */
export function assertValidSources(list: readonly Source[]): void {
  const problems = validateSources(list);
  if (problems.length) throw new Error(`invalid source list:\n  ${problems.join('\n  ')}`);
}
