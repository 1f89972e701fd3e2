/**
 * Fetching the article pages chosen from the frontier with a Crawlee BasicCrawler whose request handler makes the
 * request itself (no HTML parsing: the crawl stores bytes, the extraction workers parse).
 *
 * Crawlee runs the queue, the concurrency, the retries and their bookkeeping; the handler is a polite,
 * byte-exact archiver:
 * - before each attempt: wait for the host's turn in the shared limiter (and any Retry-After pause or retry
 *   backoff), send our User-Agent, never follow redirects by itself, so every hop is checked (same site,
 *   robots.txt, loops) and spaced like a request;
 * - once the headers are in: refuse non-HTML types and an over-cap Content-Length before any body byte is read,
 *   drop the body of non-2xx answers, read 2xx bodies as raw bytes under the cap (`body-capture.ts`);
 * - then decide on the status: save a 2xx, enqueue the next redirect hop, throw a transient error for
 *   408/425/429/5xx (Crawlee retries, `errorHandler` sets the delay) or a permanent one;
 * - `failedRequestHandler` records every permanent failure and saves it without a body.
 * The HTTP client is ours (`NodeHttpClient`: plain node:http with keep-alive and decompression). Why not
 * Crawlee's HttpCrawler: its navigation hooks, cookie jar, content-type parsing (with an argument check that
 * captures a stack trace, twice per page) and response decoding serve a crawler that parses pages; here they
 * cost a fifth of the crawl's CPU and did nothing the handler uses. Session pool, robots handling, storage
 * persistence and system polling are off.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { totalmem } from 'node:os';
import { Configuration, Log, LogLevel } from '@crawlee/core';
import { BasicCrawler } from '@crawlee/basic';
import type { BasicCrawlingContext } from '@crawlee/basic';
import { MemoryStorage } from '@crawlee/memory-storage';
import type { RequestOptions, RequestQueue } from '@crawlee/core';
import { FetchQueue } from './fetch-queue.js';
import { isAcceptableMediaType } from '../../input/http.js';
import type { FetchedPage } from '../../types/page.js';
import type { Source } from '../../types/source.js';
import { BodyCapture, discard } from './body-capture.js';
import { NodeHttpClient } from './http-client.js';
import { CrawlStorageError } from './errors.js';
import type { FrontierEntry } from './frontier.js';
import type { OnSite } from './hosts.js';
import type { ResolvedOptions } from './options.js';
import { NotHtmlError, PageError, RedirectError, TooLargeError, TransientError, statusText } from './page-errors.js';
import { parseRetryAfter, sleep, type HostGate } from './politeness.js';
import type { CrawlPorts } from './ports.js';
import type { RobotsCache } from './robots-cache.js';
import type { StatsRecorder } from './stats.js';

/** What travels with each Crawlee request (JSON: Crawlee stores it in its queue). */
interface RequestData {
  /** Canonical URL of the article: the key saved, whatever hop this is. */
  key: string;
  /** Redirect hops so far; `chain` holds every URL requested for the article, in order. */
  hop: number;
  chain: string[];
  /** Retries spent on 5xx / network failures, and on Retry-After answers. */
  transient: number;
  retryAfter: number;
  /** Epoch ms before which the request must not start (retry backoff). */
  notBefore?: number;
}

export interface FetchDeps {
  source: Source;
  options: ResolvedOptions;
  gate: HostGate;
  robots: RobotsCache;
  onSite: OnSite;
  ports: CrawlPorts;
  recorder: StatsRecorder;
  /** Aborted when the crawl must stop (user signal or fatal error). */
  stop: AbortController;
  /** Records the error that ends the crawl (and aborts `stop`). */
  fatal: (err: CrawlStorageError) => void;
}

