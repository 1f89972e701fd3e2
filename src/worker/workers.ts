/**
 * BullMQ workers for the crawl and extract queues. Thin adapters: validate the job against its contract, call
 * the core (extractPage, or the injected crawl handler), and turn a permanent error into BullMQ's
 * UnrecoverableError so it is not retried. Retry delays and kept jobs come from src/queue/retry.ts.
 */
import { constants, hostname } from 'node:os';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  DEFAULT_PREFIX,
  KEEP_COMPLETED,
  KEEP_FAILED,
  QUEUE_NAMES,
  backoffStrategy,
  classifyError,
  connectRedis,
  describeError,
  isQueueName,
  parseJobData,
  toWorkerError,
} from '../queue/index.js';
import type { BackoffOptions, CrawlJobData, JobData, QueueName } from '../queue/index.js';
import { markExtractFailed } from '../store/index.js';
import type { Store } from '../store/index.js';
import { extractPage } from './extract-page.js';
import { startExtractPool } from './extract-pool.js';
import { batchedRecordWriter } from './record-writer.js';

/** Runs one crawl job (written with the crawl stage). Throw `PermanentJobError` for what a retry cannot fix. */
export type CrawlHandler = (data: CrawlJobData, job: Job<CrawlJobData>) => Promise<unknown>;

/** What the workers report, for logging and progress. */
export type WorkerEvent =
  | { type: 'completed'; queue: QueueName; jobId: string; data: unknown; result: unknown }
  | {
      type: 'failed';
      queue: QueueName;
      jobId: string | undefined;
      data: unknown;
      error: string;
      attemptsMade: number;
      /** True when the job will not run again (permanent error or attempts used up); false when a retry is scheduled. */
      final: boolean;
    }
  /** A job whose worker stopped renewing its lock (crashed, killed) went back to waiting. */
  | { type: 'stalled'; queue: QueueName; jobId: string }
  /** A worker-level problem (usually Redis unreachable; ioredis keeps reconnecting). */
  | { type: 'error'; queue: QueueName; error: string };

export interface StartWorkersOptions {
  /** The Redis to use (give this or `connection`). */
  redisUrl?: string;
  /** Instead of `redisUrl`: returns a new connection, called once per worker (closed by `close()`). */
  connection?: () => Redis;
  /** Redis key prefix of the queues (default `pantau`). */
  prefix?: string;
  /** Where extract jobs read pages and write records. */
  store: Store;
  /** Queues to take jobs from (default `['extract']`, plus `crawl` when a crawl handler is given). */
  queues?: QueueName[];
  /** Jobs run at once per queue in this process (default 2 for each); a number applies to every queue. */
  concurrency?: number | Partial<Record<QueueName, number>>;
  /** Job handlers that are not built in. */
  handlers?: { crawl?: CrawlHandler };
  /**
   * How long a job stays claimed without its worker renewing the claim, in milliseconds (default 30000, BullMQ's).
   * A worker that dies mid-job leaves the job active; it goes back to waiting once the lock has expired.
   */
  lockDurationMs?: number;
  /** How often to look for such stalled jobs, in milliseconds (default 30000, BullMQ's). */
  stalledIntervalMs?: number;
  /**
   * How many times a job may be recovered from a dead worker before it fails (default 2). Bounded so that a
   * page crashing the process every time (out of memory) ends up failed instead of looping.
   */
  maxStalledCount?: number;
  /** Retry delays (default: full jitter, 1 s base, 60 s cap). */
  backoff?: BackoffOptions;
  /**
   * Threads running `extract()` for this process's extract jobs (default 0: on the main thread, between the
   * jobs' queue and store work). With N > 0 the process uses up to N + 1 cores; see ./extract-pool.ts.
   */
  extractThreads?: number;
  /** Called for every event; must not throw. */
  onEvent?: (event: WorkerEvent) => void;
}

export interface WorkersHandle {
  workers: Worker[];
  /**
   * Stops taking jobs, waits for the active ones to finish, then closes the connections. Idempotent. `force`
   * does not wait for active jobs (they are picked up again once their lock expires).
   */
  close(options?: { force?: boolean }): Promise<void>;
  /** Settles when the workers are closed, by `close()` or a signal (see `closeOnSignals`). */
  closed: Promise<void>;
}

const DEFAULT_CONCURRENCY = 2;

function concurrencyFor(option: StartWorkersOptions['concurrency'], queue: QueueName): number {
  const n = typeof option === 'number' ? option : (option?.[queue] ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`concurrency for ${queue}: expected a positive integer, got ${n}`);
  return n;
}

/**
 * Starts workers for the given queues and returns at once (they connect in the background, and keep
 * reconnecting while Redis is away).
 */
