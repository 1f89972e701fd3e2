/**
 * Polite fetching of discovery resources (robots.txt, sitemaps, feeds, listing pages): per-host spacing,
 * manual redirects, one timeout over the whole exchange, a streamed size cap, and a result (never a throw)
 * that keeps the HTTP status so a report can show it.
 */
import { STATUS_CODES } from 'node:http';
import { HostLimiter, defaultUserAgent } from '../../input/http.js';
import { MAX_DISCOVERY_BYTES } from './bytes.js';

export interface DiscoveryFetchOptions {
  /** Whole-exchange timeout, redirects and body included. Default 20 s. */
  timeoutMs?: number;
  /** Size cap of the body as received. Default 20 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Minimum spacing between request starts to one host. Default 1000 ms. */
  hostIntervalMs?: number;
  /** Spacing per host overriding `hostIntervalMs` (robots.txt Crawl-delay, a source's crawlDelay). */
  hostIntervals?: Map<string, number>;
  userAgent?: string;
  limiter?: HostLimiter;
  /** Conditional request headers. */
  etag?: string;
  lastModified?: string;
  accept?: string;
  signal?: AbortSignal;
}

export type FetchErrorKind = 'dns' | 'refused' | 'timeout' | 'reset' | 'tls' | 'too-large' | 'redirects' | 'network';

export interface DiscoveryFetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** HTTP status of the final response; 0 when none was received. */
  status: number;
  statusText: string;
  /** Media type without parameters, lower case, '' when none. */
  mediaType: string;
  charset: string | null;
  /** Headers that matter for re-fetching and politeness. */
  etag?: string;
  lastModified?: string;
  retryAfter?: string;
  /** The body (only for 2xx responses). */
  bytes?: Uint8Array;
  /** Why no usable response was received (network failures, timeouts, size cap, redirect trouble). */
  error?: { kind: FetchErrorKind; message: string };
  elapsedMs: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A process-wide limiter for discovery fetches. */
export const discoveryLimiter = new HostLimiter();

function classify(err: unknown): { kind: FetchErrorKind; message: string } {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return { kind: 'dns', message: 'DNS failure (host not found)' };
    case 'ECONNREFUSED':
      return { kind: 'refused', message: 'connection refused' };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return { kind: 'reset', message: 'connection reset by the server' };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', message: 'connection timed out' };
    default:
      if (/CERT|SSL|TLS/i.test(code)) return { kind: 'tls', message: `TLS error (${code})` };
      return { kind: 'network', message: `network error (${cause?.message ?? (err as Error).message ?? String(err)})` };
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** Fetches one URL politely. Never throws (aborts through `signal` included): failures are in `error`. */
export async function fetchDiscovery(url: string, opts: DiscoveryFetchOptions = {}): Promise<DiscoveryFetchResult> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? MAX_DISCOVERY_BYTES;
  const maxRedirects = opts.maxRedirects ?? 5;
  const limiter = opts.limiter ?? discoveryLimiter;
  const started = Date.now();
  const result: DiscoveryFetchResult = {
    url, finalUrl: url, status: 0, statusText: '', mediaType: '', charset: null, elapsedMs: 0,
  };
  const done = (error?: DiscoveryFetchResult['error']) => {
    if (error) result.error = error;
    result.elapsedMs = Date.now() - started;
    return result;
  };

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return done({ kind: 'network', message: 'invalid URL' });
  }

  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const startTimer = () => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
  };
  const onOuterAbort = () => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (opts.signal?.aborted) controller.abort(opts.signal.reason);
  const failure = (err: unknown): { kind: FetchErrorKind; message: string } =>
    timedOut ? { kind: 'timeout', message: `timed out after ${seconds(timeoutMs)}` }
    : controller.signal.aborted ? { kind: 'network', message: 'aborted' }
    : classify(err);

  const headers: Record<string, string> = {
    'User-Agent': opts.userAgent ?? defaultUserAgent(),
    Accept: opts.accept ?? 'application/xml,text/xml,application/rss+xml,application/atom+xml,text/html;q=0.9,*/*;q=0.5',
    'Accept-Language': 'id,en;q=0.8',
  };
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;

  try {
    let res: Response;
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        return done({ kind: 'redirects', message: `redirect to a non-HTTP URL (${current.href})` });
      }
      const interval = opts.hostIntervals?.get(current.host) ?? opts.hostIntervalMs ?? 1000;
      try {
        // The first wait for the host's turn is not part of the timeout; later hops are.
        if (hop === 0) {
          await limiter.acquire(current.host, interval, opts.signal);
          startTimer();
        } else {
          await limiter.acquire(current.host, interval, controller.signal);
        }
        res = await fetch(current, { redirect: 'manual', headers, signal: controller.signal });
      } catch (err) {
        return done(failure(err));
      }
      if (!REDIRECTS.has(res.status)) break;
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) return done({ kind: 'redirects', message: `HTTP ${res.status} redirect without a Location header` });
      if (hop >= maxRedirects) return done({ kind: 'redirects', message: `too many redirects (more than ${maxRedirects})` });
      try {
        current = new URL(location, current);
      } catch {
        return done({ kind: 'redirects', message: `redirect to an invalid URL (${location})` });
      }
    }
    result.finalUrl = current.href;
    result.status = res.status;
    result.statusText = res.statusText || STATUS_CODES[res.status] || '';
    const contentType = res.headers.get('content-type') ?? '';
    result.mediaType = contentType.split(';')[0].trim().toLowerCase();
    result.charset = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType)?.[2] ?? null;
    const etag = res.headers.get('etag');
    if (etag) result.etag = etag;
    const lastModified = res.headers.get('last-modified');
    if (lastModified) result.lastModified = lastModified;
    const retryAfter = res.headers.get('retry-after');
    if (retryAfter) result.retryAfter = retryAfter;
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      return done();
    }
    const tooLarge = { kind: 'too-large' as const, message: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes && !res.headers.get('content-encoding')) {
      await res.body?.cancel().catch(() => undefined);
      return done(tooLarge);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done: end, value } = await reader.read();
          if (end) break;
          total += value.byteLength;
          if (total > maxBytes) {
            controller.abort(new Error('size cap'));
            await reader.cancel().catch(() => undefined);
            return done(tooLarge);
          }
          chunks.push(value);
        }
      } catch (err) {
        return done(failure(err));
      }
    }
    result.bytes = Buffer.concat(chunks, total);
    return done();
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** `HTTP 404 Not Found`, or the error message: one phrase for a report. */
export function describeFetch(r: DiscoveryFetchResult): string {
  if (r.error) return r.error.message;
  return `HTTP ${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
}
