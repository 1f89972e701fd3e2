/**
 * Errors that end a whole crawl. A bad page never does: page-level failures are recorded in the stats.
 */

/** Base class: something stopped the crawl of one source. */
export class CrawlError extends Error {
  override name = 'CrawlError';
  constructor(
    /** The source whose crawl stopped. */
    readonly sourceId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`crawl of ${sourceId}: ${message}`, options);
  }
}

/** The source cannot be crawled as declared (an article pattern that does not compile, a bad `since`...). */
export class CrawlConfigError extends CrawlError {
  override name = 'CrawlConfigError';
}

/**
 * A storage port (`knownUrls`, `savePage`) failed. The crawl stopped at once so that no further page is fetched
 * and then lost; every page saved before it is stored.
 */
export class CrawlStorageError extends CrawlError {
  override name = 'CrawlStorageError';
  constructor(
    sourceId: string,
    /** The port that threw. */
    readonly port: 'knownUrls' | 'savePage',
    /** The page being saved, for `savePage`. */
    readonly url: string | undefined,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(sourceId, `storage failed in ${port}${url ? ` for ${url}` : ''}: ${why}`, { cause });
  }
}
