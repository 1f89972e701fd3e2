/**
 * Progress events of a crawl, for progress bars and logs. Every event names the URL it is about.
 */

/** Why a discovered URL was not fetched. */
export type SkipReason =
  /** Already stored (port `knownUrls`). */
  | 'known'
  /** Another spelling of a URL already taken this run (tracking parameters, fragment, AMP variant). */
  | 'duplicate'
  /** Its sitemap, feed or listing date is older than `since`. */
  | 'old'
  /** Disallowed by robots.txt (or robots.txt could not be read: 5xx, network failure). */
  | 'robots'
  /** Not on the source's hosts. */
  | 'offsite'
  /** On the source's hosts but not matching its article pattern (tag pages, static pages). */
  | 'not-article'
  /** Not an HTML page: a binary file extension, or a Content-Type seen before the body was downloaded. */
  | 'not-html'
  /** Beyond `maxPages` for this run. */
  | 'limit';

export const SKIP_REASONS: readonly SkipReason[] = ['known', 'duplicate', 'old', 'robots', 'offsite', 'not-article', 'not-html', 'limit'];

/** The kind of discovery resource. */
export type ResourceKind = 'robots' | 'sitemap' | 'feed' | 'listing';

export type CrawlProgressEvent =
  /** A discovery resource was read (or not: `error`; or unchanged: `notModified`). */
  | { type: 'discovery'; kind: ResourceKind; url: string; status: number; found: number; notModified?: boolean; error?: string }
  /** `count` more article URLs handed to the fetcher (while discovery goes on, and once it is over). */
  | { type: 'queued'; count: number }
  /** Discovery is over: `count` distinct article URLs found, `queued` of them fetched (in all, this run). */
  | { type: 'discovered'; count: number; queued: number }
  | { type: 'skipped'; url: string; reason: SkipReason; detail: string }
  /** A response for an article URL (every attempt and redirect hop). */
  | { type: 'fetched'; url: string; requestUrl: string; status: number }
  /** The URL will be tried again after `delayMs`. */
  | { type: 'retry'; url: string; reason: string; attempt: number; delayMs: number }
  | { type: 'saved'; url: string; pageId: string; status: number; bytes: number }
  | { type: 'failed'; url: string; reason: string; status: number };