export function startWorkers(options: StartWorkersOptions): WorkersHandle {
  const requested: readonly string[] = options.queues ?? (options.handlers?.crawl ? ['extract', 'crawl'] : ['extract']);
  if (requested.length === 0) throw new RangeError('queues: expected at least one queue');
  const unknown = requested.filter((n) => !isQueueName(n));
  if (unknown.length) throw new RangeError(`queues: unknown ${unknown.map((n) => JSON.stringify(n)).join(', ')}; expected ${QUEUE_NAMES.join(' or ')}`);
  const names = [...new Set(requested as QueueName[])];
  if (names.includes('crawl') && !options.handlers?.crawl) throw new Error('queues includes crawl but handlers.crawl is not given');
  // Checked before any worker starts, so a bad option leaves nothing running.
  const concurrency = new Map(names.map((q) => [q, concurrencyFor(options.concurrency, q)]));
  const emit = options.onEvent ?? (() => {});
  const { redisUrl, connection: given } = options;
  if ((redisUrl === undefined) === (given === undefined)) throw new Error('startWorkers: give either redisUrl or connection');
  const factory = given ?? (() => connectRedis(redisUrl as string, { name: 'pantau-worker' }));
  const connections: Redis[] = [];

  const threads = options.extractThreads ?? 0;
  if (!Number.isInteger(threads) || threads < 0) throw new RangeError(`extractThreads: expected an integer >= 0, got ${threads}`);
  const save = batchedRecordWriter(options.store, { maxBatch: concurrency.get('extract') });
  const pool = threads > 0 && names.includes('extract') ? startExtractPool(threads) : undefined;
  const handlers: { [Q in QueueName]?: (data: JobData<Q>, job: Job) => Promise<unknown> } = {
    extract: (data) => extractPage(options.store, data.pageId, { save, extract: pool?.extract }),
    crawl: options.handlers?.crawl as ((data: CrawlJobData, job: Job) => Promise<unknown>) | undefined,
  };

  const workers = names.map((queue) => {
    const handler = handlers[queue] as (data: unknown, job: Job) => Promise<unknown>;
    const processor = async (job: Job) => {
      try {
        const data = parseJobData(queue, job.data, job.id);
        return await handler(data, job);
      } catch (err) {
        if (queue === 'extract') await recordGivingUp(options.store, job, err);
        throw toWorkerError(err);
      }
    };
    const connection = factory();
    connections.push(connection);
    const worker = new Worker(queue, processor, {
      connection,
      prefix: options.prefix ?? DEFAULT_PREFIX,
      name: `${hostname()}:${process.pid}`,
      concurrency: concurrency.get(queue),
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 2,
      // Job options set by openQueues win; these cover jobs added by anything else.
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
      settings: { backoffStrategy: backoffStrategy(options.backoff) },
    });
    worker.on('completed', (job, result) => emit({ type: 'completed', queue, jobId: String(job.id), data: job.data, result }));
    worker.on('failed', (job, err) =>
      emit({
        type: 'failed',
        queue,
        jobId: job?.id,
        data: job?.data,
        error: err.message,
        attemptsMade: job?.attemptsMade ?? 0,
        final: job ? job.finishedOn != null || err.name === 'UnrecoverableError' : true,
      }),
    );
    worker.on('stalled', (jobId) => emit({ type: 'stalled', queue, jobId }));
    // Without a listener an 'error' event would throw and crash the process.
    worker.on('error', (err) => emit({ type: 'error', queue, error: describeError(err) }));
    return worker;
  });

  let resolveClosed: () => void = () => {};
  let rejectClosed: (err: unknown) => void = () => {};
  const closed = new Promise<void>((res, rej) => {
    resolveClosed = res;
    rejectClosed = rej;
  });
  // A caller that only uses close() must not get an unhandled rejection from `closed`.
  closed.catch(() => {});
  let closing: Promise<void> | undefined;
  const close = ({ force = false }: { force?: boolean } = {}) => {
    closing ??= (async () => {
      try {
        await Promise.all(workers.map((w) => w.close(force)));
        await pool?.close();
        await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
        resolveClosed();
      } catch (err) {
        rejectClosed(err);
        throw err;
      }
    })();
    return closing;
  };
  return { workers, close, closed };
}

/**
 * A transient failure on the job's last attempt: BullMQ gives up, so the page is marked failed with the reason
 * (best effort: the store may be what is failing), instead of staying `pending` with no trace of why.
 * Permanent failures were already recorded by extractPage.
 */
async function recordGivingUp(store: Store, job: Job, err: unknown): Promise<void> {
  const attempts = job.opts.attempts ?? 1;
  if (classifyError(err) !== 'transient' || job.attemptsMade + 1 < attempts) return;
  const pageId = (job.data as { pageId?: unknown } | undefined)?.pageId;
  if (typeof pageId !== 'string') return;
  await markExtractFailed(store, pageId, `gave up after ${attempts} attempts: ${describeError(err)}`).catch(() => {});
}

export interface CloseOnSignalsOptions {
  /** Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
  /** Told about each signal: `graceful` for the first, `force` for the next. */
  onSignal?: (signal: NodeJS.Signals, mode: 'graceful' | 'force') => void;
  /** Exits the process on the second signal (default `process.exit`); the code is 128 + the signal number. */
  exit?: (code: number) => void;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: the first signal stops taking jobs, lets the active ones finish and closes
 * the connections (`handle.closed` then settles; the caller closes the store and Redis after it); a second
 * signal exits at once — the jobs it interrupts go back to waiting once their lock expires. Returns a function
 * removing the listeners.
 */
export function closeOnSignals(handle: Pick<WorkersHandle, 'close'>, options: CloseOnSignalsOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let received = 0;
  const listener = (signal: NodeJS.Signals) => {
    received++;
    if (received === 1) {
      options.onSignal?.(signal, 'graceful');
      handle.close().catch(() => {});
    } else {
      options.onSignal?.(signal, 'force');
      exit(128 + (constants.signals[signal] ?? 15));
    }
  };
  for (const s of signals) process.on(s, listener);
  return () => {
    for (const s of signals) process.off(s, listener);
  };
}
