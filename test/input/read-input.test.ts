import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HostLimiter,
  InputError,
  decodeHtml,
  decodeWindows1252,
  readInput,
  type RawInput,
  type ReadOptions,
} from '../../src/input/index.js';

/** The text with é and curly quotes, and its windows-1252 bytes. */
const CP_TEXT = 'Bupati menegaskan “netralitas ASN” di Kabupaten Poso – café';
function cp1252(s: string): Buffer {
  const map: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, é: 0xe9 };
  return Buffer.from([...s].map((c) => map[c] ?? c.charCodeAt(0)));
}
const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Netralitas ASN — Poso</title></head>
<body><article><h1>Netralitas ASN</h1><p>Pj Bupati Poso menandatangani pakta integritas — é.</p></article></body></html>`;

let server: Server;
let base: string;
const arrivals: Record<string, number[]> = {};
const seenHeaders: Record<string, IncomingMessage['headers']> = {};

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  (arrivals[path] ??= []).push(Date.now());
  seenHeaders[path] = req.headers;
  switch (path) {
    case '/page':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    case '/cp1252': {
      const body = cp1252(`<html><head><title>Uji</title></head><body><p>${CP_TEXT}</p></body></html>`);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    case '/cp1252-meta': {
      // No charset in the header: the meta http-equiv declares it.
      const body = cp1252(
        `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>${CP_TEXT}</p></body></html>`,
      );
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(body);
      return;
    }
    case '/r1':
      res.writeHead(301, { Location: '/r2' });
      res.end();
      return;
    case '/r2':
      res.writeHead(302, { Location: `${base}/r3` });
      res.end();
      return;
    case '/r3':
      res.writeHead(307, { Location: '/page?from=r3' });
      res.end();
      return;
    case '/loop':
      res.writeHead(302, { Location: '/loop' });
      res.end();
      return;
    case '/doc.pdf':
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      res.end('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
      return;
    case '/image':
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
      return;
    case '/slow':
      // Headers at once, body never finishes within the test's timeout.
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body><p>mulai');
      setTimeout(() => res.end('</p></body></html>'), 3000).unref();
      return;
    case '/slow-headers':
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<p>late</p>');
      }, 3000).unref();
      return;
    case '/big': {
      // 2 MiB, chunked (no Content-Length): the cap must abort while streaming.
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 32) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    case '/big-declared': {
      const body = Buffer.alloc(512 * 1024, 'b');
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    case '/text':
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('TITLE: Uji\n\nBupati Buru menerbitkan surat edaran.');
      return;
    case '/untyped':
      res.writeHead(200, {});
      res.end('  <html><body><p>tanpa tipe</p></body></html>');
      return;
    case '/gzip-file':
      res.writeHead(200, { 'Content-Type': 'application/gzip' });
      res.end(gzipSync(PAGE));
      return;
    case '/encoded':
      // Content-Encoding gzip is undone by fetch itself.
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(PAGE));
      return;
    case '/server-error':
      res.writeHead(503, 'Service Unavailable', { 'Content-Type': 'text/html' });
      res.end('<p>down</p>');
      return;
    default:
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not found</h1>');
  }
}

let tmp: string;

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tmp = await mkdtemp(join(tmpdir(), 'pantau-input-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(tmp, { recursive: true, force: true });
});

/** Fast options: a private limiter with no spacing, so tests do not wait on each other. */
function fast(extra: ReadOptions = {}): ReadOptions {
  return { limiter: new HostLimiter(), hostIntervalMs: 0, ...extra };
}

async function readError(arg: string, opts?: ReadOptions): Promise<InputError> {
  try {
    await readInput(arg, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error(`expected ${arg} to fail`);
}

function html(r: RawInput): string {
  expect(r.kind).toBe('html');
  return r.kind === 'html' ? r.html : '';
}

describe('readInput: URLs', () => {
  it('fetches a page with the polite headers', async () => {
    const r = await readInput(`${base}/page`, fast());
    expect(html(r)).toBe(PAGE);
    expect(r.url).toBe(`${base}/page`);
    const h = seenHeaders['/page'];
    expect(h['user-agent']).toMatch(/^pantau\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/pantau; news research\)$/);
    expect(h['accept']).toContain('text/html');
  });

  it('decodes a windows-1252 page by the Content-Type header', async () => {
    const r = await readInput(`${base}/cp1252`, fast());
    expect(html(r)).toContain(CP_TEXT);
  });

  it('decodes a windows-1252 page by its meta http-equiv when the header has no charset', async () => {
    const r = await readInput(`${base}/cp1252-meta`, fast());
    expect(html(r)).toContain(CP_TEXT);
  });

  it('follows a redirect chain and reports the final URL', async () => {
    const r = await readInput(`${base}/r1`, fast());
    expect(html(r)).toBe(PAGE);
    expect(r.url).toBe(`${base}/page?from=r3`);
  });

  it('gives up after 5 redirects', async () => {
    const e = await readError(`${base}/loop`, fast());
    expect(e.message).toBe(`${base}/loop: too many redirects (more than 5)`);
    const e2 = await readError(`${base}/r1`, fast({ maxRedirects: 2 }));
    expect(e2.reason).toMatch(/too many redirects/);
  });

  it('names the status of a 404 and a 503', async () => {
    const e = await readError(`${base}/nothing-here`, fast());
    expect(e.message).toBe(`${base}/nothing-here: HTTP 404 Not Found`);
    expect(e.input).toBe(`${base}/nothing-here`);
    const e2 = await readError(`${base}/server-error`, fast());
    expect(e2.reason).toBe('HTTP 503 Service Unavailable');
  });

  it('refuses a PDF and an image, naming the type', async () => {
    expect((await readError(`${base}/doc.pdf`, fast())).message).toBe(
      `${base}/doc.pdf: not an HTML page (application/pdf)`,
    );
    expect((await readError(`${base}/image`, fast())).reason).toBe('not an HTML page (image/jpeg)');
  });

  it('times out on a slow body and on slow headers', async () => {
    const t0 = Date.now();
    const e = await readError(`${base}/slow`, fast({ timeoutMs: 300 }));
    expect(e.message).toBe(`${base}/slow: timed out after 0.3 s`);
    expect(Date.now() - t0).toBeLessThan(2000);
    const e2 = await readError(`${base}/slow-headers`, fast({ timeoutMs: 200 }));
    expect(e2.reason).toBe('timed out after 0.2 s');
  });

  it('aborts an oversized body while streaming, and refuses a declared one', async () => {
    const e = await readError(`${base}/big`, fast({ maxBytes: 256 * 1024 }));
    expect(e.message).toBe(`${base}/big: larger than 256 KB`);
    const e2 = await readError(`${base}/big-declared`, fast({ maxBytes: 100 * 1024 }));
    expect(e2.reason).toBe('larger than 100 KB');
    // Under the cap it is read whole.
    const ok = await readInput(`${base}/big-declared`, fast({ maxBytes: 1024 * 1024 }));
    expect(html(ok).length).toBe(512 * 1024);
  });

  it('returns text/plain pages as text, sniffs untyped ones, gunzips gzip bodies', async () => {
    const t = await readInput(`${base}/text`, fast());
    expect(t).toEqual({ kind: 'text', text: 'TITLE: Uji\n\nBupati Buru menerbitkan surat edaran.', url: `${base}/text` });
    expect(html(await readInput(`${base}/untyped`, fast()))).toContain('tanpa tipe');
    expect(html(await readInput(`${base}/gzip-file`, fast()))).toBe(PAGE);
    expect(html(await readInput(`${base}/encoded`, fast()))).toBe(PAGE);
  });

  it('reports connection failures and bad URLs as InputError', async () => {
    // A port nobody listens on: bind one, note it, close it.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const e = await readError(`http://127.0.0.1:${port}/x`, fast());
    expect(e.reason).toBe('connection refused');
    expect((await readError('http://exa mple.com/', fast())).reason).toBe('invalid URL');
  });

  it('spaces requests to one host by the interval, and not requests to another host', async () => {
    const limiter = new HostLimiter();
    arrivals['/page'] = [];
    const t0 = Date.now();
    await Promise.all([
      readInput(`${base}/page`, { limiter, hostIntervalMs: 400 }),
      readInput(`${base}/page`, { limiter, hostIntervalMs: 400 }),
      readInput(`${base}/page`, { limiter, hostIntervalMs: 400 }),
    ]);
    const times = arrivals['/page'];
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(380);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(380);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(780);
    // localhost is another host:port string than 127.0.0.1: no wait.
    const port = new URL(base).port;
    const t1 = Date.now();
    await readInput(`http://localhost:${port}/page`, { limiter, hostIntervalMs: 400 });
    expect(Date.now() - t1).toBeLessThan(380);
  });

  it('can be cancelled with a signal', async () => {
    const ctl = new AbortController();
    const p = readInput(`${base}/slow`, fast({ signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 100);
    await expect(p).rejects.toMatchObject({ name: 'InputError', reason: 'aborted' });
  });
});

