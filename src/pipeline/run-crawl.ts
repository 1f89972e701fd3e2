/**
 * One crawl run, as `pantau crawl` and `pantau demo` do it: queue a `crawl` job per source, work the crawl jobs
 * (and, unless left to `pantau worker` processes, the extraction jobs) in this process, report progress, and
 * return what the run did once every crawl job has finished and its pages are extracted.
 */
import { randomBytes } from 'node:crypto';
import { Job } from 'bullmq';
import { enqueueCrawl, enqueueExtract } from '../queue/index.js';
import { counts, pendingPageIds, upsertSource } from '../store/index.js';
import type { StoreCounts } from '../store/index.js';
import type { Source } from '../types/source.js';
import { startWorkers } from '../worker/index.js';
import { crawlJobHandler, emptyTally } from './crawl-job.js';
import type { CrawlTally } from './crawl-job.js';
import type { Pipeline } from './context.js';
import { RedisOutageError } from './errors.js';
import { TIMED_OUT, within } from './within.js';
import { extractionProgress } from './extraction-progress.js';
import type { ExtractionProgress } from './extraction-progress.js';

export interface CrawlRunOptions {
  sources: Source[];
  /** Skip articles dated (by sitemap, feed or listing) before this day, YYYY-MM-DD. */
  since?: string;
  /** Article pages fetched per source. Default: the config's `maxPages`. */
  maxPages?: number;
  /** Milliseconds between requests to one host. Default: the config's `politenessMs`. */
  politenessMs?: number;
  /** Extraction jobs run in this process at once; 0 leaves extraction to `pantau worker` processes. Default: the config's `concurrency`. */
  extractConcurrency?: number;
  /** Called with the run's state about four times a second. */
  onUpdate?: (status: CrawlRunStatus) => void;
  /** Stops the run: crawls end early (what was fetched is kept), queued extraction is left to workers. */
  signal?: AbortSignal;
  /** How long Redis may stay unreachable before the run stops with `RedisOutageError`. Default 60 s. */
  redisOutageMs?: number;
}

export type SourceRunState = 'waiting' | 'crawling' | 'completed' | 'failed';

export interface CrawlRunStatus {
  runId: string;
  sources: (CrawlTally & { state: SourceRunState; error?: string })[];
  extraction: ExtractionProgress;
}

export interface CrawlRunResult extends CrawlRunStatus {
  /** Pages stored earlier but never extracted, queued again at the start. */
  requeued: number;
  /** Whether this process extracted the pages (else they wait for `pantau worker`). */
  extractedHere: boolean;
  aborted: boolean;
  elapsedMs: number;
  counts: StoreCounts;
}

