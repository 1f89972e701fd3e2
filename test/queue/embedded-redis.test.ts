/**
 * pantau's own Redis: a real redis-server per test, its data under a temp dir.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisNotInstalledError, enqueueExtract, openQueues, resolveRedis, startEmbeddedRedis } from '../../src/queue/index.js';
import type { EmbeddedRedis } from '../../src/queue/index.js';
import { REDIS_URL, uniquePrefix } from './helpers.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ping(url: string): Promise<string> {
  const r = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
  r.on('error', () => {});
  try {
    await r.connect();
    return await r.ping();
  } finally {
    r.disconnect();
  }
}

describe('embedded redis', () => {
  let dir: string;
  const started: EmbeddedRedis[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-redis-'));
  });
  afterEach(async () => {
    for (const s of started.splice(0)) await s.stop({ force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir = dir): Promise<EmbeddedRedis> {
    const s = await startEmbeddedRedis({ dataDir });
    started.push(s);
    return s;
  }

  it('starts on a free loopback port with its files under the data dir, and stop() ends it', async () => {
    const server = await start(join(dir, 'nested', 'redis'));
    expect(server.owned).toBe(true);
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(server.port).not.toBe(6379);
    expect(await ping(server.url)).toBe('PONG');
    const data = join(dir, 'nested', 'redis');
    expect(Number(readFileSync(join(data, 'redis.pid'), 'utf8'))).toBe(server.pid);
    expect(Number(readFileSync(join(data, 'redis.port'), 'utf8'))).toBe(server.port);
    expect(existsSync(join(data, 'appendonlydir'))).toBe(true);

    await server.stop();
    expect(alive(server.pid)).toBe(false);
    expect(existsSync(join(data, 'redis.port'))).toBe(false);
    await expect(ping(server.url)).rejects.toThrow();
    await server.stop();
  });

  it('keeps queued jobs across a restart on the same data dir (append-only file)', async () => {
    const prefix = uniquePrefix('aof');
    const first = await start();
    let queues = openQueues({ connection: first.url, prefix });
    const queued = await enqueueExtract(queues, ['page-1', 'page-2'], 'run-aof');
    await queues.close();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await start();
    expect(second.owned).toBe(true);
    expect(second.pid).not.toBe(first.pid);
    queues = openQueues({ connection: second.url, prefix });
    try {
      expect(await queues.extract.getWaitingCount()).toBe(2);
      expect((await queues.extract.getJob(queued.jobIds[0]))?.data).toEqual({ pageId: 'page-1', runId: 'run-aof' });
    } finally {
      await queues.close();
    }
  });

  it('reuses the server another caller runs for the same data dir, without stopping it', async () => {
    const owner = await resolveRedis({ dataDir: dir });
    const other = await resolveRedis({ dataDir: dir });
    try {
      expect(owner).toMatchObject({ embedded: true, owned: true });
      expect(other).toMatchObject({ embedded: true, owned: false, url: owner.url });
      await other.stop();
      expect(await ping(owner.url)).toBe('PONG');
    } finally {
      await owner.stop();
    }
    await expect(ping(owner.url)).rejects.toThrow();
  });

  it('starts one server when two callers race on a data dir', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.url).toBe(b.url);
    expect([a.owned, b.owned].sort()).toEqual([false, true]);
  });

  it('leaves the server running while another client uses it, unless forced', async () => {
    const server = await start();
    const queues = openQueues({ connection: server.url, prefix: uniquePrefix('handover') });
    try {
      await queues.extract.getWaitingCount();
      await server.stop();
      expect(alive(server.pid)).toBe(true);
      await server.stop({ force: true });
      expect(alive(server.pid)).toBe(false);
    } finally {
      await queues.close().catch(() => {});
    }
  });

  it('starts a new server when the recorded one is gone', async () => {
    const first = await start();
    process.kill(first.pid, 'SIGKILL');
    while (alive(first.pid)) await new Promise((r) => setTimeout(r, 20));
    const second = await start();
    expect(second.owned).toBe(true);
    expect(second.pid).not.toBe(first.pid);
    expect(await ping(second.url)).toBe('PONG');
  });

  it('throws RedisNotInstalledError saying how to install it when the binary is missing', async () => {
    const err = await startEmbeddedRedis({ dataDir: dir, binary: join(dir, 'no-such-redis-server') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisNotInstalledError);
    expect((err as Error).message).toContain('sudo apt-get install redis-server');
    expect((err as Error).message).toContain('REDIS_URL');
    expect(existsSync(join(dir, 'redis.lock'))).toBe(false);
  });

  it('uses REDIS_URL as is when given', async () => {
    const r = await resolveRedis({ redisUrl: REDIS_URL, dataDir: dir });
    expect(r).toMatchObject({ url: REDIS_URL, embedded: false, owned: false });
    await r.stop();
    expect(await ping(REDIS_URL)).toBe('PONG');
    expect(existsSync(join(dir, 'redis.pid'))).toBe(false);
  });
});