describe('readInput: files', () => {
  it('reads .html (UTF-8, BOM, meta windows-1252, undeclared non-UTF-8)', async () => {
    const f = join(tmp, 'a.html');
    await writeFile(f, PAGE);
    expect(await readInput(f)).toEqual({ kind: 'html', html: PAGE, url: null });

    const bom = join(tmp, 'bom.htm');
    await writeFile(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]));
    expect(html(await readInput(bom))).toBe(PAGE);

    const cp = join(tmp, 'cp.html');
    await writeFile(cp, cp1252(`<html><head><meta charset="windows-1252"></head><body>${CP_TEXT}</body></html>`));
    expect(html(await readInput(cp))).toContain(CP_TEXT);

    const undeclared = join(tmp, 'undeclared.html');
    await writeFile(undeclared, cp1252(`<p>${CP_TEXT}</p>`));
    expect(html(await readInput(undeclared))).toBe(`<p>${CP_TEXT}</p>`);
  });

  it('takes the URL of a page saved by a browser', async () => {
    const f = join(tmp, 'saved.html');
    await writeFile(f, `<!DOCTYPE html>\n<!-- saved from url=(0030)https://kendarikota.go.id/a/1 -->\n${PAGE}`);
    expect((await readInput(f)).url).toBe('https://kendarikota.go.id/a/1');
  });

  it('gunzips .html.gz, and gzip data whatever the name', async () => {
    const f = join(tmp, 'b.html.gz');
    await writeFile(f, gzipSync(PAGE));
    expect(await readInput(f)).toEqual({ kind: 'html', html: PAGE, url: null });
    const g = join(tmp, 'no-extension');
    await writeFile(g, gzipSync(PAGE));
    expect(html(await readInput(g))).toBe(PAGE);
  });

  it('reads .txt as text, header lines included', async () => {
    const body = 'URL: https://example.go.id/x\nTITLE: Judul\nPUBLISHED: 2024-09-15\n\nParagraf satu é.\n\nParagraf dua.';
    const f = join(tmp, 'c.txt');
    await writeFile(f, body);
    expect(await readInput(f)).toEqual({ kind: 'text', text: body, url: null });
    // A .txt that happens to start with "<" stays text: the extension decides.
    const lt = join(tmp, 'lt.txt');
    await writeFile(lt, '<bukan html>');
    expect((await readInput(lt)).kind).toBe('text');
  });

  it('sniffs other extensions', async () => {
    const h = join(tmp, 'page.php');
    await writeFile(h, `\n\n   ${PAGE}`);
    expect((await readInput(h)).kind).toBe('html');
    const t = join(tmp, 'article.md');
    await writeFile(t, 'Bupati Buru menerbitkan surat edaran.');
    expect((await readInput(t)).kind).toBe('text');
    const e = join(tmp, 'empty.dat');
    await writeFile(e, '');
    expect(await readInput(e)).toEqual({ kind: 'text', text: '', url: null });
  });

  it('reports a corrupt or truncated .gz', async () => {
    const bad = join(tmp, 'bad.html.gz');
    await writeFile(bad, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect((await readError(bad)).message).toBe(`${bad}: gzip data is corrupt`);
    const truncated = join(tmp, 'truncated.html.gz');
    await writeFile(truncated, gzipSync(PAGE).subarray(0, 40));
    expect((await readError(truncated)).reason).toBe('gzip data is corrupt');
    const notGzip = join(tmp, 'plain.html.gz');
    await writeFile(notGzip, PAGE);
    expect((await readError(notGzip)).reason).toMatch(/^gzip data is corrupt/);
  });

  it('refuses a gzip bomb and an oversized file', async () => {
    const bomb = join(tmp, 'bomb.html.gz');
    await writeFile(bomb, gzipSync(Buffer.alloc(4 * 1024 * 1024, 'x')));
    expect((await readError(bomb, { maxBytes: 1024 * 1024 })).reason).toBe('larger than 1 MB (uncompressed)');
    const big = join(tmp, 'big.html');
    await writeFile(big, Buffer.alloc(300 * 1024, 'y'));
    expect((await readError(big, { maxBytes: 200 * 1024 })).message).toBe(`${big}: larger than 200 KB`);
  });

  it('names a missing file and a directory', async () => {
    const missing = join(tmp, 'x', 'y.html');
    expect((await readError(missing)).message).toBe(`cannot read ${missing}: no such file`);
    const dir = join(tmp, 'folder.html');
    await mkdir(dir);
    expect((await readError(dir)).message).toBe(`cannot read ${dir}: is a directory`);
  });

  it('reads file:// URLs and stdin', async () => {
    const f = join(tmp, 'd.html');
    await writeFile(f, PAGE);
    expect(html(await readInput(`file://${f}`))).toBe(PAGE);
    expect(html(await readInput('-', { stdin: Readable.from([Buffer.from(PAGE)]) }))).toBe(PAGE);
    expect(await readInput('-', { stdin: Readable.from([gzipSync('teks biasa')]) })).toEqual({
      kind: 'text',
      text: 'teks biasa',
      url: null,
    });
  });
});