const POLL_MS = 250;
/** How often a run whose crawls are done checks for pending pages that lost their extraction job. */
const RECONCILE_MS = 3000;
/** A look at the run taking longer than this means Redis is not answering. */
const STEP_TIMEOUT_MS = 5000;

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/** Queues every stored page still waiting for extraction (a page already waiting in the queue is not added twice). */
export async function requeuePending(p: Pipeline, runId?: string): Promise<number> {
  let total = 0;
  let afterId: string | undefined;
  for (;;) {
    const ids = await pendingPageIds(p.store, { afterId, limit: 1000 });
    if (ids.length === 0) break;
    await enqueueExtract(p.queues, ids, runId);
    total += ids.length;
    afterId = ids[ids.length - 1];
  }
  return total;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function runCrawl(p: Pipeline, options: CrawlRunOptions): Promise<CrawlRunResult> {
  const started = Date.now();
  const runId = newRunId();
  const extractConcurrency = options.extractConcurrency ?? p.config.concurrency;
  const outageMs = options.redisOutageMs ?? 60_000;
  const sourceIds = options.sources.map((s) => s.id);
  for (const s of options.sources) await upsertSource(p.store, s);
  const requeued = await requeuePending(p, runId);
  const since = new Date(started).toISOString();

  const jobIds = await enqueueCrawl(
    p.queues,
    options.sources.map((s) => ({
      sourceId: s.id,
      runId,
      ...(options.since ? { since: options.since } : {}),
      maxPages: options.maxPages ?? p.config.maxPages,
      politenessMs: options.politenessMs ?? p.config.politenessMs,
    })),
  );

  const abort = new AbortController();
  const onAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const workers = startWorkers({
    redisUrl: p.redis.url,
    prefix: p.config.queuePrefix,
    store: p.store,
    queues: extractConcurrency > 0 ? ['crawl', 'extract'] : ['crawl'],
    concurrency: { crawl: Math.min(4, Math.max(1, options.sources.length)), extract: Math.max(1, extractConcurrency) },
    extractThreads: p.config.extractThreads,
    lockDurationMs: p.config.lockDurationMs,
    // A job whose lock was lost (its worker died, or Redis restarted) is recovered after one check.
    stalledIntervalMs: p.config.lockDurationMs,
    handlers: { crawl: crawlJobHandler({ store: p.store, queues: p.queues, config: p.config, signal: abort.signal }) },
  });

  const status: CrawlRunStatus = {
    runId,
    sources: options.sources.map((s) => ({ ...emptyTally(s.id), state: 'waiting' as SourceRunState })),
    extraction: { done: 0, failed: 0, pending: 0, total: 0 },
  };
  let downSince: number | undefined;
  let lastReconcile = Date.now();
  /** One look at the run: 'done' when it is over. */
  const pollStep = async (): Promise<'done' | 'running'> => {
    await pollJobs(p, jobIds, status);
    status.extraction = await extractionProgress(p.store, sourceIds, since);
    const crawlsDone = status.sources.every((s) => s.state === 'completed' || s.state === 'failed');
    if (abort.signal.aborted) return 'done';
    if (crawlsDone && (extractConcurrency === 0 || status.extraction.pending === 0)) return 'done';
    if (crawlsDone && Date.now() - lastReconcile > RECONCILE_MS) {
      // Pages still pending with no extraction job left: their jobs were lost (a Redis restart without its
      // last writes). The store is the record of what needs doing, so queue them again.
      lastReconcile = Date.now();
      const c = await p.queues.extract.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(c).every((n) => n === 0)) await requeuePending(p, runId);
    }
    return 'running';
  };
  let failure: unknown;
  try {
    for (;;) {
      const step = p.connection.status === 'ready' ? await within(pollStep(), STEP_TIMEOUT_MS) : TIMED_OUT;
      if (step === TIMED_OUT) {
        downSince ??= Date.now();
        if (Date.now() - downSince > outageMs) {
          throw new RedisOutageError(p.redis.url, Math.round((Date.now() - downSince) / 1000));
        }
        await sleep(POLL_MS);
        continue;
      }
      downSince = undefined;
      options.onUpdate?.(status);
      if (step === 'done') break;
      await sleep(POLL_MS);
    }
  } catch (err) {
    failure = err;
    throw err;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    abort.abort();
    // After a failure (Redis gone) active jobs may never finish: do not wait for them; their locks expire and
    // another worker takes them over.
    if (failure === undefined) await workers.close();
    else await within(workers.close({ force: true }), 5000);
  }
  status.extraction = await extractionProgress(p.store, sourceIds, since);
  return {
    ...status,
    requeued,
    extractedHere: extractConcurrency > 0,
    aborted: options.signal?.aborted ?? false,
    elapsedMs: Date.now() - started,
    counts: await counts(p.store),
  };
}

async function pollJobs(p: Pipeline, jobIds: string[], status: CrawlRunStatus): Promise<void> {
  await Promise.all(
    jobIds.map(async (id, i) => {
      const entry = status.sources[i];
      if (entry.state === 'completed' || entry.state === 'failed') return;
      const job = await Job.fromId(p.queues.crawl, id);
      if (!job) {
        entry.state = 'failed';
        entry.error = 'the crawl job disappeared from the queue';
        return;
      }
      const state = await job.getState();
      const progress = job.progress;
      if (progress && typeof progress === 'object') Object.assign(entry, progress as Partial<CrawlTally>);
      if (state === 'completed') {
        Object.assign(entry, (job.returnvalue ?? {}) as Partial<CrawlTally>);
        entry.state = 'completed';
      } else if (state === 'failed') {
        entry.state = 'failed';
        entry.error = job.failedReason;
      } else if (state === 'active') {
        entry.state = 'crawling';
      }
    }),
  );
}
