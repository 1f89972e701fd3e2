/**
 * Builders for registry entries of outlets that run on a known platform (WordPress, Blogger, the ANTARA regional
 * sites, the Tribun network, the Disway / Bacakoran network, the Jawa Pos regional network): the discovery URLs
 * and article URL shapes those platforms use.
 *
 * Article patterns are searched in the canonical URL (see src/crawl/url/article.ts): no fragment, no tracking
 * parameters, no AMP segment, no trailing slash, case-insensitive.
 */
import type { Discovery, Source } from '../types/source.js';

/** Scheme and host of a canonical URL. */
export const HOST = '^https?://[^/?#]+';

/** What every entry declared without fetching says. */
export const UNVERIFIED_NOTE =
  'Declared from knowledge of the outlet and its platform, not yet fetched (written without internet access); ' +
  'run `pantau sources check ID` and fix what fails.';

/** A slug of at least four words, the last path segment of most Indonesian news URLs. */
export const SLUG = '(?:[a-z0-9]+-){3,}[a-z0-9]+';

/** The tag listed by default: the topic pantau monitors. */
export const DEFAULT_TAG = 'netralitas-asn';

export interface Base {
  id: string;
  name: string;
  home: string;
  region?: string;
  extraHosts?: string[];
  crawlDelay?: number;
  /** Set once `pantau sources check ID` passed (the notes should then say what was seen, and when). */
  verified?: boolean;
  /** Extra text appended to the unverified note, or the whole note of a verified entry. */
  notes?: string;
}

/** Options of the one-line builders (`antara`, `tribun`). */
export type Extra = Pick<Base, 'verified' | 'notes' | 'crawlDelay' | 'extraHosts'>;

function trimHome(home: string): string {
  return home.replace(/\/+$/, '');
}

function finish(b: Base, discovery: Discovery[], articlePattern: string): Source {
  const s: Source = {
    id: b.id,
    name: b.name,
    home: `${trimHome(b.home)}/`,
    discovery,
    articlePattern,
    verified: b.verified === true,
  };
  const notes = b.verified ? b.notes : b.notes ? `${UNVERIFIED_NOTE} ${b.notes}` : UNVERIFIED_NOTE;
  if (notes) s.notes = notes;
  if (b.region) s.region = b.region;
  if (b.extraHosts) s.extraHosts = b.extraHosts;
  if (b.crawlDelay !== undefined) s.crawlDelay = b.crawlDelay;
  return s;
}

/** Any outlet: discovery and pattern given explicitly. */
export function custom(b: Base & { discovery: Discovery[]; articlePattern: string }): Source {
  return finish(b, b.discovery, b.articlePattern);
}

/**
 * WordPress: `/sitemap_index.xml` (Yoast, Rank Math) or `/wp-sitemap.xml` (core), `/feed/`, the tag page with
 * `/page/N/`. Articles: `/slug`, `/YYYY/MM/slug`, `/YYYY/MM/DD/slug` (optionally `.html`), or `/?p=N`.
 */
export function wordpress(
  b: Base & { sitemap?: 'yoast' | 'core' | 'none'; tag?: string | null; articlePattern?: string },
): Source {
  const h = trimHome(b.home);
  const discovery: Discovery[] = [];
  if (b.sitemap !== 'none') {
    discovery.push({ kind: 'sitemap', url: b.sitemap === 'core' ? `${h}/wp-sitemap.xml` : `${h}/sitemap_index.xml` });
  }
  discovery.push({ kind: 'feed', url: `${h}/feed/` });
  const tag = b.tag === undefined ? DEFAULT_TAG : b.tag;
  if (tag) discovery.push({ kind: 'listing', url: `${h}/tag/${tag}/`, page: `${h}/tag/${tag}/page/{page}/`, maxPages: 5 });
  return finish(
    b,
    discovery,
    b.articlePattern ?? `${HOST}/(?:\\?p=\\d+|(?:\\d{4}/\\d{2}/(?:\\d{2}/)?)?${SLUG}(?:\\.html?)?)$`,
  );
}

