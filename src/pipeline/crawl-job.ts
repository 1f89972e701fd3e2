/**
 * The `crawl` job: finds the source, runs the crawl stage with store- and queue-backed ports, and reports
 * progress on the job so any process (the `pantau crawl` that queued it) can draw it.
 */
import type { Job } from 'bullmq';
import type { CrawlProgressEvent, CrawlStats } from '../crawl/crawler/index.js';
import type { PantauConfig } from '../config/index.js';
import { PermanentJobError } from '../queue/index.js';
import type { CrawlJobData, Queues } from '../queue/index.js';
import { SOURCES } from '../sources/index.js';
import { loadSource, upsertSource } from '../store/index.js';
import type { Store } from '../store/index.js';
import { storeCrawlPorts } from './crawl-ports.js';

/** What a crawl job reports while it runs (job progress) and returns. */
export interface CrawlTally {
  sourceId: string;
  discovered: number;
  /** Article URLs selected for fetching this run. */
  queued: number;
  /** Responses received (retries and redirect hops included). */
  fetched: number;
  saved: number;
  failed: number;
  skipped: number;
  /** The last few failures, `url: reason`. */
  failures: string[];
  done: boolean;
}

export function emptyTally(sourceId: string): CrawlTally {
  return { sourceId, discovered: 0, queued: 0, fetched: 0, saved: 0, failed: 0, skipped: 0, failures: [], done: false };
}

const MAX_FAILURES_REPORTED = 20;

function tallyEvent(t: CrawlTally, e: CrawlProgressEvent): void {
  switch (e.type) {
    case 'queued':
      t.queued += e.count;
      break;
    case 'discovered':
      t.discovered = e.count;
      t.queued = e.queued;
      break;
    case 'skipped':
      t.skipped += 1;
      break;
    case 'fetched':
      t.fetched += 1;
      break;
    case 'saved':
      t.saved += 1;
      break;
    case 'failed':
      t.failed += 1;
      t.failures.push(`${e.url}: ${e.reason}`);
      if (t.failures.length > MAX_FAILURES_REPORTED) t.failures.shift();
      break;
    default:
      break;
  }
}

/** Final tally from the crawl's own statistics (authoritative over the counted events). */
function tallyFromStats(sourceId: string, stats: CrawlStats): CrawlTally {
  return {
    sourceId,
    discovered: stats.discovered,
    queued: stats.queued,
    fetched: stats.fetched,
    saved: stats.saved,
    failed: stats.failed,
    skipped: stats.skipped,
    failures: stats.problems
      .filter((p) => p.outcome === 'failed')
      .slice(-MAX_FAILURES_REPORTED)
      .map((p) => `${p.url}: ${p.reason}`),
    done: true,
  };
}

export interface CrawlHandlerDeps {
  store: Store;
  queues: Queues;
  config: PantauConfig;
  /** Ends running crawls early (graceful shutdown); what was fetched is kept. */
  signal?: AbortSignal;
}

export function crawlJobHandler(deps: CrawlHandlerDeps) {
  return async (data: CrawlJobData, job: Job): Promise<CrawlTally> => {
    let source = await loadSource(deps.store, data.sourceId);
    if (!source) {
      source = SOURCES.find((s) => s.id === data.sourceId);
      if (!source) throw new PermanentJobError(`unknown source ${JSON.stringify(data.sourceId)}: not in the registry nor the database`);
      await upsertSource(deps.store, source);
    }
    const tally = emptyTally(source.id);
    let lastReport = 0;
    // Loaded on first use: Crawlee takes seconds to import, which extraction-only workers need not pay.
    const { crawlSource } = await import('../crawl/crawler/index.js');
    const stats = await crawlSource(source, storeCrawlPorts(deps.store, deps.queues, data.runId), {
      since: data.since,
      maxPages: data.maxPages ?? deps.config.maxPages,
      politenessMs: data.politenessMs ?? deps.config.politenessMs,
      maxBodyBytes: deps.config.maxBodyBytes,
      userAgent: deps.config.userAgent,
      signal: deps.signal,
      onProgress: (event) => {
        tallyEvent(tally, event);
        const now = Date.now();
        // Progress lives in Redis: a few updates a second are plenty for a progress bar.
        if (now - lastReport >= 250) {
          lastReport = now;
          job.updateProgress({ ...tally }).catch(() => {});
        }
      },
    });
    const final = tallyFromStats(source.id, stats);
    await job.updateProgress(final);
    return final;
  };
}
