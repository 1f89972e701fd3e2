/**
 * Checking a source live: fetch its robots.txt and each discovery URL once, parse them, and say for each
 * whether it yields article links. Used by `pantau sources check`.
 */
import type { Discovery, Source } from '../../types/source.js';
import { decodeHtml } from '../../input/charset.js';
import { HostLimiter, defaultUserAgent } from '../../input/http.js';
import { articleUrl } from '../url/article.js';
import { decodeMaybeGzip, decodeXmlBytes, MAX_DISCOVERY_BYTES } from './bytes.js';
import { laterDate } from './dates.js';
import { parseFeed } from './feed.js';
import { describeFetch, fetchDiscovery, type DiscoveryFetchOptions, type DiscoveryFetchResult } from './fetch.js';
import { parseListing } from './listing.js';
import { allowAllRobots, parseRobots, type Robots } from './robots.js';
import { parseSitemap, sitemapEntryDate, type SitemapEntry } from './sitemap.js';
import { DiscoveryFormatError } from './xml.js';

export interface UrlCheck {
  kind: 'robots' | Discovery['kind'];
  url: string;
  /** After redirects, when different. */
  finalUrl?: string;
  /** HTTP status; 0 when no response (network failure) or not fetched. */
  status: number;
  mediaType: string;
  /** What the body was read as: `urlset`, `index`, `rss`, `atom`, `rdf`, `html`, `robots`. */
  format?: string;
  /** URLs found in the document (sitemap entries, feed items, listing links to the source's hosts). */
  found?: number;
  /** Links matching the source's article pattern on its hosts. */
  articleLinks?: number;
  /** Newest date seen with an article link, YYYY-MM-DD. */
  newest?: string;
  /** Listing: the next page found. Robots: the sitemaps it declares. Index: number of child sitemaps. */
  next?: string;
  sitemaps?: string[];
  children?: number;
  crawlDelay?: number;
  /** Sitemap index: the child sitemap read to count article links. */
  sample?: UrlCheck;
  ok: boolean;
  /** Why it failed (`HTTP 404 Not Found`, `DNS failure (host not found)`, `not XML`, `zero article links`). */
  reason?: string;
  /** Remarks that are not failures (`robots.txt answered HTTP 503: treated as allowing everything`). */
  note?: string;
  elapsedMs: number;
}

export interface SourceCheck {
  source: Source;
  ok: boolean;
  robots: UrlCheck[];
  urls: UrlCheck[];
  /** Sitemaps declared in robots.txt that no discovery entry lists. */
  undeclaredSitemaps: string[];
}

export interface CheckOptions {
  timeoutMs?: number;
  /** Minimum spacing per host (default 1000 ms); a larger source crawlDelay or robots Crawl-delay wins. */
  hostIntervalMs?: number;
  /** Longest Crawl-delay honoured during a check, in seconds (default 30). */
  maxCrawlDelay?: number;
  userAgent?: string;
  maxBytes?: number;
  limiter?: HostLimiter;
  signal?: AbortSignal;
}

function fetchOpts(opts: CheckOptions, intervals: Map<string, number>, limiter: HostLimiter): DiscoveryFetchOptions {
  return {
    timeoutMs: opts.timeoutMs ?? 20_000,
    maxBytes: opts.maxBytes ?? MAX_DISCOVERY_BYTES,
    hostIntervalMs: opts.hostIntervalMs ?? 1000,
    hostIntervals: intervals,
    userAgent: opts.userAgent ?? defaultUserAgent(),
    limiter,
    signal: opts.signal,
  };
}

function baseCheck(kind: UrlCheck['kind'], r: DiscoveryFetchResult): UrlCheck {
  const c: UrlCheck = { kind, url: r.url, status: r.status, mediaType: r.mediaType, ok: false, elapsedMs: r.elapsedMs };
  if (r.finalUrl !== r.url) c.finalUrl = r.finalUrl;
  return c;
}

const HOST_DOWN = new Set(['dns', 'refused', 'timeout', 'tls']);

/** Ranks the sitemaps of an index: article and news sitemaps first, newest first. */
function pickChild(entries: SitemapEntry[]): SitemapEntry | undefined {
  const score = (e: SitemapEntry) => {
    const u = e.url.toLowerCase();
    let s = 0;
    if (/news|post|article|berita|artikel/.test(u)) s += 2;
    if (/page-sitemap|category|kategori|tag|author|penulis|image|video|web-story|stories/.test(u)) s -= 3;
    return s;
  };
  return [...entries].sort((a, b) => {
    const d = score(b) - score(a);
    if (d) return d;
    const da = a.lastmod ?? '';
    const db = b.lastmod ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return entries.indexOf(b) - entries.indexOf(a);
  })[0];
}

