/**
 * A fetched page as the crawl hands it to storage, and the validators kept for conditional re-fetches. Shared by
 * src/crawl (which produces them) and src/store (which keeps them), so neither depends on the other.
 */

/** One fetched article page, or a permanent failure to fetch it (then `body` is null and `error` says why). */
export interface FetchedPage {
  /** Canonical URL: the key (a second save of the same URL updates the row). */
  url: string;
  sourceId?: string | null;
  /** The URL the response came from after redirects, when different. */
  finalUrl?: string | null;
  /** HTTP status; 0 when there was no response. */
  status: number;
  /** Default: now. */
  fetchedAt?: Date | string;
  contentType?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  /** Response headers worth keeping (lower-case names). */
  headers?: Record<string, string>;
  /**
   * Raw body: bytes as received (after Content-Encoding, before any charset decoding), or a string (stored as
   * UTF-8). Null when there is none (an error).
   */
  body?: Uint8Array | string | null;
  /** Why the fetch failed, if it did. */
  error?: string | null;
}

/** HTTP validators of a resource (sitemap, feed), for `If-None-Match` / `If-Modified-Since` next time. */
export interface FetchValidators {
  etag?: string | null;
  lastModified?: string | null;
  /** When the response carrying them was received. Default: now. */
  fetchedAt?: Date | string;
}
