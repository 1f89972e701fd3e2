/**
 * Listing pages (home, index, tag, category, search): the article links they show, with the date printed next
 * to each when there is one, and the link to the next page.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Source } from '../../types/source.js';
import { findDates } from '../../extract/dates/index.js';
import { isoDate } from '../../extract/dates/calendar.js';
import { articleUrl } from '../url/article.js';
import { canonicalUrl, sameSite } from '../url/canonical.js';
import { parseLooseDate } from './dates.js';

export interface ListingLink {
  /** Canonical article URL. */
  url: string;
  /** Date shown with the link (`<time datetime>`, an Indonesian date, "3 jam lalu"), YYYY-MM-DD. */
  date?: string;
  /** Link text (the longest one when the article is linked several times). */
  title?: string;
}

export interface ParsedListing {
  links: ListingLink[];
  /** Absolute URL of the next page (fragment dropped, otherwise as linked), when there is one. */
  next?: string;
}

export interface ListingOptions {
  /** The discovery entry's URL template with `{page}`: gives the next page when the page links none. */
  template?: string;
  /** 1-based number of the page being parsed (default 1); used with `template`. */
  page?: number;
  /** "Now", for relative dates ("2 jam yang lalu"); default the current time. Dates are read in WIB (UTC+7). */
  now?: Date;
}

type Node = { type: string; parent?: Node | null; name?: string; children?: Node[]; attribs?: Record<string, string> };

const NEXT_WORDS = /^(?:selanjutnya|berikutnya|halaman\s+(?:selanjutnya|berikutnya)|next(?:\s+page)?|lanjut|older\s+(?:posts|entries)|berita\s+sebelumnya)\b/i;
const NEXT_ARROWS = /^(?:›|»|>|→|>>|next\s*[›»>→]|[›»>→]\s*next)$/i;
const DATE_CLASS = /(?:^|[\s_-])(?:date|time|tanggal|tgl|waktu|posted|published|meta)(?:$|[\s_-])/i;
const RELATIVE = /(\d{1,3})\s*(detik|menit|jam|hari|minggu|minutes?|hours?|days?|weeks?)\s*(?:yang\s+)?(?:lalu|ago)/i;
const WIB_MS = 7 * 3600 * 1000;
const LANDMARKS = new Set(['body', 'html', 'main', 'nav', 'header', 'footer', 'menu', 'aside', 'form']);

function wibDate(ms: number): string {
  const d = new Date(ms + WIB_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function relativeDate(text: string, now: Date): string | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const ms =
    unit === 'detik' ? n * 1000
    : unit === 'menit' || unit.startsWith('minute') ? n * 60_000
    : unit === 'jam' || unit.startsWith('hour') ? n * 3_600_000
    : unit === 'hari' || unit.startsWith('day') ? n * 86_400_000
    : n * 7 * 86_400_000;
  return wibDate(now.getTime() - ms);
}

/** A date written in a snippet of text: a full date with a year, else a relative one. */
function dateInText(text: string, now: Date): string | undefined {
  const t = text.replace(/\s+/g, ' ').slice(0, 2000);
  for (const m of findDates(t, {})) if (m.hasYear && m.date) return m.date;
  return relativeDate(t, now);
}

function ownDate($: CheerioAPI, el: Node, now: Date): string | undefined {
  const $el = $(el as never);
  const times = $el.is('time') ? $el : $el.find('time');
  for (const t of times.toArray()) {
    const d = parseLooseDate($(t).attr('datetime')) ?? dateInText($(t).text(), now);
    if (d) return d;
  }
  const metas = $el.find('[datetime], [itemprop=datePublished], [content][itemprop*=date]').toArray();
  for (const m of metas) {
    const d = parseLooseDate($(m).attr('datetime') ?? $(m).attr('content'));
    if (d) return d;
  }
  const classed = [el, ...$el.find('[class]').toArray()].filter((n) => DATE_CLASS.test($(n as never).attr('class') ?? ''));
  for (const c of classed) {
    const d = dateInText($(c as never).text(), now);
    if (d) return d;
  }
  return dateInText($el.text(), now);
}

/**
 * Article links on a listing page: `<a href>` resolved (against `<base href>` too), canonical, on the source's
 * hosts and matching its article pattern, each URL once in page order. A date is attached when the item that
 * holds the link (its largest ancestor holding no other article) shows one. `next` is the `rel=next` link,
 * else a link reading "Selanjutnya", "Berikutnya", "Next", "›" or "»" (or classed `next`), else the page
 * after `opts.page` in `opts.template`.
 */
export function parseListing(
  html: string,
  baseUrl: string,
  source: Pick<Source, 'home' | 'extraHosts' | 'articlePattern'>,
  opts: ListingOptions = {},
): ParsedListing {
  // htmlparser2 rather than parse5: three times faster, and a listing needs links and text, not the spec's tree fix-ups.
  const $ = load(html, { xml: { xmlMode: false } });
  const now = opts.now ?? new Date();
  let base = baseUrl;
  const baseHref = $('base[href]').first().attr('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, baseUrl).href;
    } catch {
      /* keep the page URL */
    }
  }

  // Pass 1: the article URL of every anchor.
  const anchors: Array<{ el: Node; url: string }> = [];
  for (const a of $('a[href]').toArray()) {
    const url = articleUrl($(a).attr('href') ?? '', source, base);
    if (url) anchors.push({ el: a as unknown as Node, url });
  }

  // Distinct article URLs under each ancestor, to find the item that holds one article.
  const under = new Map<Node, Set<string>>();
  for (const { el, url } of anchors) {
    for (let p = el.parent, depth = 0; p && p.type !== 'root' && depth < 5; p = p.parent, depth++) {
      let set = under.get(p);
      if (!set) under.set(p, (set = new Set()));
      set.add(url);
    }
  }

  const byUrl = new Map<string, ListingLink>();
  for (const { el, url } of anchors) {
    let link = byUrl.get(url);
    if (!link) byUrl.set(url, (link = { url }));
    const text = $(el as never).text().replace(/\s+/g, ' ').trim() || ($(el as never).attr('title') ?? '').trim();
    if (text && text.length > (link.title?.length ?? 0)) link.title = text;
    if (link.date) continue;
    let item: Node = el;
    for (let p = el.parent, depth = 0; p && p.type !== 'root' && depth < 5; p = p.parent, depth++) {
      if ((under.get(p)?.size ?? 0) > 1) break;
      // Never take a whole page region as the item: a header's "today" date is not the link's date.
      if (p.name && LANDMARKS.has(p.name)) break;
      item = p;
    }
    let date = ownDate($, item, now);
    if (!date && item === el) {
      // A flat list: look at the siblings right next to the link.
      const $el = $(el as never);
      for (const sib of [$el.next(), $el.prev()]) {
        if (sib.length && !sib.is('a')) date = ownDate($, sib[0] as unknown as Node, now);
        if (date) break;
      }
    }
    if (date) link.date = date;
  }

  const next = findNext($, base, baseUrl, source, opts);
  return { links: [...byUrl.values()], ...(next ? { next } : {}) };
}