describe('decoding', () => {
  it('maps every windows-1252 byte in 0x80-0x9F', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x93, 0x94, 0x96, 0x97, 0x85, 0x99, 0xe9]))).toBe('€“”–—…™é');
  });

  it('prefers BOM over header over meta', () => {
    const bytes = cp1252(`<meta charset="utf-8"><p>${CP_TEXT}</p>`);
    expect(decodeHtml(bytes, 'windows-1252').text).toContain(CP_TEXT);
    expect(decodeHtml(bytes, 'windows-1252').source).toBe('header');
    expect(decodeHtml(bytes).source).toBe('meta');
    expect(decodeHtml(Buffer.from(`\ufeff<p>x</p>`), 'windows-1252')).toMatchObject({ text: '<p>x</p>', source: 'bom' });
    // Unknown labels and a commented-out declaration are ignored.
    expect(decodeHtml(Buffer.from('<meta charset="klingon"><p>é</p>')).text).toBe('<meta charset="klingon"><p>é</p>');
    expect(decodeHtml(Buffer.from('<!-- <meta charset="koi8-r"> --><p>é</p>')).charset).toBe('utf-8');
  });
});

describe('readInput: special files', () => {
  it('streams a device with the cap instead of reading it whole', async () => {
    const e = await readError('/dev/zero', { maxBytes: 64 * 1024 });
    expect(e.message).toBe('/dev/zero: larger than 64 KB');
  });
});
