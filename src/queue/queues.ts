/**
 * The crawl and extract queues, and adding jobs to them.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type { DefaultJobOptions, JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis } from './connection.js';
import { parseJobData } from './contracts.js';
import type { CrawlJobData, ExtractJobData, QueueName } from './contracts.js';
import { DEFAULT_JOB_OPTIONS } from './retry.js';

/** Key prefix of pantau's queues in Redis unless told otherwise. */
export const DEFAULT_PREFIX = 'pantau';

export interface OpenQueuesOptions {
  /** A Redis URL (a connection is opened, and closed by `close()`) or a connection to share (left open). */
  connection: string | Redis;
  /** Redis key prefix, so several pantau installs (or tests) can share one Redis (default `pantau`). */
  prefix?: string;
  /** Overrides of the default job options (attempts 5, full-jitter backoff, bounded completed/failed jobs). */
  jobOptions?: Partial<Record<QueueName, DefaultJobOptions>>;
}

export interface Queues {
  crawl: Queue<CrawlJobData>;
  extract: Queue<ExtractJobData>;
  prefix: string;
  /** The queue of that name. */
  get(name: QueueName): Queue;
  /** Closes both queues, and the connection when it was opened here. */
  close(): Promise<void>;
}

export function openQueues(options: OpenQueuesOptions): Queues {
  const owned = typeof options.connection === 'string';
  const connection = typeof options.connection === 'string' ? connectRedis(options.connection, { name: 'pantau-queues' }) : options.connection;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const open = <T>(name: QueueName) =>
    new Queue<T>(name, {
      connection,
      prefix,
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...options.jobOptions?.[name] },
    });
  const crawl = open<CrawlJobData>('crawl');
  const extract = open<ExtractJobData>('extract');
  // Without a listener an 'error' event (Redis going away) would throw; ioredis reconnects by itself.
  crawl.on('error', () => {});
  extract.on('error', () => {});
  let closing: Promise<void> | undefined;
  return {
    crawl,
    extract,
    prefix,
    get: (name) => (name === 'crawl' ? crawl : extract) as unknown as Queue,
    close() {
      closing ??= (async () => {
        await Promise.all([crawl.close(), extract.close()]);
        if (owned) await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}

export interface EnqueueResult {
  /** Jobs added. */
  added: number;
  /** Requests that were no-ops: the same page (or source) already has a job waiting, delayed or running. */
  skipped: number;
  /** Id of the job now covering each request (the new job, or the one it was merged into), in order. */
  jobIds: string[];
}

/** BullMQ ids may not contain `:` (its key separator) nor be plain integers. */
function idPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * A fresh job id that still names what it is for (`extract.<pageId>.<nonce>`), so failed jobs are readable.
 * The id itself is not the dedupe key: a fixed id would also swallow a re-queue after the job completed or
 * failed (BullMQ keeps finished jobs, and ignores an add whose id exists), and a page re-fetched with a new body
 * must be extracted again.
 */
function jobIdFor(kind: string, key: string): string {
  return `${kind}.${idPart(key)}.${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * Dedupe key of a request: BullMQ's deduplication keeps it while the job is waiting, delayed (between retries)
 * or active, and drops it when the job completes or fails — exactly "one pending job per page".
 */
function dedupeId(kind: string, key: string): string {
  return `${kind}.${key}`;
}

const BULK = 500;

/**
 * Queues extraction of stored pages. A page that already has an extract job waiting, delayed or running is not
 * queued again (the request is a no-op); after that job finished, queuing the page again runs it again.
 * Each request is validated against the extract contract first.
 */
export async function enqueueExtract(queues: Queues, pageIds: readonly string[], runId?: string): Promise<EnqueueResult> {
  const result: EnqueueResult = { added: 0, skipped: 0, jobIds: [] };
  for (let i = 0; i < pageIds.length; i += BULK) {
    const batch = pageIds.slice(i, i + BULK).map((pageId) => {
      const data = parseJobData('extract', runId === undefined ? { pageId } : { pageId, runId });
      const opts: JobsOptions = { jobId: jobIdFor('extract', data.pageId), deduplication: { id: dedupeId('extract', data.pageId) } };
      return { name: 'extract', data, opts };
    });
    const jobs = await queues.extract.addBulk(batch);
    jobs.forEach((job, k) => {
      const id = String(job.id);
      result.jobIds.push(id);
      if (id === batch[k].opts.jobId) result.added++;
      else result.skipped++;
    });
  }
  return result;
}

/**
 * Queues a crawl job per request; a request is a no-op when its source already has a crawl job waiting,
 * delayed or running. Returns, in order, the id of the job covering each request (the new one, or the one it
 * was merged into). Every request is validated against the crawl contract before any is added (throws
 * `InvalidJobError`).
 */
export async function enqueueCrawl(queues: Queues, requests: CrawlJobData | readonly CrawlJobData[]): Promise<string[]> {
  const list = (Array.isArray(requests) ? requests : [requests]) as readonly CrawlJobData[];
  const jobs = list.map((request) => {
    const data = parseJobData('crawl', request);
    const opts: JobsOptions = { jobId: jobIdFor('crawl', data.sourceId), deduplication: { id: dedupeId('crawl', data.sourceId) } };
    return { name: 'crawl', data, opts };
  });
  if (jobs.length === 0) return [];
  const added = await queues.crawl.addBulk(jobs);
  return added.map((job) => String(job.id));
}
