/**
 * The HTTP client the article fetcher's request handler calls (shaped as Crawlee's `BaseHttpClient`, which it
 * was written for when Crawlee's HttpCrawler called it): plain `node:http` / `node:https` with keep-alive agents,
 * instead of Crawlee's default got-scraping. The fetcher uses `stream()` only.
 *
 * Why: the fetcher turns off everything got-scraping adds (browser header generation, cookies, redirects, proxies,
 * HTTP/2 negotiation) and reads the raw bytes itself, yet got and got-scraping still validated and merged their
 * option objects on every request, which cost more CPU per page than the rest of the fetch. What is left here is
 * what the fetcher uses:
 * - one GET (or any method) per call, never following redirects (the fetcher checks and spaces each hop itself);
 * - bodies decompressed (gzip, deflate, br) as got does, the headers left as received;
 * - `timeout.request` (the whole exchange, body included) and `signal` end the request with an error;
 * - connections kept alive per host and closed by `close()`.
 */
import http from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { BaseHttpClient, HttpRequest, HttpResponse, RedirectHandler, ResponseTypes, StreamingHttpResponse } from '@crawlee/core';

/** A request that ran past its `timeout.request`. The name is what the fetcher (and got) use for timeouts. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(ms: number, url: string) {
    super(`request timed out after ${ms / 1000} s (${url})`);
  }
}

const ACCEPT_ENCODING = 'gzip, deflate, br';

function decompressor(encoding: string | undefined): NodeJS.ReadWriteStream | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

function requestHeaders(headers: HttpRequest['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  let encoding = false;
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = value;
    if (name.toLowerCase() === 'accept-encoding') encoding = true;
  }
  if (!encoding) out['accept-encoding'] = ACCEPT_ENCODING;
  return out;
}

function timeoutOf(request: HttpRequest): number | undefined {
  const t = request.timeout as { request?: number } | undefined;
  return typeof t?.request === 'number' && t.request > 0 ? t.request : undefined;
}

export interface NodeHttpClientOptions {
  /** Most open connections per host (default 64: above any crawl concurrency, which is what bounds it). */
  maxSocketsPerHost?: number;
}

export class NodeHttpClient implements BaseHttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(options: NodeHttpClientOptions = {}) {
    const maxSockets = options.maxSocketsPerHost ?? 64;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  async stream(request: HttpRequest, _onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const url = new URL(String(request.url));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported protocol ${url.protocol} (${url.href})`);
    const secure = url.protocol === 'https:';
    const method = (request.method ?? 'GET').toUpperCase();
    const tls = (request as { https?: { rejectUnauthorized?: boolean } }).https;
    const timeoutMs = timeoutOf(request);
    const signal = request.signal;
    signal?.throwIfAborted();

    return new Promise<StreamingHttpResponse>((resolve, reject) => {
      let body: Readable | undefined;
      let timer: NodeJS.Timeout | undefined;
      const fail = (err: Error) => {
        // Before the response: the promise fails. After it: the body stream does (the reader sees the error).
        if (body) body.destroy(err);
        req.destroy(err);
        reject(err);
      };
      const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : Object.assign(new Error('request aborted'), { name: 'AbortError' }));
      const done = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const req = (secure ? https : http).request(url, {
        method,
        headers: requestHeaders(request.headers),
        agent: secure ? this.httpsAgent : this.httpAgent,
        insecureHTTPParser: request.insecureHTTPParser === true,
        ...(secure ? { rejectUnauthorized: tls?.rejectUnauthorized !== false } : {}),
      });
      if (timeoutMs !== undefined) timer = setTimeout(() => fail(new HttpTimeoutError(timeoutMs, url.href)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => {
        done();
        if (body) body.destroy(err);
        reject(err);
      });
      req.on('response', (res) => {
        const noBody = method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
        const inflate = noBody ? undefined : decompressor(res.headers['content-encoding']);
        if (inflate) {
          const out = new PassThrough();
          res.on('error', (err) => out.destroy(err));
          inflate.on('error', (err: Error) => out.destroy(err));
          // The reader giving up (a size cap) closes the connection rather than reading the rest.
          out.on('close', () => {
            if (!res.complete) res.destroy();
          });
          res.pipe(inflate).pipe(out);
          body = out;
        } else {
          // Callers reading the stream alone find the URL on it too (an IncomingMessage's own `url` is empty on a
          // client), as on Crawlee's streams.
          res.url = url.href;
          body = res;
        }
        body.on('close', done);
        const total = Number(res.headers['content-length']);
        const result: StreamingHttpResponse = {
          stream: body,
          request,
          redirectUrls: [],
          url: url.href,
          ip: res.socket?.remoteAddress,
          statusCode: res.statusCode ?? 0,
          statusMessage: res.statusMessage,
          headers: res.headers as IncomingHttpHeaders,
          trailers: {},
          complete: false,
          // Not tracked (a 'data' listener would switch the body to flowing mode before its reader is attached).
          get downloadProgress() {
            return { percent: res.complete ? 1 : 0, transferred: 0, total: Number.isFinite(total) ? total : undefined };
          },
          get uploadProgress() {
            return { percent: 1, transferred: 0, total: 0 };
          },
        };
        res.on('end', () => {
          result.complete = res.complete;
          Object.assign(result.trailers, res.trailers);
        });
        resolve(result);
      });
      if (request.body !== undefined && (typeof request.body === 'string' || Buffer.isBuffer(request.body))) req.end(request.body);
      else req.end();
    });
  }

  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const res = await this.stream(request as HttpRequest);
    const chunks: Buffer[] = [];
    for await (const chunk of res.stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = request.responseType ?? 'text';
    const text = () => raw.toString(request.encoding ?? 'utf8');
    const body = type === 'buffer' ? raw : type === 'json' ? JSON.parse(text()) : text();
    return { ...res, complete: true, body } as unknown as HttpResponse<T>;
  }
}
