/**
 * Serves the demo site on loopback: one node:http server per outlet (so each outlet is its own host:port for
 * politeness and host checks) plus one "external" host that no crawl should ever reach. Every request is logged.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Source } from '../types/source.js';
import { archivePage, DEFAULT_SEED, demoOutletIds, generateDemoSite, hugePageParts } from './generate.js';
import type { DemoPage, DemoSiteContent, DemoTrap, TruthArticle } from './generate.js';

export interface DemoSiteOptions {
  /** First port; outlets take `port`, `port + 1`, ... and the external host the next one. Default 0 (any free port). */
  port?: number;
  seed?: number;
  /** With `false`: no Crawl-delay in robots.txt, `crawlDelay: 0` in sources, and the slow page answers at once. */
  politeness?: boolean;
  /** Number of articles (default 300). */
  articles?: number;
  /** Delay of the slow page in ms (default 3000). */
  slowMs?: number;
}

export interface RequestLogEntry {
  /** Outlet id, or `external`. */
  outlet: string;
  method: string;
  /** Absolute URL as requested (no fragment: clients never send it). */
  url: string;
  status: number;
  /** When the request arrived (ms since epoch). */
  time: number;
  /** How long the response took (ms). */
  ms: number;
  userAgent?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface DemoSite {
  outlets: { id: string; name: string; baseUrl: string }[];
  sources: Source[];
  truth: TruthArticle[];
  traps: DemoTrap[];
  /** The host that belongs to no outlet (external links point here). */
  external: { baseUrl: string };
  /** Everything generated (pages map, articles) for tests that need more. */
  content: DemoSiteContent;
  /** Every request served, in order of completion. */
  requests: RequestLogEntry[];
  /** Forgets the log and re-arms the one-shot traps (429 first, 500 once). */
  reset(): void;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Whether a conditional request is satisfied by the page's validators. */
function notModified(req: IncomingMessage, page: DemoPage): boolean {
  const inm = req.headers['if-none-match'];
  if (inm && page.etag) {
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || t === page.etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims && page.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(page.lastModified) <= since;
  }
  return false;
}

export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const seed = options.seed ?? DEFAULT_SEED;
  const politeness = options.politeness ?? true;
  const slowMs = options.slowMs ?? (politeness ? 3000 : 0);
  const requests: RequestLogEntry[] = [];
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let content: DemoSiteContent | null = null;

  const ids = demoOutletIds();
  const servers: Server[] = [];
  const bases: Record<string, string> = {};

  const handler = (outlet: string) => (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const base = outlet === 'external' ? externalBase : bases[outlet];
    const url = base + (req.url ?? '/');
    res.on('finish', () => {
      requests.push({
        outlet,
        method: req.method ?? 'GET',
        url,
        status: res.statusCode,
        time: started,
        ms: Date.now() - started,
        userAgent: req.headers['user-agent'],
        ifNoneMatch: req.headers['if-none-match'],
        ifModifiedSince: req.headers['if-modified-since'],
      });
    });
    const head = req.method === 'HEAD';
    const send = (status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}) => {
      const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      res.writeHead(status, { 'content-type': type, 'content-length': String(bytes.length), ...headers });
      res.end(head ? undefined : bytes);
    };
    if (req.method !== 'GET' && !head) return send(405, 'text/plain', 'Method Not Allowed', { allow: 'GET, HEAD' });
    if (outlet === 'external') {
      return send(200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body><h1>Kantor Berita Mitra</h1><p>Situs lain, bukan milik outlet mana pun.</p></body></html>');
    }
    const site = content!;
    const path = (req.url ?? '/').split('?')[0];
    let page = site.pages.get(url);
    if (!page) {
      const plain = site.pages.get(base + path);
      if (plain && (plain.kind === 'article' || plain.kind === 'amp')) page = plain;
    }
    const arch = /^\/arsip\/(\d{4})\/(\d{2})\/?$/.exec(path);
    if (!page && arch) page = archivePage(site, outlet, Number(arch[1]), Number(arch[2])) ?? undefined;
    if (!page) {
      return send(404, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body><h1>404</h1><p>Halaman tidak ditemukan.</p></body></html>');
    }

    const trap = site.traps.find((t) => t.url === page!.url && (t.kind === 'retry_after' || t.kind === 'error_once' || t.kind === 'slow'));
    const n = (hits.get(page.url) ?? 0) + 1;
    hits.set(page.url, n);
    if (trap?.kind === 'retry_after' && n === 1) {
      return send(429, 'text/html; charset=utf-8', '<html><body><h1>429 Too Many Requests</h1></body></html>', { 'retry-after': '2' });
    }
    if (trap?.kind === 'error_once' && n === 1) {
      return send(500, 'text/html; charset=utf-8', '<html><body><h1>500 Internal Server Error</h1></body></html>');
    }

    const respond = () => {
      const p = page!;
      const headers: Record<string, string> = { ...(p.headers ?? {}) };
      if (p.etag) headers.etag = p.etag;
      if (p.lastModified) headers['last-modified'] = p.lastModified;
      if (p.etag && notModified(req, p)) {
        res.writeHead(304, headers);
        return res.end();
      }
      if (p.kind === 'huge') {
        const parts = hugePageParts(site, p);
        const headBytes = Buffer.from(parts.head);
        const tailBytes = Buffer.from(parts.tail);
        const chunk = Buffer.from(parts.chunk.repeat(Math.max(1, Math.floor(65536 / parts.chunk.length))));
        res.writeHead(200, { 'content-type': p.contentType, 'content-length': String(parts.size), ...headers });
        if (head) return res.end();
        let left = parts.size - headBytes.length - tailBytes.length;
        res.write(headBytes);
        const pump = () => {
          while (left > 0) {
            const piece = left >= chunk.length ? chunk : Buffer.alloc(left, 0x20);
            left -= piece.length;
            if (!res.write(piece)) return void res.once('drain', pump);
          }
          res.end(tailBytes);
        };
        res.on('close', () => (left = 0));
        return pump();
      }
      send(p.status, p.contentType, p.body, headers);
    };
    if (trap?.kind === 'slow' && slowMs > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) respond();
      }, slowMs);
      timers.add(t);
      return;
    }
    respond();
  };

  let port = options.port ?? 0;
  for (const id of ids) {
    const server = createServer(handler(id));
    servers.push(server);
    const p = await listen(server, port);
    bases[id] = `http://127.0.0.1:${p}`;
    if (port) port++;
  }
  const externalServer = createServer(handler('external'));
  servers.push(externalServer);
  const externalBase = `http://127.0.0.1:${await listen(externalServer, port)}`;

  content = generateDemoSite(seed, { baseUrls: bases, externalUrl: externalBase, articles: options.articles, politeness });
  const site = content;

  return {
    outlets: site.outlets.map((o) => ({ id: o.id, name: o.name, baseUrl: o.baseUrl })),
    sources: site.sources,
    truth: site.truth,
    traps: site.traps,
    external: { baseUrl: externalBase },
    content: site,
    requests,
    reset() {
      requests.length = 0;
      hits.clear();
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
