import type { ArticleContent } from '../types/content.js';

/**
 * Wraps an article's text in a realistic regional-news page so the evaluation can check that page chrome does
 * not change what is extracted: navigation and tickers naming other regions, sidebars with other officials'
 * neutrality headlines, "Baca juga" links inside the body, a caption, share bar, tag list and a footer with the
 * outlet's address. Deterministic per case id. All noise text is written for this project.
 */
export function wrapInPage(content: ArticleContent, id: string): string {
  const seed = hash(id);
  const pick = <T>(items: T[], k: number): T => items[(seed + k) % items.length];
  const paragraphs = content.text.split(/\n\s*\n/).filter((p) => p.trim());
  const body: string[] = [];
  paragraphs.forEach((p, i) => {
    body.push(`<p>${escape(p).replace(/\n/g, '<br>')}</p>`);
    if (i === 1) body.push(`<p><strong>Baca juga:</strong> <a href="/baca/${seed % 97}">${escape(pick(RELATED, 1))}</a></p>`);
    if (i === 3) {
      body.push(
        `<figure><img src="/img/${seed % 89}.jpg" alt=""><figcaption>${escape(pick(CAPTIONS, 2))}</figcaption></figure>`,
      );
    }
    if (i === 4) body.push(`<div class="baca-juga">BACA JUGA: <a href="/r/${seed % 13}">${escape(pick(RELATED, 3))}</a></div>`);
  });
  const title = escape(content.title);
  const date = content.published_at;
  const meta = [
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:site_name" content="${escape(pick(SITES, 0))}">`,
    date ? `<meta property="article:published_time" content="${date}T09:15:00+08:00">` : '',
    content.url ? `<link rel="canonical" href="${escape(content.url)}">` : '',
  ].join('\n');
  const sidebar = SIDEBAR.map((h, i) => `<li><a href="/populer/${i}">${escape(h)}</a></li>`).join('');
  const nav = NAV_REGIONS.map((r) => `<li><a href="/kanal/${r.toLowerCase().replace(/\s+/g, '-')}">${r}</a></li>`).join('');
  const template = seed % 3;
  const article =
    template === 0
      ? `<article class="post"><h1 class="entry-title">${title}</h1><div class="entry-meta">Oleh Redaksi</div><div class="entry-content">${body.join('\n')}</div></article>`
      : template === 1
        ? `<div class="read__content"><h1>${title}</h1><div class="detail-text">${body.join('\n')}</div></div>`
        : `<main><div class="article"><h1 itemprop="headline">${title}</h1><div itemprop="articleBody">${body.join('\n')}</div></div></main>`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${title} - ${escape(pick(SITES, 0))}</title>
${meta}
</head><body>
<header><div class="ticker">Terkini: ${escape(pick(TICKER, 0))} &middot; ${escape(pick(TICKER, 1))}</div>
<nav><ul>${nav}</ul></nav></header>
<div class="container"><div class="main">
${article}
<div class="share">Bagikan: <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>
<div class="tags">Tags: <a href="/tag/asn">ASN</a> <a href="/tag/pilkada">Pilkada</a> <a href="/tag/${escape(pick(NAV_REGIONS, 4))}">${escape(pick(NAV_REGIONS, 4))}</a></div>
<div class="related"><h3>Berita Terkait</h3><ul>${RELATED.map((r, i) => `<li><a href="/t/${i}">${escape(r)}</a></li>`).join('')}</ul></div>
</div>
<aside class="sidebar"><h3>Terpopuler</h3><ol>${sidebar}</ol></aside></div>
<footer><p>${escape(pick(FOOTERS, 0))}</p><p>&copy; 2024 ${escape(pick(SITES, 0))}. Hak cipta dilindungi.</p></footer>
</body></html>`;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SITES = ['Suara Timur Raya', 'Warta Nusantara Daerah', 'Kabar Pelosok', 'Lintas Kabupaten'];
const NAV_REGIONS = ['Beranda', 'Makassar', 'Bekasi', 'Kota Bogor', 'Banyuwangi', 'Sulsel', 'Jateng', 'Politik', 'Olahraga'];
const TICKER = [
  'Bupati Garut resmikan jembatan gantung di Cisewu',
  'Wali Kota Medan tinjau saluran air yang tersumbat',
  'Gubernur NTB lepas kafilah MTQ tingkat nasional',
  'Pj Bupati Lebak buka festival kopi rakyat',
];
const SIDEBAR = [
  'Pj Bupati Magetan Minta ASN Tidak Ikut Kampanye Pilkada',
  'Wali Kota Bitung Terbitkan Surat Edaran Netralitas Pegawai',
  'Sekda Kabupaten Sambas Pimpin Ikrar Netralitas ASN',
  'Harga cabai di pasar induk kembali naik',
  'Gubernur Kalimantan Utara Teken MoU dengan Bawaslu',
];
const RELATED = [
  'Bupati Klaten Ingatkan Kepala Desa Jaga Netralitas',
  'Pemkot Tarakan Gelar Sosialisasi Netralitas ASN',
  'Pj Wali Kota Tegal Ancam Sanksi ASN yang Berpolitik',
  'Ribuan Warga Padati Pawai Budaya di Kabupaten Sleman',
];
const CAPTIONS = [
  'Foto: Suasana apel pagi pegawai di halaman kantor Bupati Kendal. (Dok. Humas)',
  'Pj Gubernur Bengkulu saat memberi arahan kepada pegawai. Foto: Istimewa',
  'Ilustrasi aparatur sipil negara di Kota Madiun. (Foto: Arsip)',
];
const FOOTERS = [
  'Redaksi: Jl. Sultan Hasanuddin No. 21, Kota Pare-Pare, Sulawesi Selatan. Telepon (0421) 555-010.',
  'Alamat: Jl. Ahmad Yani Km 3, Kota Banjarmasin, Kalimantan Selatan 70234.',
  'Kantor Redaksi: Komplek Ruko Sentosa Blok C-7, Kota Jambi, Jambi.',
];