const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Response headers kept with a stored page. */
const KEPT_HEADERS = ['content-type', 'content-length', 'content-language', 'content-encoding', 'last-modified', 'etag', 'date', 'cache-control', 'expires', 'link', 'x-robots-tag', 'location'];

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function keptHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = header(headers, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function mediaTypeOf(headers: IncomingHttpHeaders): string {
  return (header(headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** A failure reason for an error that is not one of ours (network, timeout). */
function describeError(err: unknown, timeoutMs: number): string {
  if (err instanceof PageError) return err.reason;
  if (err instanceof TransientError) return err.message;
  const e = err as { code?: string; name?: string; message?: string };
  const message = e?.message ?? String(err);
  if (e?.name === 'TimeoutError' || /timed? ?out/i.test(message)) return `timed out after ${timeoutMs / 1000} s`;
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS failure (host not found)';
    case 'ECONNRESET':
      return 'connection reset by the server';
    default:
      return `network error (${message.split('\n')[0]})`;
  }
}

/** Fetches frontier entries as they are handed over; see `startFetching`. */
export interface ArticleFetcher {
  /** Queues entries (already marked `queued`) for fetching; they start at once, in the order given. */
  add(entries: readonly FrontierEntry[]): void;
  /**
   * Says no more entries will come and resolves once every queued one is dealt with (saved, failed or, after a
   * stop, left `unfinished`).
   */
  finish(): Promise<void>;
}

/**
 * Starts an article fetcher: entries added are fetched while more may still come, so that a crawl fetches the
 * articles discovery has found while discovery goes on. Crawlee starts with the first entry (an empty crawl
 * never builds a crawler).
 */
export function startFetching(deps: FetchDeps): ArticleFetcher {
  const { source, options, gate, recorder, stop } = deps;
  const byKey = new Map<string, FrontierEntry>();
  const queue = new FetchQueue();
  const captures = new WeakMap<object, BodyCapture>();
  const stats = recorder.stats;

  const save = async (page: FetchedPage): Promise<string | undefined> => {
    try {
      return await deps.ports.savePage(page);
    } catch (err) {
      deps.fatal(new CrawlStorageError(source.id, 'savePage', page.url, err));
      return undefined;
    }
  };

  /**
   * A controller per request attempt, aborted with the crawl. got leaves its abort listener on the signal it is
   * given, so that cannot be `stop.signal` (one listener, holding the whole attempt, would pile up per request),
   * nor `AbortSignal.any([stop.signal])` (Node keeps a composite signal that has listeners alive, with all they
   * reach, for as long as its source lives: the crawl's memory then grows with every page). The controller is
   * dropped when the attempt ends (handler, retry or failure), and the listener with it.
   */
  const inFlight = new Map<object, AbortController>();
  const release = (ctx: object) => inFlight.delete(ctx);

  /**
   * One attempt at a request: wait for the host's turn (and any retry backoff), send it without following
   * redirects, and read the body only when it is wanted: a 2xx HTML answer, within `maxBodyBytes` (refused on
   * its Content-Length before any byte is read, else cut off once passed, which closes the connection).
   */
  const fetchOnce = async (ctx: BasicCrawlingContext): Promise<BodyCapture> => {
    const { request } = ctx;
    const data = request.userData as RequestData;
    if (data.notBefore) await sleep(data.notBefore - Date.now(), stop.signal);
    const host = new URL(request.url).host;
    await gate.acquire(host, gate.intervalFor(host), stop.signal);
    const controller = new AbortController();
    if (stop.signal.aborted) controller.abort(stop.signal.reason);
    inFlight.set(ctx, controller);
    // Every hop is checked and spaced by `followRedirect` below (NodeHttpClient never follows by itself).
    const response = await httpClient.stream({
      url: request.url,
      method: 'GET',
      headers: { 'user-agent': options.userAgent, accept: ACCEPT, 'accept-language': 'id,en;q=0.8' },
      signal: controller.signal,
      timeout: { request: options.timeoutMs },
    });
    const status = response.statusCode;
    const capture = new BodyCapture(options.maxBodyBytes, status, response.headers, response.url || request.url);
    captures.set(request, capture);
    stats.fetched++;
    recorder.emit({ type: 'fetched', url: data.key, requestUrl: request.url, status });
    if (status < 200 || status > 299) {
      // Only 2xx bodies are kept; an error page is not worth downloading.
      discard(response.stream);
      return capture;
    }
    const mediaType = mediaTypeOf(response.headers);
    if (!isAcceptableMediaType(mediaType)) {
      discard(response.stream);
      throw new NotHtmlError(mediaType, status);
    }
    const declared = Number(header(response.headers, 'content-length'));
    if (Number.isFinite(declared) && declared > options.maxBodyBytes && !header(response.headers, 'content-encoding')) {
      discard(response.stream);
      throw new TooLargeError(options.maxBodyBytes, 0, declared);
    }
    await capture.read(response.stream);
    return capture;
  };

  const followRedirect = async (ctx: BasicCrawlingContext, capture: BodyCapture): Promise<void> => {
    const data = ctx.request.userData as RequestData;
    const location = header(capture.headers, 'location');
    const fail = (why: string) => new RedirectError(why, capture.status);
    if (!location) throw fail(`HTTP ${capture.status} redirect without a Location header`);
    let target: URL;
    try {
      target = new URL(location, ctx.request.url);
    } catch {
      throw fail(`redirect to an invalid URL (${location})`);
    }
    target.hash = '';
    const chain = [...data.chain, target.href];
    if (data.chain.includes(target.href)) throw fail(`redirect loop (${chain.join(' -> ')})`);
    if (data.hop >= options.maxRedirects) throw fail(`too many redirects (more than ${options.maxRedirects})`);
    if (!deps.onSite(target)) throw fail(`redirect to another site (${target.href}): not followed`);
    const verdict = await deps.robots.check(target);
    if (!verdict.allowed) throw fail(`redirect to ${target.href}, ${verdict.reason}`);
    const next: RequestOptions = {
      url: target.href,
      uniqueKey: `${data.key} (redirect ${data.hop + 1})`,
      userData: { key: data.key, hop: data.hop + 1, chain, transient: 0, retryAfter: 0 } satisfies RequestData,
    };
    queue.push([next], true);
    crawler.autoscaledPool?.notify();
  };

  const handle = async (ctx: BasicCrawlingContext) => {
    let capture: BodyCapture;
    try {
      capture = await fetchOnce(ctx);
    } finally {
      // The body is in (or the attempt failed): the request is over.
      release(ctx);
    }
    const data = ctx.request.userData as RequestData;
    const entry = byKey.get(data.key)!;
    const status = capture.status;
    stats.bytes += capture.bytes;
    if (REDIRECTS.has(status)) return followRedirect(ctx, capture);
    if (status === 408 || status === 425 || status === 429 || status >= 500) {
      throw new TransientError(status, status === 429 || status === 503 ? parseRetryAfter(capture.headers['retry-after']) : undefined);
    }
    if (status < 200 || status > 299) throw new PageError(statusText(status), status);
    if (stop.signal.aborted) return;
    const body = capture.body();
    const contentType = header(capture.headers, 'content-type') ?? null;
    const pageId = await save({
      url: data.key,
      sourceId: source.id,
      finalUrl: capture.url !== data.key ? capture.url : null,
      status,
      fetchedAt: new Date(),
      contentType,
      etag: header(capture.headers, 'etag') ?? null,
      lastModified: header(capture.headers, 'last-modified') ?? null,
      headers: keptHeaders(capture.headers),
      body,
    });
    if (pageId === undefined) return;
    entry.state = 'saved';
    stats.saved++;
    recorder.emit({ type: 'saved', url: data.key, pageId, status, bytes: body.byteLength });
    if (deps.ports.onArticle) {
      try {
        await deps.ports.onArticle(pageId, data.key);
      } catch (err) {
        recorder.hookFailed(data.key, (err as Error)?.message ?? String(err));
      }
    }
  };

  /** Called by Crawlee before it retries: decides whether to, and when. */
  const beforeRetry = (ctx: BasicCrawlingContext, error: Error) => {
    release(ctx);
    const { request } = ctx;
    const data = request.userData as RequestData;
    if (stop.signal.aborted) {
      request.noRetry = true;
      return;
    }
    const host = new URL(request.url).host;
    if (error instanceof TransientError && error.retryAfterMs !== undefined) {
      if (data.retryAfter >= options.retryAfterRetries || error.retryAfterMs > options.maxRetryAfterMs) {
        request.noRetry = true;
        return;
      }
      data.retryAfter++;
      // The server asked the whole host to slow down, not just this URL.
      gate.pause(host, error.retryAfterMs);
      recorder.emit({ type: 'retry', url: data.key, reason: `${error.message}, Retry-After`, attempt: request.retryCount + 2, delayMs: error.retryAfterMs });
      return;
    }
    if (error instanceof PageError || data.transient >= options.retries) {
      request.noRetry = true;
      return;
    }
    data.transient++;
    const delay = options.retryDelayMs * 2 ** (data.transient - 1);
    data.notBefore = Date.now() + delay;
    recorder.emit({ type: 'retry', url: data.key, reason: describeError(error, options.timeoutMs), attempt: request.retryCount + 2, delayMs: delay });
  };

  const failed = async (ctx: BasicCrawlingContext, error: Error) => {
    release(ctx);
    const data = ctx.request.userData as RequestData;
    const entry = byKey.get(data.key)!;
    if (stop.signal.aborted) {
      entry.state = 'unfinished';
      return;
    }
    const capture = captures.get(ctx.request);
    // The capped stream failed before the handler ran: count what was read.
    if (capture && error instanceof TooLargeError) stats.bytes += capture.bytes;
    let reason = describeError(error, options.timeoutMs);
    if (error instanceof TransientError) {
      const longWait = error.retryAfterMs !== undefined && error.retryAfterMs > options.maxRetryAfterMs;
      reason += longWait
        ? ` (Retry-After ${Math.round(error.retryAfterMs! / 1000)} s is over the ${options.maxRetryAfterMs / 1000} s limit)`
        : ` (gave up after ${ctx.request.retryCount + 1} attempts)`;
    }
    const status = error instanceof PageError || error instanceof TransientError ? error.status : (capture?.status ?? 0);
    if (error instanceof NotHtmlError) {
      entry.state = 'not-html';
      recorder.skip(data.key, 'not-html', reason);
    } else {
      entry.state = 'failed';
      recorder.fail(data.key, reason, status);
    }
    const finalUrl = capture?.url ?? ctx.request.url;
    await save({
      url: data.key,
      sourceId: source.id,
      finalUrl: finalUrl !== data.key ? finalUrl : null,
      status,
      fetchedAt: new Date(),
      contentType: capture ? (header(capture.headers, 'content-type') ?? null) : null,
      headers: capture ? keptHeaders(capture.headers) : {},
      body: null,
      error: reason,
    });
  };

  let crawler!: BasicCrawler;
  let run: Promise<unknown> | undefined;
  let runError: unknown;
  const onStop = () => {
    for (const controller of inFlight.values()) controller.abort(stop.signal.reason);
    crawler?.stop('pantau: crawl stopped');
  };
  const httpClient = new NodeHttpClient({ maxSocketsPerHost: Math.max(8, options.concurrency * 2) });

  const start = () => {
    crawler = buildCrawler(deps, queue, { handle, beforeRetry, failed });
    stop.signal.addEventListener('abort', onStop, { once: true });
    // Caught here and rethrown by finish(): a crawler failing before finish() is called must not be unhandled.
    run = crawler.run().catch((err: unknown) => {
      runError = err;
    });
  };

  return {
    add(entries) {
      if (entries.length === 0) return;
      if (stop.signal.aborted) {
        for (const e of entries) e.state = 'unfinished';
        return;
      }
      for (const e of entries) byKey.set(e.key, e);
      queue.push(
        entries.map((e): RequestOptions => ({
          url: e.fetchUrl,
          uniqueKey: e.key,
          userData: { key: e.key, hop: 0, chain: [e.fetchUrl], transient: 0, retryAfter: 0 } satisfies RequestData,
        })),
      );
      if (!run) start();
      else crawler.autoscaledPool?.notify();
    },
    async finish() {
      queue.close();
      try {
        if (run) {
          crawler.autoscaledPool?.notify();
          await run;
          if (runError) throw runError;
        }
      } finally {
        stop.signal.removeEventListener('abort', onStop);
        httpClient.close();
      }
      for (const e of byKey.values()) if (e.state === 'queued') e.state = 'unfinished';
    },
  };
}

interface Handlers {
  handle: (ctx: BasicCrawlingContext) => Promise<void>;
  beforeRetry: (ctx: BasicCrawlingContext, error: Error) => void;
  failed: (ctx: BasicCrawlingContext, error: Error) => Promise<void>;
}

function buildCrawler(deps: FetchDeps, queue: FetchQueue, h: Handlers): BasicCrawler {
  const { source, options, gate, recorder } = deps;
  // A private in-memory storage: nothing is written to ./storage, and concurrent crawls share nothing. The
  // requests themselves live in `queue`, not in a storage client.
  const config = new Configuration({
    persistStorage: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    // System info (memory by spawning `ps` and `cat`, every second by default) only feeds autoscaling, which is
    // off (fixed concurrency below).
    systemInfoIntervalMillis: 3_600_000,
    // Known, so the autoscaled pool does not spawn `ps` to measure the machine's memory when it starts.
    memoryMbytes: Math.floor(totalmem() / 1024 / 1024),
  });
  const maxWaitMs = options.concurrency * Math.max(...gate.intervals.values(), gate.baseIntervalMs) + options.maxRetryAfterMs + options.retryDelayMs * 2 ** options.retries;
  return new BasicCrawler(
    {
      // Crawlee 3.18 takes an IRequestManager as `requestManager`, but its option check still refuses that key;
      // as `requestQueue` (checked for fetchNextRequest and addRequest) it becomes the request manager all the same.
      requestQueue: queue as unknown as RequestQueue,
      requestHandler: h.handle,
      errorHandler: h.beforeRetry,
      failedRequestHandler: async (ctx, error) => {
        try {
          await h.failed(ctx, error);
        } catch (err) {
          // A throw here would terminate Crawlee; nothing may, short of the storage errors handled in save().
          recorder.fail((ctx.request.userData as RequestData).key, `internal error: ${(err as Error).message}`, 0);
        }
      },
      useSessionPool: false,
      maxRequestRetries: options.retries + options.retryAfterRetries + 1,
      // Fixed: Crawlee's autoscaling would cut the crawl down to one request at a time whenever the machine's
      // CPU is busy — which, with extraction workers beside it, is always. Politeness is the host gate's job.
      minConcurrency: options.concurrency,
      maxConcurrency: options.concurrency,
      autoscaledPoolOptions: { desiredConcurrency: options.concurrency },
      // Covers the wait for the host's turn, the request, the body and the ports.
      requestHandlerTimeoutSecs: Math.ceil((2 * options.timeoutMs + maxWaitMs) / 1000) + 60,
      log: new Log({ level: options.log ? LogLevel.INFO : LogLevel.OFF, prefix: `crawl ${source.id}` }),
    },
    config,
  );
}
