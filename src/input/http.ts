import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { InputError } from './errors.js';
import { formatBytes } from './gzip.js';

let cachedVersion: string | undefined;

/** The package version, read once from package.json (two levels above both src/input and dist/input). */
export function packageVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version?: string;
      };
      cachedVersion = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      cachedVersion = '0.0.0';
    }
  }
  return cachedVersion;
}

/** `pantau/<version> (+https://github.com/pantau; news research)`. */
export function defaultUserAgent(): string {
  return `pantau/${packageVersion()} (+https://github.com/pantau; news research)`;
}

/**
 * Spaces the starts of requests to one host: each `acquire(host)` resolves at least `intervalMs` after the
 * previous one for that host resolved. Hosts are independent. Safe for concurrent callers (slots are reserved
 * synchronously, in call order).
 */
export class HostLimiter {
  private readonly next = new Map<string, number>();

  async acquire(host: string, intervalMs: number, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    if (this.next.size > 10_000) {
      for (const [h, t] of this.next) if (t <= now) this.next.delete(h);
    }
    const slot = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, slot + Math.max(0, intervalMs));
    if (slot > now) await sleep(slot - now, signal);
  }

  /** Forgets every host (for tests). */
  reset(): void {
    this.next.clear();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The limiter shared by every `readInput` call of the process. */
export const hostLimiter = new HostLimiter();

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  hostIntervalMs: number;
  userAgent: string;
  signal?: AbortSignal;
  limiter: HostLimiter;
}

/** What a successful fetch returns: the raw body (already decoded from Content-Encoding by fetch). */
export interface FetchedBody {
  bytes: Uint8Array;
  /** The URL after redirects. */
  url: string;
  /** Media type in lower case without parameters (`text/html`), '' when the server sent none. */
  mediaType: string;
  /** The charset parameter of Content-Type, or null. */
  charset: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset by the server';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      if (code && /CERT|SSL|TLS/i.test(code)) return `TLS error (${code})`;
      return `cannot fetch (${cause?.message ?? (err as Error).message ?? String(err)})`;
  }
}

/**
 * Fetches one http(s) URL: manual redirects (at most `maxRedirects`), one overall timeout covering redirects and
 * the body, a streamed size cap, per-host spacing of request starts. Throws InputError naming `input`.
 * Non-2xx statuses are errors; the content type is NOT checked here (see `readInput`).
 */
export async function fetchBody(input: string, url: URL, s: FetchSettings): Promise<FetchedBody> {
  await s.limiter.acquire(url.host, s.hostIntervalMs, s.signal).catch((err) => {
    throw new InputError(input, 'aborted', { cause: err });
  });

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, s.timeoutMs);
  const onOuterAbort = () => controller.abort(s.signal?.reason);
  s.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (s.signal?.aborted) controller.abort(s.signal.reason);

  const fail = (err: unknown, fallback: () => string): never => {
    if (err instanceof InputError) throw err;
    if (timedOut) throw new InputError(input, `timed out after ${formatSeconds(s.timeoutMs)}`, { cause: err });
    if (s.signal?.aborted) throw new InputError(input, 'aborted', { cause: err });
    throw new InputError(input, fallback(), { cause: err });
  };

  const headers = {
    'User-Agent': s.userAgent,
    Accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
    'Accept-Language': 'id,en;q=0.8',
  };

  try {
    let current = url;
    let res: Response;
    for (let hop = 0; ; hop++) {
      try {
        res = await fetch(current, { redirect: 'manual', headers, signal: controller.signal });
      } catch (err) {
        return fail(err, () => networkReason(err));
      }
      if (!REDIRECTS.has(res.status)) break;
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) throw new InputError(input, `HTTP ${res.status} redirect without a Location header`);
      if (hop >= s.maxRedirects) throw new InputError(input, `too many redirects (more than ${s.maxRedirects})`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new InputError(input, `redirect to an invalid URL (${location})`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new InputError(input, `redirect to a non-HTTP URL (${next.href})`);
      }
      current = next;
    }

    const finalUrl = current.href;
    const after = finalUrl === url.href ? '' : ` (after redirect to ${finalUrl})`;
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      const text = res.statusText || STATUS_CODES[res.status] || '';
      throw new InputError(input, `HTTP ${res.status}${text ? ` ${text}` : ''}${after}`);
    }

    const contentType = res.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    const charsetMatch = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
    const result = { url: finalUrl, mediaType, charset: charsetMatch ? charsetMatch[2] : null };

    // Refuse non-page types before downloading them.
    if (!isAcceptableMediaType(mediaType)) {
      await res.body?.cancel().catch(() => undefined);
      throw new InputError(input, `not an HTML page (${mediaType})`);
    }

    const tooLarge = () => new InputError(input, `larger than ${formatBytes(s.maxBytes)}`);
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > s.maxBytes && !res.headers.get('content-encoding')) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }

    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > s.maxBytes) {
            controller.abort(new Error('size cap'));
            await reader.cancel().catch(() => undefined);
            throw tooLarge();
          }
          chunks.push(value);
        }
      } catch (err) {
        return fail(err, () => `connection broken while reading the body (${(err as Error).message})`);
      }
    }
    return { ...result, bytes: concat(chunks, total) };
  } catch (err) {
    return fail(err, () => networkReason(err));
  } finally {
    clearTimeout(timer);
    s.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** HTML, XHTML, plain text, or unknown (sniffed later); everything else (PDF, images, JSON...) is refused. */
export function isAcceptableMediaType(mediaType: string): boolean {
  return (
    mediaType === '' ||
    mediaType === 'text/html' ||
    mediaType === 'application/xhtml+xml' ||
    mediaType === 'text/plain' ||
    mediaType === 'application/octet-stream' ||
    mediaType === 'application/x-gzip' ||
    mediaType === 'application/gzip'
  );
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}
