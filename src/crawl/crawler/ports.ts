/**
 * What the crawl needs from the rest of the pipeline, as plain functions: which URLs are already stored, where
 * fetched pages go, what to do once an article is stored, and where validators of sitemaps and feeds live.
 * The crawl knows nothing of the database or the queue; src/store and the workers implement these.
 */
import type { FetchedPage, FetchValidators } from '../../types/page.js';

export type { FetchedPage, FetchValidators };

export interface CrawlPorts {
  /**
   * The subset of `urls` (canonical) already stored, with or without a body. Those are not fetched again.
   * Called in batches during discovery. A throw stops the crawl with a `CrawlStorageError`.
   */
  knownUrls(urls: string[]): Promise<Set<string>>;
  /**
   * Stores a fetched article page (raw body bytes) or a permanent failure (`body: null`, `error` set) and returns
   * its page id. A throw stops the crawl with a `CrawlStorageError`: nothing fetched after it is lost, since it
   * is not fetched at all.
   */
  savePage(page: FetchedPage): Promise<string>;
  /**
   * Called (and awaited) after a page WITH a body is saved: the pipeline queues its extraction here. A throw is
   * recorded in the stats and the crawl goes on.
   */
  onArticle?(pageId: string, url: string): Promise<void> | void;
  /** Validators stored for a sitemap or feed URL (as requested). Without it, no conditional requests are made. */
  getValidators?(url: string): Promise<FetchValidators | null | undefined>;
  /**
   * Stores the validators of a sitemap or feed. Only called once every article URL the resource listed has been
   * dealt with (stored, failed for good, or skipped on purpose), so a later 304 never hides an unfetched article.
   */
  putValidators?(url: string, validators: FetchValidators): Promise<void>;
}