function bodyText(r: DiscoveryFetchResult): string {
  return decodeXmlBytes(decodeMaybeGzip(r.bytes ?? new Uint8Array(), MAX_DISCOVERY_BYTES), r.charset);
}

function formatReason(err: unknown): string {
  if (err instanceof DiscoveryFormatError) {
    return err.message.startsWith('not XML') ? 'not XML' : err.message;
  }
  return (err as Error).message;
}

/** Checks one source. Never throws. */
export async function checkSource(source: Source, opts: CheckOptions = {}): Promise<SourceCheck> {
  const limiter = opts.limiter ?? new HostLimiter();
  const intervals = new Map<string, number>();
  const baseInterval = Math.max(opts.hostIntervalMs ?? 1000, (source.crawlDelay ?? 0) * 1000);
  const robotsByHost = new Map<string, { robots: Robots; down?: string }>();
  const robotsChecks: UrlCheck[] = [];
  const fo = () => fetchOpts(opts, intervals, limiter);

  const robotsFor = async (url: string): Promise<{ robots: Robots; down?: string }> => {
    const u = new URL(url);
    const known = robotsByHost.get(u.host);
    if (known) return known;
    intervals.set(u.host, baseInterval);
    const robotsUrl = `${u.protocol}//${u.host}/robots.txt`;
    const r = await fetchDiscovery(robotsUrl, { ...fo(), accept: 'text/plain,*/*;q=0.5' });
    const c = baseCheck('robots', r);
    let entry: { robots: Robots; down?: string };
    if (r.error) {
      c.reason = r.error.message;
      entry = { robots: allowAllRobots(), ...(HOST_DOWN.has(r.error.kind) ? { down: r.error.message } : {}) };
    } else if (r.status >= 200 && r.status < 300) {
      let text = '';
      try {
        text = decodeXmlBytes(decodeMaybeGzip(r.bytes ?? new Uint8Array()), r.charset);
      } catch {
        /* unreadable: as empty */
      }
      const robots = /<html|<body/i.test(text.slice(0, 2000)) ? allowAllRobots() : parseRobots(text, opts.userAgent ?? defaultUserAgent(), r.finalUrl);
      c.ok = true;
      c.format = 'robots';
      c.sitemaps = robots.sitemaps;
      if (robots.crawlDelay !== undefined) {
        c.crawlDelay = robots.crawlDelay;
        const delay = Math.min(robots.crawlDelay, opts.maxCrawlDelay ?? 30) * 1000;
        intervals.set(u.host, Math.max(baseInterval, delay));
      }
      if (/<html|<body/i.test(text.slice(0, 2000))) c.note = 'robots.txt is an HTML page: treated as allowing everything';
      entry = { robots };
    } else if (r.status >= 400 && r.status < 500) {
      c.ok = true;
      c.note = `no robots.txt (${describeFetch(r)}): everything allowed`;
      entry = { robots: allowAllRobots() };
    } else {
      c.ok = true;
      c.note = `robots.txt answered ${describeFetch(r)}: treated as allowing everything`;
      entry = { robots: allowAllRobots() };
    }
    robotsChecks.push(c);
    robotsByHost.set(u.host, entry);
    return entry;
  };

  const readSitemap = async (url: string, depth: number): Promise<UrlCheck> => {
    const blocked = await gate('sitemap', url);
    if (blocked) return blocked;
    const r = await fetchDiscovery(url, fo());
    const c = baseCheck('sitemap', r);
    if (r.error || r.status < 200 || r.status > 299) return fail(c, describeFetch(r));
    let parsed;
    try {
      parsed = parseSitemap(bodyText(r), r.finalUrl);
    } catch (err) {
      return fail(c, formatReason(err));
    }
    c.format = parsed.kind;
    c.found = parsed.entries.length;
    if (parsed.kind === 'index') {
      c.children = parsed.entries.length;
      const childEntry = pickChild(parsed.entries);
      if (!childEntry) return fail(c, 'empty sitemap index');
      if (depth >= 2) return fail(c, 'sitemap indexes nested too deep');
      c.sample = await readSitemap(childEntry.url, depth + 1);
      c.articleLinks = c.sample.articleLinks ?? 0;
      if (c.sample.newest) c.newest = c.sample.newest;
      if (!c.sample.ok) return fail(c, `its sitemap ${childEntry.url} failed: ${c.sample.reason}`);
      c.ok = true;
      return c;
    }
    let n = 0;
    for (const e of parsed.entries) {
      if (!articleUrl(e.url, source)) continue;
      n++;
      c.newest = laterDate(c.newest, sitemapEntryDate(e));
    }
    c.articleLinks = n;
    if (n === 0) return fail(c, zeroReason(parsed.entries.length));
    c.ok = true;
    return c;
  };

  const gate = async (kind: Discovery['kind'], url: string): Promise<UrlCheck | undefined> => {
    let robots;
    try {
      robots = await robotsFor(url);
    } catch {
      return { kind, url, status: 0, mediaType: '', ok: false, reason: 'invalid URL', elapsedMs: 0 };
    }
    if (robots.down) {
      return { kind, url, status: 0, mediaType: '', ok: false, reason: `not fetched: host unreachable (${robots.down})`, elapsedMs: 0 };
    }
    const rule = robots.robots.matchingRule(url);
    if (rule && !rule.allow) {
      return {
        kind, url, status: 0, mediaType: '', ok: false,
        reason: `disallowed by robots.txt (Disallow: ${rule.pattern})`, elapsedMs: 0,
      };
    }
    return undefined;
  };

  const readFeed = async (url: string): Promise<UrlCheck> => {
    const blocked = await gate('feed', url);
    if (blocked) return blocked;
    const r = await fetchDiscovery(url, fo());
    const c = baseCheck('feed', r);
    if (r.error || r.status < 200 || r.status > 299) return fail(c, describeFetch(r));
    let parsed;
    try {
      parsed = parseFeed(bodyText(r), r.finalUrl);
    } catch (err) {
      return fail(c, formatReason(err));
    }
    c.format = parsed.kind;
    c.found = parsed.entries.length;
    let n = 0;
    for (const e of parsed.entries) {
      if (!articleUrl(e.url, source)) continue;
      n++;
      c.newest = laterDate(c.newest, e.date);
    }
    c.articleLinks = n;
    if (n === 0) return fail(c, zeroReason(parsed.entries.length));
    c.ok = true;
    return c;
  };

  const readListing = async (d: Extract<Discovery, { kind: 'listing' }>): Promise<UrlCheck> => {
    const blocked = await gate('listing', d.url);
    if (blocked) return blocked;
    const r = await fetchDiscovery(d.url, { ...fo(), accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
    const c = baseCheck('listing', r);
    if (r.error || r.status < 200 || r.status > 299) return fail(c, describeFetch(r));
    if (r.mediaType && !/html|xml|text\/plain|octet-stream/.test(r.mediaType)) return fail(c, `not HTML (${r.mediaType})`);
    let bytes: Uint8Array;
    try {
      bytes = decodeMaybeGzip(r.bytes ?? new Uint8Array());
    } catch (err) {
      return fail(c, (err as Error).message);
    }
    const html = decodeHtml(bytes, r.charset).text;
    const parsed = parseListing(html, r.finalUrl, source, { template: d.page, page: 1 });
    c.format = 'html';
    c.articleLinks = parsed.links.length;
    for (const l of parsed.links) c.newest = laterDate(c.newest, l.date);
    if (parsed.next) c.next = parsed.next;
    if (parsed.links.length === 0) return fail(c, 'zero article links (no link on the page matches articlePattern)');
    c.ok = true;
    return c;
  };

  const urls: UrlCheck[] = [];
  for (const d of source.discovery) {
    try {
      if (d.kind === 'sitemap') urls.push(await readSitemap(d.url, 0));
      else if (d.kind === 'feed') urls.push(await readFeed(d.url));
      else urls.push(await readListing(d));
    } catch (err) {
      urls.push({ kind: d.kind, url: d.url, status: 0, mediaType: '', ok: false, reason: (err as Error).message, elapsedMs: 0 });
    }
  }
  if (source.discovery.length === 0) {
    try {
      await robotsFor(source.home);
    } catch {
      /* reported below as no discovery */
    }
  }

  const declared = new Set(source.discovery.map((d) => d.url));
  const undeclaredSitemaps = [...new Set(robotsChecks.flatMap((c) => c.sitemaps ?? []))].filter((s) => !declared.has(s));
  const ok = source.discovery.length > 0 && urls.every((u) => u.ok);
  return { source, ok, robots: robotsChecks, urls, undeclaredSitemaps };
}

function fail(c: UrlCheck, reason: string): UrlCheck {
  c.ok = false;
  c.reason = reason;
  return c;
}

function zeroReason(found: number): string {
  return found === 0 ? 'zero article links (the document lists no URL)' : `zero article links (${found} URLs, none on the source's hosts matching articlePattern)`;
}

/** Checks sources with at most `concurrency` at once; results in the order given. */
export async function checkSources(
  sources: Source[],
  opts: CheckOptions & { concurrency?: number; onResult?: (r: SourceCheck, index: number) => void } = {},
): Promise<SourceCheck[]> {
  const limiter = opts.limiter ?? new HostLimiter();
  const results: SourceCheck[] = new Array(sources.length);
  let nextIndex = 0;
  const worker = async () => {
    for (;;) {
      const i = nextIndex++;
      if (i >= sources.length) return;
      results[i] = await checkSource(sources[i], { ...opts, limiter });
      opts.onResult?.(results[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, sources.length)) }, worker));
  return results;
}
