/**
 * An outlet pantau crawls, declared as data (one entry per outlet). See src/sources/registry.
 */

/** How to find article URLs on an outlet. Several may be declared; all are used. */
export type Discovery =
  /** A sitemap or sitemap index (plain or gzipped); news sitemaps give publication dates. */
  | { kind: 'sitemap'; url: string }
  /** An RSS 2.0 or Atom feed. */
  | { kind: 'feed'; url: string }
  /**
   * A listing, tag, index or search page. `page` is a URL template with `{page}` (1-based) for pagination,
   * used up to `maxPages` (default 5); without it only `url` is read.
   */
  | { kind: 'listing'; url: string; page?: string; maxPages?: number };

export interface Source {
  /** Stable identifier: lowercase letters, digits and dashes (`kendaripos`, `antara-sultra`). */
  id: string;
  name: string;
  /** Home page, `https://...`. */
  home: string;
  /** Kemendagri code of the province or regency/city the outlet covers, when it is regional. */
  region?: string;
  discovery: Discovery[];
  /**
   * Regular expression (source text) that article URLs match; links that do not match are not articles
   * (tag pages, menus, galleries).
   */
  articlePattern: string;
  /** Minimum seconds between requests to this outlet; robots.txt Crawl-delay wins when larger. Default 1. */
  crawlDelay?: number;
  /** Hosts other than the home page's that belong to the outlet (CDN, `m.` or AMP hosts). */
  extraHosts?: string[];
  /** True once `pantau sources check` has fetched every discovery URL live; false for new entries. */
  verified: boolean;
  /** Free text: what was seen when checking, quirks. */
  notes?: string;
}
