/**
 * Why one article page could not be fetched. These never end the crawl: Crawlee hands them to the failure
 * handler, which records them. `PageError`s are permanent (Crawlee does not retry them); `TransientError`s are
 * retried within the crawl's bounds.
 */
import { STATUS_CODES } from 'node:http';
import { NonRetryableError } from '@crawlee/core';
import { formatBytes } from '../../input/gzip.js';

/** A permanent failure of one page, with the reason recorded and the last HTTP status (0 when none). */
export class PageError extends NonRetryableError {
  override name = 'PageError';
  constructor(
    readonly reason: string,
    readonly status = 0,
  ) {
    super(reason);
  }
}

/** The body is over the size cap: the download was cut (or never started, from Content-Length). */
export class TooLargeError extends PageError {
  override name = 'TooLargeError';
  constructor(maxBytes: number, readonly received: number, declared?: number) {
    super(
      declared !== undefined
        ? `too large (Content-Length ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} cap): not downloaded`
        : `too large (over the ${formatBytes(maxBytes)} cap): download stopped after ${formatBytes(received)}`,
      200,
    );
  }
}

/** Not an HTML page (PDF, image...), seen from the Content-Type before the body was downloaded. */
export class NotHtmlError extends PageError {
  override name = 'NotHtmlError';
  constructor(readonly mediaType: string, status: number) {
    super(`not an HTML page (${mediaType})`, status);
  }
}

/** A redirect that is not followed: a loop, too many hops, another site, no Location. */
export class RedirectError extends PageError {
  override name = 'RedirectError';
}

/** `HTTP 404 Not Found`. */
export function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return `HTTP ${status}${text ? ` ${text}` : ''}`;
}

/** A status worth retrying: 408, 425, 429 and 5xx. `retryAfterMs` when the server said when. */
export class TransientError extends Error {
  override name = 'TransientError';
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(statusText(status));
  }
}
