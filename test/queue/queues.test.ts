/**
 * Queues on the real test Redis: dedupe of extract and crawl requests, validation before adding, default job
 * options, and failed jobs listed and retried. Jobs are worked by bare BullMQ workers: the queue module knows
 * nothing of pantau's workers.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKOFF_TYPE,
  InvalidJobError,
  connectRedis,
  enqueueCrawl,
  enqueueExtract,
  listFailedJobs,
  openQueues,
  retryFailedJobs,
} from '../../src/queue/index.js';
import type { Queues } from '../../src/queue/index.js';
import { REDIS_URL, deletePrefix, uniquePrefix, waitFor } from './helpers.js';

describe('queues', () => {
  let prefix: string;
  let connection: Redis;
  let queues: Queues;
  const workers: Worker[] = [];
  const workerConnections: Redis[] = [];

  beforeEach(() => {
    prefix = uniquePrefix('queues');
    connection = connectRedis(REDIS_URL);
    queues = openQueues({ connection, prefix });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    await Promise.all(workerConnections.splice(0).map((c) => c.quit()));
    await queues.close();
    await connection.quit();
    await deletePrefix(prefix);
  });

  function work(queue: 'crawl' | 'extract', fn: (job: Job) => Promise<unknown>): Worker {
    const own = connectRedis(REDIS_URL);
    workerConnections.push(own);
    const w = new Worker(queue, fn, { connection: own, prefix, settings: { backoffStrategy: () => 10 } });
    w.on('error', () => {});
    workers.push(w);
    return w;
  }

  it('queues extract jobs with the default options, once per page while one is waiting', async () => {
    const first = await enqueueExtract(queues, ['p1', 'p2', 'p1'], 'run-1');
    expect(first.added).toBe(2);
    expect(first.skipped).toBe(1);
    expect(first.jobIds[2]).toBe(first.jobIds[0]);
    expect(first.jobIds[0]).toMatch(/^extract\.p1\./);

    const again = await enqueueExtract(queues, ['p2', 'p3']);
    expect(again).toMatchObject({ added: 1, skipped: 1 });
    expect(again.jobIds[0]).toBe(first.jobIds[1]);

    expect(await queues.extract.getWaitingCount()).toBe(3);
    const job = await queues.extract.getJob(first.jobIds[0]);
    expect(job?.data).toEqual({ pageId: 'p1', runId: 'run-1' });
    expect(job?.opts.attempts).toBe(5);
    expect(job?.opts.backoff).toEqual({ type: BACKOFF_TYPE });
    expect(job?.opts.removeOnFail).toEqual({ count: 10_000 });
    expect(job?.opts.removeOnComplete).toMatchObject({ count: 1000 });
  });

  it('keeps page ids with odd characters readable and valid as job ids', async () => {
    const r = await enqueueExtract(queues, ['a:b/c', '12345']);
    expect(r.added).toBe(2);
    expect(r.jobIds[0]).toMatch(/^extract\.a_b_c\./);
    expect((await queues.extract.getJob(r.jobIds[1]))?.data).toEqual({ pageId: '12345' });
  });

  it('queues a page again once its job has finished', async () => {
    const seen: string[] = [];
    work('extract', async (job) => {
      seen.push(job.data.pageId);
    });
    await enqueueExtract(queues, ['p1']);
    await waitFor('first job done', async () => (await queues.extract.getCompletedCount()) === 1);
    const again = await enqueueExtract(queues, ['p1']);
    expect(again.added).toBe(1);
    await waitFor('second job done', async () => (await queues.extract.getCompletedCount()) === 2);
    expect(seen).toEqual(['p1', 'p1']);
  });

  it('does not queue a page whose job is running or waiting for a retry', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    work('extract', async () => {
      runs++;
      await gate;
    });
    await enqueueExtract(queues, ['busy']);
    await waitFor('job active', async () => (await queues.extract.getActiveCount()) === 1);
    expect((await enqueueExtract(queues, ['busy'])).added).toBe(0);
    release();
    await waitFor('job done', async () => (await queues.extract.getCompletedCount()) === 1);
    expect(runs).toBe(1);
  });

  it('validates every request before adding any', async () => {
    await expect(enqueueExtract(queues, ['ok', ''])).rejects.toBeInstanceOf(InvalidJobError);
    await expect(enqueueCrawl(queues, [{ sourceId: 's', runId: 'r' }, { sourceId: 't', runId: 'r', maxPages: -1 }])).rejects.toThrow(
      /maxPages/,
    );
    expect(await queues.extract.count()).toBe(0);
    expect(await queues.crawl.count()).toBe(0);
  });

  it('queues one crawl per source while one is pending', async () => {
    const ids = await enqueueCrawl(queues, [
      { sourceId: 'kendaripos', runId: 'r1', maxPages: 10 },
      { sourceId: 'zonasultra', runId: 'r1' },
    ]);
    expect(ids).toHaveLength(2);
    const again = await enqueueCrawl(queues, { sourceId: 'kendaripos', runId: 'r2' });
    expect(again).toEqual([ids[0]]);
    expect(await queues.crawl.getWaitingCount()).toBe(2);
    expect((await queues.crawl.getJob(ids[0]))?.data).toEqual({ sourceId: 'kendaripos', runId: 'r1', maxPages: 10 });
    expect(await enqueueCrawl(queues, [])).toEqual([]);
  });

  it('lists failed jobs with their reason and attempts, and retries them', async () => {
    let healthy = false;
    work('extract', async (job) => {
      if (!healthy && job.data.pageId === 'bad') throw new UnrecoverableError('page bad: not HTML (PDF data)');
      return 'ok';
    });
    const before = Date.now();
    await enqueueExtract(queues, ['good', 'bad']);
    await waitFor('bad job failed', async () => (await queues.extract.getFailedCount()) === 1);
    const failed = await listFailedJobs(queues, { limit: 10 });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ queue: 'extract', data: { pageId: 'bad' }, reason: 'page bad: not HTML (PDF data)', attemptsMade: 1 });
    expect(failed[0].failedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await listFailedJobs(queues, { queue: 'crawl' })).toEqual([]);

    healthy = true;
    const retried = await retryFailedJobs(queues, { queue: 'extract' });
    expect(retried.map((f) => f.jobId)).toEqual([failed[0].jobId]);
    await waitFor('retried job done', async () => (await queues.extract.getCompletedCount()) === 2);
    expect(await listFailedJobs(queues)).toEqual([]);
    expect(await retryFailedJobs(queues)).toEqual([]);
  });

  it('lists the most recent failures first, up to the limit, across queues', async () => {
    work('extract', async () => {
      throw new UnrecoverableError('extract broke');
    });
    work('crawl', async () => {
      throw new UnrecoverableError('crawl broke');
    });
    await enqueueExtract(queues, ['a', 'b', 'c']);
    await waitFor('extract failures', async () => (await queues.extract.getFailedCount()) === 3);
    await enqueueCrawl(queues, { sourceId: 's', runId: 'r' });
    await waitFor('crawl failure', async () => (await queues.crawl.getFailedCount()) === 1);
    const two = await listFailedJobs(queues, { limit: 2 });
    expect(two).toHaveLength(2);
    expect(two[0]).toMatchObject({ queue: 'crawl', reason: 'crawl broke' });
    const all = await listFailedJobs(queues);
    expect(all).toHaveLength(4);
    const times = all.map((f) => f.failedAt!.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    await expect(listFailedJobs(queues, { limit: 0 })).rejects.toThrow(/limit/);
    const one = await retryFailedJobs(queues, { jobIds: [all[3].jobId] });
    expect(one.map((f) => f.jobId)).toEqual([all[3].jobId]);
  });

  it('owns and closes a connection opened from a URL', async () => {
    const own = openQueues({ connection: REDIS_URL, prefix });
    await enqueueExtract(own, ['x']);
    await own.close();
    await own.close();
    expect(await queues.extract.getWaitingCount()).toBe(1);
  });
});
