/**
 * `pantau worker`: takes crawl and extraction jobs off the queues until SIGTERM / SIGINT, then finishes the
 * jobs in hand and exits. Run as many as you like, on one machine or several sharing REDIS_URL and DATABASE_URL.
 */
import type { PantauConfig } from '../config/index.js';
import { crawlJobHandler, openPipeline } from '../pipeline/index.js';
import { isQueueName, QUEUE_NAMES } from '../queue/index.js';
import type { QueueName } from '../queue/index.js';
import { closeOnSignals, startWorkers } from '../worker/index.js';
import type { WorkerEvent } from '../worker/index.js';

export interface WorkerCommandOptions {
  /** Comma-separated queue names; default both. */
  queues?: string;
  quiet?: boolean;
}

export function parseQueues(value: string | undefined): QueueName[] {
  if (value === undefined) return [...QUEUE_NAMES];
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !isQueueName(n));
  if (names.length === 0 || bad.length > 0) {
    throw new Error(`--queues ${value}: expected a comma-separated list of ${QUEUE_NAMES.join(', ')}`);
  }
  return [...new Set(names)] as QueueName[];
}

function describe(event: WorkerEvent): string | undefined {
  const data = (event as { data?: Record<string, unknown> }).data ?? {};
  const subject = event.queue === 'crawl' ? `source ${String(data.sourceId ?? '?')}` : `page ${String(data.pageId ?? '?')}`;
  switch (event.type) {
    case 'completed': {
      const r = (event.result ?? {}) as Record<string, unknown>;
      if (event.queue === 'extract') return `extracted ${subject}: ${r.relevant ? `relevant, ${String(r.commitments)} commitment(s)` : 'not relevant'}`;
      return `crawled ${subject}: ${String(r.saved ?? 0)} pages stored, ${String(r.failed ?? 0)} failed`;
    }
    case 'failed':
      return `${event.final ? 'FAILED' : 'will retry'} ${event.queue} ${subject} (attempt ${event.attemptsMade}): ${event.error}`;
    case 'stalled':
      return `recovered ${event.queue} job ${event.jobId} from a worker that stopped`;
    case 'error':
      return `${event.queue} worker: ${event.error}`;
    default:
      return undefined;
  }
}

export async function runWorker(config: PantauConfig, options: WorkerCommandOptions): Promise<number> {
  const queues = parseQueues(options.queues);
  const pipeline = await openPipeline(config);
  const log = (text: string) => process.stderr.write(`${new Date().toISOString()} ${text}\n`);
  const abort = new AbortController();
  try {
    const handle = startWorkers({
      redisUrl: pipeline.redis.url,
      prefix: config.queuePrefix,
      store: pipeline.store,
      queues,
      concurrency: { extract: config.concurrency, crawl: 2 },
      extractThreads: config.extractThreads,
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.lockDurationMs,
      handlers: { crawl: crawlJobHandler({ store: pipeline.store, queues: pipeline.queues, config, signal: abort.signal }) },
      onEvent: (event) => {
        if (options.quiet && event.type === 'completed') return;
        const line = describe(event);
        if (line) log(line);
      },
    });
    closeOnSignals(handle, {
      onSignal: (signal) => {
        // Running crawls stop early (what they fetched is stored); extraction jobs in hand finish.
        abort.abort();
        log(`${signal}: finishing the jobs in hand, then exiting (again to exit at once)`);
      },
    });
    log(
      `worker: queues ${queues.join(', ')} (prefix ${config.queuePrefix}), ${config.concurrency} extraction job(s) at once` +
        `${config.extractThreads > 0 ? ` on ${config.extractThreads} extraction thread(s)` : ''}, ` +
        `store ${pipeline.store.location}, Redis ${pipeline.redis.embedded ? 'started by pantau' : 'at REDIS_URL'}`,
    );
    await handle.closed;
    return 0;
  } finally {
    await pipeline.close();
  }
}