/** Blogger (custom domain): `/sitemap.xml` (an index of `?page=N` sitemaps), the RSS feed. Articles: `/YYYY/MM/slug.html`. */
export function blogger(b: Base): Source {
  const h = trimHome(b.home);
  return finish(
    b,
    [
      { kind: 'sitemap', url: `${h}/sitemap.xml` },
      { kind: 'feed', url: `${h}/feeds/posts/default?alt=rss` },
    ],
    `${HOST}/\\d{4}/\\d{2}/[a-z0-9-]+\\.html$`,
  );
}

/**
 * An ANTARA regional site (`kalsel.antaranews.com`): the `terkini` RSS feed, the `/terkini` index paginated as
 * `/terkini/N`, and the tag page. Articles: `/berita/ID/slug` (AMP: `/amp/berita/ID/slug`).
 */
export function antara(sub: string, region: string, province: string, extra: Extra = {}): Source {
  const h = `https://${sub}.antaranews.com`;
  return finish(
    { id: `antara-${sub}`, name: `ANTARA ${province}`, home: h, region, ...extra },
    [
      { kind: 'feed', url: `${h}/rss/terkini.xml` },
      { kind: 'listing', url: `${h}/terkini`, page: `${h}/terkini/{page}`, maxPages: 5 },
      { kind: 'listing', url: `${h}/tag/${DEFAULT_TAG}`, page: `${h}/tag/${DEFAULT_TAG}/{page}`, maxPages: 5 },
    ],
    `${HOST}/berita/\\d+/[a-z0-9-]+$`,
  );
}

/**
 * A Tribun network regional site (`sorong.tribunnews.com`): RSS at `/rss`, the news index `/index-news`
 * paginated with `?page=N`, the tag page. Articles: `/YYYY/MM/DD/slug` (AMP: `/amp/YYYY/MM/DD/slug`).
 */
export function tribun(sub: string, name: string, region: string, extra: Extra = {}): Source {
  const h = `https://${sub}.tribunnews.com`;
  return finish(
    { id: `tribun-${sub}`, name, home: h, region, ...extra },
    [
      { kind: 'feed', url: `${h}/rss` },
      { kind: 'listing', url: `${h}/index-news`, page: `${h}/index-news?page={page}`, maxPages: 5 },
      { kind: 'listing', url: `${h}/tag/${DEFAULT_TAG}`, page: `${h}/tag/${DEFAULT_TAG}?page={page}`, maxPages: 5 },
    ],
    `${HOST}/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+$`,
  );
}

/**
 * Disway / Bacakoran network (`radarbanyumas.disway.id`, `palpos.bacakoran.co`): `/sitemap.xml`, the `/rss`
 * feed, the `/indeks-berita` index paginated as `/indeks-berita/N`. Articles: `/read/ID/slug`.
 */
export function disway(b: Base): Source {
  const h = trimHome(b.home);
  return finish(
    b,
    [
      { kind: 'sitemap', url: `${h}/sitemap.xml` },
      { kind: 'feed', url: `${h}/rss` },
      { kind: 'listing', url: `${h}/indeks-berita`, page: `${h}/indeks-berita/{page}`, maxPages: 5 },
    ],
    `${HOST}/read/\\d+/[a-z0-9-]+$`,
  );
}

/**
 * Jawa Pos regional network (`kaltimpost.jawapos.com`): `/sitemap.xml`, the tag page. Articles:
 * `/section/ID/slug` with a long numeric id.
 */
export function jawapos(b: Base): Source {
  const h = trimHome(b.home);
  return finish(
    b,
    [
      { kind: 'sitemap', url: `${h}/sitemap.xml` },
      { kind: 'listing', url: `${h}/tag/${DEFAULT_TAG}` },
    ],
    `${HOST}/(?:[a-z0-9-]+/){1,2}\\d{6,}/[a-z0-9-]+$`,
  );
}
