/**
 * Sitemaps (sitemaps.org): `<urlset>` with `<lastmod>` and the Google News extension (`<news:publication_date>`,
 * `<news:title>`), `<sitemapindex>`, and plain-text sitemaps (one URL a line). Image and video extensions are
 * ignored. Tolerant: namespace prefixes of any name, BOM, whitespace, CDATA, entries without a usable `<loc>`
 * are skipped.
 */
import { parseLooseDate } from './dates.js';
import {
  DiscoveryFormatError, child, decodeHtmlEntities, descendants, localName, parseXmlRoots, prefixOf, textOf,
  type Element,
} from './xml.js';

export interface SitemapEntry {
  /** Absolute URL as written (resolved against the sitemap URL when relative; not canonicalised). */
  url: string;
  /** `<lastmod>` as YYYY-MM-DD. */
  lastmod?: string;
  /** Google News `<news:publication_date>` as YYYY-MM-DD. */
  published?: string;
  /** Google News `<news:title>`. */
  title?: string;
}

export interface ParsedSitemap {
  /** `urlset`: entries are pages; `index`: entries are other sitemaps. */
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

/** The best date of an entry: the news publication date, else lastmod. */
export function sitemapEntryDate(e: SitemapEntry): string | undefined {
  return e.published ?? e.lastmod;
}

function resolveHttp(raw: string, baseUrl: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  try {
    const u = new URL(s, baseUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const IGNORED_PREFIXES = new Set(['image', 'video']);
const locOf = (el: Element) => child(el, 'loc', (p) => !IGNORED_PREFIXES.has(p));

function parseTextSitemap(text: string, baseUrl: string): ParsedSitemap | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0 || !lines.every((l) => /^https?:\/\/\S+$/i.test(l))) return null;
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const l of lines) {
    const url = resolveHttp(l, baseUrl);
    if (url && !seen.has(url)) {
      seen.add(url);
      entries.push({ url });
    }
  }
  return { kind: 'urlset', entries };
}

/**
 * Parses a sitemap or sitemap index. Throws a DiscoveryFormatError when the text is neither (an HTML page, an
 * empty body); malformed entries are skipped, never thrown on. Gzipped sitemaps: see `decodeMaybeGzip`.
 */
export function parseSitemap(xml: string, baseUrl: string): ParsedSitemap {
  const text = xml.replace(/^\uFEFF/, '');
  if (!text.includes('<')) {
    const plain = parseTextSitemap(text, baseUrl);
    if (plain) return plain;
    throw new DiscoveryFormatError(text.trim() ? 'not XML' : 'empty document');
  }
  const roots = parseXmlRoots(text);
  const root =
    roots.find((r) => localName(r) === 'urlset' || localName(r) === 'sitemapindex') ??
    descendants(roots, 'urlset')[0] ??
    descendants(roots, 'sitemapindex')[0];
  if (!root) {
    const first = roots[0];
    throw new DiscoveryFormatError(first ? `not a sitemap (root element <${first.name}>)` : 'not XML');
  }
  const kind = localName(root) === 'sitemapindex' ? 'index' : 'urlset';
  const itemName = kind === 'index' ? 'sitemap' : 'url';
  const items = descendants(root, itemName).filter((el) => !IGNORED_PREFIXES.has(prefixOf(el)));
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const item of items) {
    const url = resolveHttp(textOf(locOf(item)), baseUrl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const entry: SitemapEntry = { url };
    const lastmod = parseLooseDate(textOf(child(item, 'lastmod')));
    if (lastmod) entry.lastmod = lastmod;
    const news = child(item, 'news', (p) => !IGNORED_PREFIXES.has(p));
    if (news) {
      const published = parseLooseDate(textOf(child(news, 'publication_date')));
      if (published) entry.published = published;
      const title = textOf(child(news, 'title'));
      if (title) entry.title = decodeHtmlEntities(title);
    }
    entries.push(entry);
  }
  return { kind, entries };
}
