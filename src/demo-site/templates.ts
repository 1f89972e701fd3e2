/**
 * Page templates of the demo outlets: a WordPress news theme, a detik-like portal, a kompas-like portal, a
 * regional portal and a government portal. Each carries the chrome real pages have (menus, tickers, sidebars,
 * "Baca juga" links, captions, share bars, tag lists, footers with the outlet's address).
 */
import { longDate, MONTHS } from './people.js';
import type { Day } from './people.js';
import type { Story } from './stories.js';

export type TemplateId = 'wordpress' | 'detik' | 'kompas' | 'regional' | 'government';

export interface OutletSpec {
  id: string;
  name: string;
  template: TemplateId;
  /** Kemendagri code of the region the outlet covers, when regional. */
  region?: string;
  /** Postal address printed in the footer. */
  address: string;
  /** UTC offset of the outlet's clock (`+07:00` WIB, `+08:00` WITA). */
  tz: string;
  /** Time zone label (`WIB`, `WITA`). */
  tzLabel: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface ArticleView {
  outlet: OutletSpec;
  base: string;
  url: string;
  story: Story;
  published: Day;
  /** `10:15` */
  time: string;
  author: string;
  editor: string;
  /** Other articles of the outlet for "Baca juga" and related lists. */
  related: Link[];
  /** Popular articles for the sidebar. */
  popular: Link[];
  /** Ticker and sidebar headlines naming other regions and officials (not links to real pages). */
  ticker: string[];
  /** A page on a host that is not the outlet's. */
  external: string;
  /** Write quotes as “ ” (for the windows-1252 page). */
  curlyQuotes?: boolean;
  /** A link inside the body (e.g. to a PDF attachment). */
  bodyLink?: Link;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70)
    .replace(/-$/, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDay(d: Day): string {
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

/** Paragraph text with straight quotes turned into typographic ones when asked. */
function para(v: ArticleView, text: string): string {
  let t = esc(text);
  if (v.curlyQuotes) {
    let open = true;
    t = t.replace(/&quot;/g, () => {
      const q = open ? '“' : '”';
      open = !open;
      return q;
    });
  }
  return t;
}

const MENU: Record<TemplateId, string[]> = {
  wordpress: ['Beranda', 'Daerah', 'Politik', 'Hukum', 'Ekonomi', 'Olahraga', 'Opini', 'Indeks'],
  detik: ['Berita', 'Daerah', 'Pemilu', 'Finance', 'Sport', 'Foto', 'Video', 'Indeks'],
  kompas: ['Nasional', 'Regional', 'Megapolitan', 'Global', 'Tren', 'Money', 'Bola', 'Lestari'],
  regional: ['Home', 'Pemerintahan', 'Politik', 'Peristiwa', 'Ekonomi', 'Budaya', 'Arsip'],
  government: ['Beranda', 'Profil', 'Berita', 'Pengumuman', 'Layanan Publik', 'PPID', 'Kontak'],
};

function menu(v: ArticleView | { outlet: OutletSpec; base: string }): string {
  return MENU[v.outlet.template]
    .map((m) => {
      const href = m === 'Arsip' ? `${v.base}/arsip/2024/01/` : m === 'Indeks' ? `${v.base}/indeks` : `${v.base}/kanal/${slug(m)}`;
      return `<li class="menu-item"><a href="${href}">${m}</a></li>`;
    })
    .join('');
}

function ticker(v: ArticleView): string {
  const items = v.ticker.map((t) => `<a href="${v.base}/">${esc(t)}</a>`).join(' &bull; ');
  return `<div class="ticker breaking-news"><span>Terkini</span><marquee scrollamount="4">${items}</marquee></div>`;
}

function share(v: ArticleView): string {
  const u = encodeURIComponent(v.url);
  return `<div class="share-bar"><span>Bagikan:</span> <a href="https://www.facebook.com/sharer.php?u=${u}">Facebook</a> <a href="https://twitter.com/intent/tweet?url=${u}">X</a> <a href="https://wa.me/?text=${u}">WhatsApp</a> <a href="https://t.me/share/url?url=${u}">Telegram</a> <button class="copy">Salin Link</button></div>`;
}

function relatedList(links: Link[], heading: string, cls = 'related'): string {
  return `<section class="${cls}"><h3>${heading}</h3><ul>${links.map((l) => `<li><a href="${esc(l.url)}">${esc(l.title)}</a></li>`).join('')}</ul></section>`;
}

function headlineList(items: string[], heading: string): string {
  return `<section class="widget"><h3>${heading}</h3><ol>${items.map((t) => `<li>${esc(t)}</li>`).join('')}</ol></section>`;
}

function tags(v: ArticleView): string {
  return v.story.tags.map((t) => `<a href="${v.base}/tag/${slug(t)}" rel="tag">${esc(t)}</a>`).join(' ');
}

/** Body paragraphs with a "Baca juga" link after the second and a caption after the first. */
function body(v: ArticleView, datelinePrefix: string, opts: { captionAfter?: number; bacaJuga?: number } = {}): string {
  const out: string[] = [];
  const { captionAfter = 0, bacaJuga = 1 } = opts;
  v.story.paragraphs.forEach((p, i) => {
    out.push(i === 0 ? `<p>${datelinePrefix}${para(v, p)}</p>` : `<p>${para(v, p)}</p>`);
    if (i === captionAfter) {
      out.push(`<figure class="wp-caption"><img src="${v.base}/img/${slug(v.story.title).slice(0, 20)}.jpg" alt="${esc(v.story.title)}"><figcaption>${esc(v.story.caption)}</figcaption></figure>`);
    }
    if (i === bacaJuga && v.related[0] && v.story.paragraphs.length > 2) {
      out.push(`<p class="baca-juga"><strong>Baca juga:</strong> <a href="${esc(v.related[0].url)}">${esc(v.related[0].title)}</a></p>`);
    }
  });
  if (v.bodyLink) out.push(`<p>Dokumen lengkap: <a href="${esc(v.bodyLink.url)}">${esc(v.bodyLink.title)}</a></p>`);
  return out.join('\n');
}

function footer(v: { outlet: OutletSpec; base: string; external: string }, year: number): string {
  return `<footer class="site-footer"><div class="footer-about"><strong>${esc(v.outlet.name)}</strong><address>${esc(v.outlet.address)}</address></div>
<ul class="footer-links"><li><a href="${v.base}/redaksi">Redaksi</a></li><li><a href="${v.base}/pedoman-media-siber">Pedoman Media Siber</a></li><li><a href="${v.base}/kontak">Kontak</a></li><li><a href="${v.external}/mitra">Jaringan Mitra</a></li></ul>
<p>&copy; ${year} ${esc(v.outlet.name)}. Hak cipta dilindungi undang-undang.</p></footer>`;
}

function title(s: string): string {
  return s.toLowerCase().replace(/(^|\s)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

function wordpress(v: ArticleView): string {
  const { outlet, published, story } = v;
  const date = isoDay(published);
  return `<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(story.title)} &#8211; ${esc(outlet.name)}</title>
<link rel="canonical" href="${v.url}">
<link rel="alternate" type="application/rss+xml" title="${esc(outlet.name)} &raquo; Feed" href="${v.base}/feed/">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(story.title)}">
<meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="og:url" content="${v.url}">
<meta property="article:published_time" content="${date}T${v.time}:00${outlet.tz}">
<link rel="stylesheet" href="${v.base}/wp-content/themes/newsup/style.css?ver=6.4.2">
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead"><div class="site-branding"><a href="${v.base}/">${esc(outlet.name)}</a><p class="site-description">Kabar dari Bumi Khatulistiwa</p></div>
<nav id="site-navigation"><ul class="menu">${menu(v)}</ul><form role="search" action="${v.base}/cari"><input name="s" placeholder="Cari..."></form></nav>
${ticker(v)}</header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard">
<header class="entry-header"><div class="cat-links"><a href="${v.base}/kategori/daerah/">Daerah</a></div>
<h1 class="entry-title">${esc(story.title)}</h1>
<div class="entry-meta"><span class="byline">Oleh <a href="${v.base}/author/${slug(v.author)}/">${esc(v.author)}</a></span> &middot; <time class="entry-date published" datetime="${date}T${v.time}:00${outlet.tz}">${published.d} ${MONTHS[published.m - 1]} ${published.y}</time></div></header>
<div class="entry-content">
${body(v, `<strong>${esc(story.dateline)}</strong> &#8211; `)}
</div>
<footer class="entry-footer"><span class="tags-links">Tags: ${tags(v)}</span></footer>
${share(v)}
</article>
${relatedList(v.related.slice(1, 5), 'Berita Terkait')}
<div id="comments" class="comments-area"><h3 id="komentar">Tinggalkan Balasan</h3><form action="${v.base}/wp-comments-post.php" method="post"><textarea name="comment"></textarea><button>Kirim Komentar</button></form></div>
</main>
<aside id="secondary" class="widget-area">${relatedList(v.popular, 'Terpopuler', 'widget popular')}${headlineList(v.ticker.slice(0, 4), 'Kabar Daerah')}</aside></div>
${footer(v, published.y)}
</div>
</body>
</html>`;
}

function detik(v: ArticleView): string {
  const { outlet, published, story } = v;
  const date = isoDay(published);
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': v.url },
    headline: story.title,
    datePublished: `${date}T${v.time}:00${outlet.tz}`,
    dateModified: `${date}T${v.time}:00${outlet.tz}`,
    author: { '@type': 'Person', name: v.author },
    publisher: { '@type': 'Organization', name: outlet.name },
  };
  const place = title(story.dateline);
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${esc(story.title)}</title>
<meta name="description" content="${esc(story.paragraphs[0].slice(0, 140))}">
<meta name="publishdate" content="${date.replace(/-/g, '/')} ${v.time}:00">
<meta name="author" content="${esc(v.author)}">
<link rel="canonical" href="${v.url}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({kanal:"berita-daerah",articleid:"${v.url.split('/').slice(-2)[0]}"});</script>
</head>
<body class="detail">
<header class="header"><div class="header__logo"><a href="${v.base}/">${esc(outlet.name)}</a></div><nav class="nav"><ul>${menu(v)}</ul></nav>
<div class="header__search"><form action="${v.base}/cari"><input name="query"></form></div></header>
${ticker(v)}
<div class="container"><div class="column-8">
<article class="detail">
<div class="detail__header"><div class="page__breadcrumb"><a href="${v.base}/">${esc(outlet.name)}</a> &gt; <a href="${v.base}/indeks">Berita Daerah</a></div>
<h1 class="detail__title">${esc(story.title)}</h1>
<div class="detail__author">${esc(v.author)} - ${esc(outlet.name)}</div>
<div class="detail__date">${longDate(published)} ${v.time} ${outlet.tzLabel}</div></div>
<div class="detail__media"><figure class="detail__media-image"><img src="${v.base}/img/${slug(story.title).slice(0, 20)}.jpg" alt=""><figcaption class="detail__media-caption">${esc(story.caption)}</figcaption></figure></div>
<div class="detail__body"><div class="detail__body-text itp_bodycontent">
${body(v, `<strong>${esc(place)}</strong> - `, { captionAfter: -1, bacaJuga: 1 })}
<p>(${slug(v.author).split('-')[0]}/${slug(v.editor).split('-')[0]})</p>
</div>
<div class="detail__body-tag"><div class="nav">${tags(v)}</div></div></div>
${share(v)}
<div class="komentar" id="komentar"><h4>Komentar</h4><p>Belum ada komentar.</p></div>
</article>
${relatedList(v.related.slice(1, 6), 'Berita Terkait', 'list-content')}
</div>
<div class="column-4">${relatedList(v.popular, 'Most Popular', 'box cb-mostpop')}${headlineList(v.ticker, 'Terpopuler di Daerah')}</div></div>
${footer(v, published.y)}
</body>
</html>`;
}

function kompas(v: ArticleView, amp = false): string {
  const { outlet, published, story } = v;
  const date = isoDay(published);
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    url: v.url,
    datePublished: `${date}T${v.time}:21${outlet.tz}`,
    author: [{ '@type': 'Person', name: v.author }],
    publisher: { '@type': 'Organization', name: outlet.name },
  };
  const head = `<meta charset="utf-8">
<title>${esc(story.title)} Halaman all - ${esc(outlet.name)}</title>
<link rel="canonical" href="${v.url}">
${amp ? '' : `<link rel="amphtml" href="${v.url.replace(v.base, v.base + '/amp')}">`}
<meta name="content_PublishedDate" content="${date} ${v.time}:21">
<meta name="content_category" content="Regional">
<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
  if (amp) {
    return `<!doctype html>
<html ⚡ lang="id">
<head>
${head}
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-boilerplate>body{visibility:hidden}</style>
</head>
<body>
<header class="amp-header"><a href="${v.base}/">${esc(outlet.name)}</a></header>
<article class="amp-article"><h1>${esc(story.title)}</h1><div class="amp-date">${longDate(published)}, ${v.time} ${outlet.tzLabel}</div>
${story.paragraphs.map((p, i) => `<p>${i === 0 ? `${esc(story.dateline)}, ${esc(outlet.name)} - ` : ''}${para(v, p)}</p>`).join('\n')}
</article>
<footer><a href="${v.url}">Versi lengkap</a> &middot; ${esc(outlet.address)}</footer>
</body>
</html>`;
  }
  return `<!DOCTYPE html>
<html lang="id">
<head>
${head}
</head>
<body>
<div class="wrap"><div class="header"><div class="logo"><a href="${v.base}/">${esc(outlet.name)}</a></div><ul class="nav">${menu(v)}</ul></div>
${ticker(v)}
<div class="container clearfix"><div class="col-bs10-7">
<div class="breadcrumb"><a href="${v.base}/">Home</a> / <a href="${v.base}/kanal/daerah">Regional</a></div>
<h1 class="read__title">${esc(story.title)}</h1>
<div class="read__info"><div class="read__info__author">Penulis <a href="${v.base}/penulis/${slug(v.author)}">${esc(v.author)}</a></div><div class="read__info__date">${isoDay(published).split('-').reverse().join('/')}, ${v.time} ${outlet.tzLabel}</div></div>
<div class="photo"><div class="photo__wrap"><img src="${v.base}/img/${slug(story.title).slice(0, 20)}.jpg" alt=""></div><div class="photo__caption">${esc(story.caption)}</div></div>
<div class="read__content"><div class="clearfix">
${body(v, `<strong>${esc(story.dateline)}, ${esc(outlet.name)}</strong> - `, { captionAfter: -1, bacaJuga: 2 })}
</div></div>
<div class="read__editor">Editor: ${esc(v.editor)}</div>
<div class="tag__article"><h3>Tag</h3>${tags(v)}</div>
${share(v)}
${relatedList(v.related.slice(1, 7), 'Berita Terkait', 'most__wrap')}
</div>
<div class="col-bs10-3">${relatedList(v.popular, 'Terpopuler', 'most__list')}${headlineList(v.ticker, 'Berita Daerah Lainnya')}</div></div>
${footer(v, published.y)}
</div>
</body>
</html>`;
}

/** The AMP variant of a kompas-like article, declaring the original as canonical. */
export function ampPage(v: ArticleView): string {
  return kompas(v, true);
}

function regional(v: ArticleView): string {
  const { outlet, published, story } = v;
  const date = isoDay(published);
  const charset = v.curlyQuotes ? 'windows-1252' : 'utf-8';
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(story.title)} | ${esc(outlet.name)}</title>
<meta property="og:title" content="${esc(story.title)}">
<meta property="og:site_name" content="${esc(outlet.name)}">
<link rel="canonical" href="${v.url}">
</head>
<body>
<div id="top-bar">${longDate(published)} | <a href="${v.base}/login">Masuk</a></div>
<div id="header"><h2 class="logo"><a href="${v.base}/">${esc(outlet.name)}</a></h2><ul id="nav">${menu(v)}</ul></div>
${ticker(v)}
<div id="main"><div id="left">
<div class="post">
<h1 class="post-title">${esc(story.title)}</h1>
<div class="post-meta">Ditulis oleh ${esc(v.author)} pada <time datetime="${date}T${v.time}:00${outlet.tz}">${published.d} ${MONTHS[published.m - 1]} ${published.y} ${v.time} ${outlet.tzLabel}</time></div>
<div class="post-body">
${body(v, `<b>${esc(outlet.name)}, ${esc(story.dateline)}</b> &#8211; `, { captionAfter: 0, bacaJuga: 1 })}
<p><em>Sumber berita mitra: <a href="${v.external}/berita/${slug(story.title)}">Kantor Berita Mitra</a></em></p>
</div>
<div class="post-tags">Topik: ${tags(v)}</div>
${share(v)}
</div>
${relatedList(v.related.slice(1, 5), 'Baca Juga Berita Lainnya')}
</div>
<div id="right">${headlineList(v.ticker, 'Sorotan Daerah')}${relatedList(v.popular, 'Paling Banyak Dibaca', 'popular')}
<div class="widget"><h3>Arsip</h3><a href="${v.base}/arsip/${published.y}/${pad(published.m)}/">${MONTHS[published.m - 1]} ${published.y}</a></div></div></div>
${footer(v, published.y)}
</body>
</html>`;
}

function government(v: ArticleView): string {
  const { outlet, published, story } = v;
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>${esc(outlet.name)} - ${esc(story.title)}</title>
</head>
<body bgcolor="#ffffff">
<table width="980" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="${v.base}/images/banner.jpg" width="980" alt="${esc(outlet.name)}"></td></tr>
<tr><td colspan="2" class="menu"><ul>${menu(v)}</ul></td></tr>
<tr><td colspan="2">${ticker(v)}</td></tr>
<tr><td width="700" valign="top">
<h1 class="judul">${esc(story.title)}</h1>
<span class="tgl">Diposting: <time itemprop="datePublished" datetime="${isoDay(published)}T${v.time}:00${outlet.tz}">${longDate(published)}</time> | Dibaca ${(v.url.length * 37) % 4000} kali</span>
<div class="isi">
${body(v, '', { captionAfter: 0, bacaJuga: 99 })}
<p><i>Sumber: Diskominfo</i></p>
</div>
${share(v)}
</td>
<td width="280" valign="top"><div class="sidebar">${relatedList(v.popular, 'Berita Terbaru')}${headlineList(v.ticker.slice(0, 3), 'Agenda Daerah')}<h4>Tautan</h4><ul><li><a href="${v.external}/lapor">SP4N LAPOR</a></li><li><a href="${v.base}/jdih">JDIH</a></li></ul></div></td></tr>
<tr><td colspan="2" align="center">${footer(v, published.y)}</td></tr>
</table>
</body>
</html>`;
}

export const ARTICLE_TEMPLATES: Record<TemplateId, (v: ArticleView) => string> = { wordpress, detik, kompas, regional, government };

// ---- listings, home, archive, search ----

export interface ListingItem {
  title: string;
  url: string;
  published: Day;
  excerpt: string;
}

export interface ListingView {
  outlet: OutletSpec;
  base: string;
  external: string;
  heading: string;
  items: ListingItem[];
  /** Extra links shown in a "Pilihan Redaksi"/"Terpopuler" box (trap links live here). */
  extras: Link[];
  prev?: string;
  next?: string;
  /** Numbered page links. */
  pages?: Link[];
}

export function listingPage(v: ListingView): string {
  const items = v.items
    .map(
      (it) =>
        `<article class="list-item"><h2><a href="${esc(it.url)}">${esc(it.title)}</a></h2><time datetime="${isoDay(it.published)}">${longDate(it.published)}</time><p>${esc(it.excerpt)}</p></article>`,
    )
    .join('\n');
  const nav = [
    v.prev ? `<a class="prev" rel="prev" href="${esc(v.prev)}">&laquo; Sebelumnya</a>` : '',
    ...(v.pages ?? []).map((p) => `<a class="page-numbers" href="${esc(p.url)}">${esc(p.title)}</a>`),
    v.next ? `<a class="next" rel="next" href="${esc(v.next)}">Selanjutnya &raquo;</a>` : '',
  ].join(' ');
  return `<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>${esc(v.heading)} - ${esc(v.outlet.name)}</title></head>
<body class="archive">
<header><a class="logo" href="${v.base}/">${esc(v.outlet.name)}</a><nav><ul>${menu(v)}</ul></nav>
<form action="${v.base}/cari"><input name="q"></form> <a href="${v.base}/cari?q=netralitas+asn">Cari: netralitas ASN</a></header>
<main><h1>${esc(v.heading)}</h1>
${items || '<p>Tidak ada artikel.</p>'}
<nav class="pagination">${nav}</nav></main>
<aside>${v.extras.length ? relatedList(v.extras, 'Pilihan Redaksi', 'picks') : ''}</aside>
${footer(v, 2024)}
</body>
</html>`;
}

/** A small HTML page (search results, tag pages, 404, redaksi). */
export function simplePage(outlet: OutletSpec, base: string, external: string, heading: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>${esc(heading)} - ${esc(outlet.name)}</title></head>
<body><header><a href="${base}/">${esc(outlet.name)}</a><nav><ul>${menu({ outlet, base })}</ul></nav></header>
<main><h1>${esc(heading)}</h1>${content}</main>
${footer({ outlet, base, external }, 2024)}</body></html>`;
}
