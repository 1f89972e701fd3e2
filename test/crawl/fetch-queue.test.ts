/**
 * FetchQueue, the in-memory request manager Crawlee runs the article fetches from: order (forefront first, then
 * in the order added), one request per uniqueKey, retries put back, and finished only once closed and drained.
 */
import { describe, expect, it } from 'vitest';
import { FetchQueue } from '../../src/crawl/crawler/fetch-queue.js';

const req = (n: number) => ({ url: `http://127.0.0.1/a/${n}`, uniqueKey: `k${n}` });

describe('FetchQueue', () => {
  it('hands requests out in order, forefront ones first, each uniqueKey once', async () => {
    const q = new FetchQueue();
    const info = q.push([req(1), req(2), req(1)]);
    expect(info.map((i) => i.wasAlreadyPresent)).toEqual([false, false, true]);
    q.push([req(3), req(4)], true);
    const order: string[] = [];
    for (let r = await q.fetchNextRequest(); r; r = await q.fetchNextRequest()) order.push(r.uniqueKey);
    expect(order).toEqual(['k3', 'k4', 'k1', 'k2']);
    expect(q.getTotalCount()).toBe(4);
    expect(q.getPendingCount()).toBe(4);
  });

  it('is finished only once closed, drained and nothing is in progress; a reclaimed request comes back', async () => {
    const q = new FetchQueue();
    expect(await q.isFinished()).toBe(false);
    q.push([req(1), req(2)]);
    const a = (await q.fetchNextRequest())!;
    const b = (await q.fetchNextRequest())!;
    expect(await q.isEmpty()).toBe(true);
    q.close();
    expect(await q.isFinished()).toBe(false);
    await q.reclaimRequest(b, { forefront: true });
    expect((await q.fetchNextRequest())!.uniqueKey).toBe('k2');
    await q.markRequestHandled(a);
    expect(await q.isFinished()).toBe(false);
    await q.markRequestHandled(b);
    expect(await q.isFinished()).toBe(true);
    expect(await q.handledCount()).toBe(2);
    expect(b.handledAt).toBeTruthy();
  });

  it('keeps its order over many requests (the consumed prefix is dropped now and then)', async () => {
    const q = new FetchQueue();
    const n = 5000;
    q.push(Array.from({ length: n }, (_, i) => req(i)));
    for (let i = 0; i < n; i++) {
      const r = (await q.fetchNextRequest())!;
      expect(r.uniqueKey).toBe(`k${i}`);
      if (i === 3000) q.push([req(n)]);
    }
    expect((await q.fetchNextRequest())!.uniqueKey).toBe(`k${n}`);
    expect(await q.fetchNextRequest()).toBeNull();
  });

  it('iterates until closed and drained, waiting for requests added meanwhile', async () => {
    const q = new FetchQueue();
    q.push([req(1)]);
    const seen: string[] = [];
    const done = (async () => {
      for await (const r of q) {
        seen.push(r.uniqueKey);
        await q.markRequestHandled(r);
      }
    })();
    await new Promise((r) => setTimeout(r, 10));
    q.push([req(2)]);
    await new Promise((r) => setTimeout(r, 10));
    q.close();
    await done;
    expect(seen).toEqual(['k1', 'k2']);
  });
});