function findNext(
  $: CheerioAPI,
  base: string,
  pageUrl: string,
  source: Pick<Source, 'home' | 'extraHosts' | 'articlePattern'>,
  opts: ListingOptions,
): string | undefined {
  let current: string;
  try {
    current = canonicalUrl(pageUrl);
  } catch {
    current = pageUrl;
  }
  const usable = (href: string | undefined): string | undefined => {
    if (!href || /^\s*(?:javascript:|#|mailto:)/i.test(href)) return undefined;
    let u: URL;
    try {
      u = new URL(href.trim(), base);
    } catch {
      return undefined;
    }
    u.hash = '';
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (!sameSite(u.href, source)) return undefined;
    let c: string;
    try {
      c = canonicalUrl(u.href);
    } catch {
      return undefined;
    }
    if (c === current || articleUrl(u.href, source)) return undefined;
    return u.href;
  };

  for (const el of $('link[rel], a[rel]').toArray()) {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('next')) {
      const u = usable($(el).attr('href'));
      if (u) return u;
    }
  }
  const anchors = $('a[href]').toArray();
  const label = (a: (typeof anchors)[number]) => {
    const $a = $(a);
    return ($a.text().replace(/\s+/g, ' ').trim() || $a.attr('aria-label') || $a.attr('title') || '').trim();
  };
  for (const a of anchors) {
    const l = label(a);
    const aria = ($(a).attr('aria-label') ?? '').trim();
    if (NEXT_WORDS.test(l) || NEXT_WORDS.test(aria)) {
      const u = usable($(a).attr('href'));
      if (u) return u;
    }
  }
  for (const a of anchors) {
    const cls = `${$(a).attr('class') ?? ''} ${$(a).parent().attr('class') ?? ''}`;
    if (/(?:^|[\s_-])next(?:$|[\s_-])/i.test(cls) && !/(?:^|[\s_-])(?:prev|previous)(?:$|[\s_-])/i.test(cls)) {
      const u = usable($(a).attr('href'));
      if (u) return u;
    }
  }
  for (const arrow of ['›', '>', '→', '»', '>>']) {
    for (const a of anchors) {
      const l = label(a);
      if (l === arrow || (NEXT_ARROWS.test(l) && l.includes(arrow))) {
        const u = usable($(a).attr('href'));
        if (u) return u;
      }
    }
  }
  if (opts.template && opts.template.includes('{page}')) {
    try {
      return new URL(opts.template.replaceAll('{page}', String((opts.page ?? 1) + 1)), base).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
