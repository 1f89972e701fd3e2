/**
 * NodeHttpClient, the HTTP client the article fetcher calls, against a real loopback server.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpClient } from '../../src/crawl/crawler/http-client.js';

const TEXT = '<html><body><p>Pj Bupati meminta ASN menjaga netralitas.</p></body></html>'.repeat(50);
let server: Server;
let base: string;
let connections = 0;
const seen: { url: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    switch (req.url) {
      case '/plain':
        return send(200, { 'content-type': 'text/html' }, TEXT);
      case '/bytes':
        return send(200, { 'content-type': 'text/html; charset=windows-1252' }, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x93, 0x94]));
      case '/gzip':
        return send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(TEXT));
      case '/deflate':
        return send(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }, deflateSync(TEXT));
      case '/br':
        return send(200, { 'content-type': 'text/html', 'content-encoding': 'br' }, brotliCompressSync(TEXT));
      case '/broken-gzip':
        return send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'));
      case '/redirect':
        return send(301, { location: '/plain' }, 'moved');
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>');
        setTimeout(() => res.end('</html>'), 2000).unref();
        return;
      default:
        return send(404, { 'content-type': 'text/plain' }, 'no');
    }
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('NodeHttpClient', () => {
  it('returns status, headers, URL and the body bytes as served, over kept-alive connections', async () => {
    const client = new NodeHttpClient();
    const before = connections;
    for (let i = 0; i < 5; i++) {
      const r = await client.stream({ url: `${base}/bytes`, headers: { 'user-agent': 'pantau-test' } });
      expect(r.statusCode).toBe(200);
      expect(r.url).toBe(`${base}/bytes`);
      expect(r.headers['content-type']).toBe('text/html; charset=windows-1252');
      expect((r.stream as unknown as { url: string }).url).toBe(`${base}/bytes`);
      expect([...(await read(r.stream))]).toEqual([0x43, 0x61, 0x66, 0xe9, 0x93, 0x94]);
    }
    expect(connections - before).toBe(1);
    expect(seen.at(-1)!.headers['user-agent']).toBe('pantau-test');
    expect(seen.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
    client.close();
  });

  it.each(['gzip', 'deflate', 'br'])('decompresses a %s body and leaves the headers as received', async (enc) => {
    const client = new NodeHttpClient();
    const r = await client.stream({ url: `${base}/${enc}` });
    expect(r.headers['content-encoding']).toBe(enc);
    expect((await read(r.stream)).toString()).toBe(TEXT);
    client.close();
  });

  it('fails the body stream of a corrupt compressed body', async () => {
    const client = new NodeHttpClient();
    const r = await client.stream({ url: `${base}/broken-gzip` });
    await expect(read(r.stream)).rejects.toThrow();
    client.close();
  });

  it('never follows a redirect: the 3xx and its Location come back', async () => {
    const client = new NodeHttpClient();
    const r = await client.stream({ url: `${base}/redirect`, followRedirect: true });
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe('/plain');
    await read(r.stream);
    client.close();
  });

  it('ends a request that outlives timeout.request with a TimeoutError, body included', async () => {
    const client = new NodeHttpClient();
    const r = await client.stream({ url: `${base}/slow`, timeout: { request: 300 } });
    const err = await read(r.stream).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.name).toBe('TimeoutError');
    expect(err?.message).toMatch(/timed out after 0.3 s/);
    client.close();
  });

  it('aborts with the signal, before or during the request', async () => {
    const client = new NodeHttpClient();
    const done = new AbortController();
    done.abort(new Error('stopped'));
    await expect(client.stream({ url: `${base}/plain`, signal: done.signal })).rejects.toThrow('stopped');
    const later = new AbortController();
    const r = await client.stream({ url: `${base}/slow`, signal: later.signal });
    setTimeout(() => later.abort(new Error('crawl stopped')), 50);
    await expect(read(r.stream)).rejects.toThrow('crawl stopped');
    client.close();
  });

  it('rejects with the network error when nothing listens', async () => {
    const client = new NodeHttpClient();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(client.stream({ url: `http://127.0.0.1:${port}/` })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(client.stream({ url: 'ftp://example.test/' })).rejects.toThrow(/unsupported protocol/);
    client.close();
  });

  it('sendRequest reads the whole body as text, buffer or JSON', async () => {
    const client = new NodeHttpClient();
    expect((await client.sendRequest({ url: `${base}/gzip` })).body).toBe(TEXT);
    const buf = await client.sendRequest({ url: `${base}/bytes`, responseType: 'buffer' });
    expect(Buffer.isBuffer(buf.body)).toBe(true);
    expect(buf.body.length).toBe(6);
    client.close();
  });
});
