/**
 * Options of `crawlSource`, their defaults, and their validation.
 */
import { defaultUserAgent, HostLimiter } from '../../input/http.js';
import type { Source } from '../../types/source.js';
import { CrawlConfigError } from './errors.js';
import type { CrawlProgressEvent } from './events.js';

export interface CrawlOptions {
  /** Most article pages fetched this run (retries and redirect hops not counted). Default 1000. */
  maxPages?: number;
  /**
   * `YYYY-MM-DD`: discovered URLs whose sitemap, feed or listing date is known and older are skipped (unknown
   * dates are kept); listings stop paginating at a page whose dated links are all older; child sitemaps whose
   * `lastmod` is older are not read. Default: no limit.
   */
  since?: string;
  /**
   * Least time between the starts of two requests to one host (`host:port`), in ms; a larger source
   * `crawlDelay` or robots.txt `Crawl-delay` wins. Default 1000; 0 turns it off (benchmarks).
   */
  politenessMs?: number;
  /** Largest article response accepted, in bytes: streamed and aborted beyond. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Largest discovery resource (sitemap, feed, listing, robots.txt), in bytes. Default 20 MiB. */
  maxDiscoveryBytes?: number;
  /** Time allowed for one request (headers and body), in ms. Default 30000. */
  timeoutMs?: number;
  /** Retries of an article after a 5xx answer or a network failure (429/503 with Retry-After aside). Default 2. */
  retries?: number;
  /** Wait before the first such retry, in ms; doubled for each further one. Default 1000. */
  retryDelayMs?: number;
  /** Retries of an article answered 429 or 503 with a Retry-After. Default 3. */
  retryAfterRetries?: number;
  /** Longest Retry-After honoured, in ms; a longer one fails the page. Default 120000 (2 min). */
  maxRetryAfterMs?: number;
  /** Longest robots.txt Crawl-delay honoured, in seconds (a larger one is lowered to it). Default 30. */
  maxCrawlDelay?: number;
  /** Redirects followed for one article before giving up. Default 5. */
  maxRedirects?: number;
  /** Listing pages read per listing entry when the entry gives no `maxPages`. Default 5. */
  maxListingPages?: number;
  /** Child sitemaps read per crawl (newest first by `lastmod`). Default 200. */
  maxSitemaps?: number;
  /** Article requests in flight at once (the per-host spacing still applies). Default 4. */
  concurrency?: number;
  /** Send stored validators with sitemap and feed requests (and skip them on 304). Default true. */
  conditional?: boolean;
  /** User-Agent of every request; robots.txt groups are matched against it. Default `pantau/<version> (...)`. */
  userAgent?: string;
  /**
   * Per-host spacing shared with other crawls and fetches of the process. Default: one limiter shared by every
   * `crawlSource` call of the process.
   */
  limiter?: HostLimiter;
  /** Most `{url, reason}` entries kept in `CrawlStats.problems`. Default 1000. */
  maxIssues?: number;
  /** Progress events (discovery, skips, fetches, saves, failures). Exceptions it throws are ignored. */
  onProgress?: (event: CrawlProgressEvent) => void;
  /** Stops the crawl: requests in flight are abandoned, nothing more is fetched, partial stats are returned. */
  signal?: AbortSignal;
  /** Let Crawlee print its own log (for debugging). Default false. */
  log?: boolean;
}

/** The limiter shared by every crawl of the process unless one is given. */
export const crawlLimiter = new HostLimiter();

export type ResolvedOptions = Required<Omit<CrawlOptions, 'since' | 'onProgress' | 'signal'>> &
  Pick<CrawlOptions, 'since' | 'onProgress' | 'signal'>;

export const CRAWL_DEFAULTS = {
  maxPages: 1000,
  politenessMs: 1000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxDiscoveryBytes: 20 * 1024 * 1024,
  timeoutMs: 30_000,
  retries: 2,
  retryDelayMs: 1000,
  retryAfterRetries: 3,
  maxRetryAfterMs: 120_000,
  maxCrawlDelay: 30,
  maxRedirects: 5,
  maxListingPages: 5,
  maxSitemaps: 200,
  concurrency: 4,
  conditional: true,
  maxIssues: 1000,
  log: false,
} as const;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function count(source: Source, name: string, value: number | undefined, fallback: number, min = 0): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new CrawlConfigError(source.id, `option ${name} must be a number >= ${min}, got ${String(value)}`);
  }
  return v;
}

/** Fills in defaults; throws CrawlConfigError on a malformed option. */
export function resolveOptions(source: Source, o: CrawlOptions): ResolvedOptions {
  if (o.since !== undefined && !DAY.test(o.since)) {
    throw new CrawlConfigError(source.id, `option since must be YYYY-MM-DD, got ${JSON.stringify(o.since)}`);
  }
  const d = CRAWL_DEFAULTS;
  return {
    maxPages: Math.floor(count(source, 'maxPages', o.maxPages, d.maxPages)),
    since: o.since,
    politenessMs: count(source, 'politenessMs', o.politenessMs, d.politenessMs),
    maxBodyBytes: count(source, 'maxBodyBytes', o.maxBodyBytes, d.maxBodyBytes, 1),
    maxDiscoveryBytes: count(source, 'maxDiscoveryBytes', o.maxDiscoveryBytes, d.maxDiscoveryBytes, 1),
    timeoutMs: count(source, 'timeoutMs', o.timeoutMs, d.timeoutMs, 1),
    retries: Math.floor(count(source, 'retries', o.retries, d.retries)),
    retryDelayMs: count(source, 'retryDelayMs', o.retryDelayMs, d.retryDelayMs),
    retryAfterRetries: Math.floor(count(source, 'retryAfterRetries', o.retryAfterRetries, d.retryAfterRetries)),
    maxRetryAfterMs: count(source, 'maxRetryAfterMs', o.maxRetryAfterMs, d.maxRetryAfterMs),
    maxCrawlDelay: count(source, 'maxCrawlDelay', o.maxCrawlDelay, d.maxCrawlDelay),
    maxRedirects: Math.floor(count(source, 'maxRedirects', o.maxRedirects, d.maxRedirects)),
    maxListingPages: Math.floor(count(source, 'maxListingPages', o.maxListingPages, d.maxListingPages, 1)),
    maxSitemaps: Math.floor(count(source, 'maxSitemaps', o.maxSitemaps, d.maxSitemaps)),
    concurrency: Math.floor(count(source, 'concurrency', o.concurrency, d.concurrency, 1)),
    conditional: o.conditional ?? d.conditional,
    userAgent: o.userAgent ?? defaultUserAgent(),
    limiter: o.limiter ?? crawlLimiter,
    maxIssues: Math.floor(count(source, 'maxIssues', o.maxIssues, d.maxIssues)),
    onProgress: o.onProgress,
    signal: o.signal,
    log: o.log ?? d.log,
  };
}
