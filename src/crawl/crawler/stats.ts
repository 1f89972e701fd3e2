/**
 * What a crawl did: counts per outcome, the URLs skipped or failed with the reason, and the requests made.
 * The recorder also forwards each outcome to the progress callback.
 */
import { SKIP_REASONS } from './events.js';
import type { CrawlProgressEvent, ResourceKind, SkipReason } from './events.js';

/** One URL not stored this run, and why. */
export interface UrlIssue {
  url: string;
  outcome: 'skipped' | 'failed';
  /** `known`, `old`, `robots`... for skips; the failure reason (`HTTP 500 ...`, `too large ...`) for failures. */
  reason: string;
  /** Skips: the skip category. */
  skip?: SkipReason;
  /** Failures: the last HTTP status (0 when there was no response). */
  status?: number;
}

export interface DiscoveryIssue {
  kind: ResourceKind;
  url: string;
  reason: string;
}

export interface CrawlStats {
  sourceId: string;
  /** Distinct canonical article URLs found by discovery. */
  discovered: number;
  /** Article URLs selected for fetching this run. */
  queued: number;
  /** Responses received for article URLs (retries and redirect hops included). */
  fetched: number;
  /** Article pages saved with a body. */
  saved: number;
  /** Article URLs given up on (saved without a body, with the reason). */
  failed: number;
  /** Discovered URLs not fetched (all reasons), and per reason. */
  skipped: number;
  skippedBy: Record<SkipReason, number>;
  /** HTTP requests made: robots.txt, discovery and articles, retries and redirect hops included. */
  requests: number;
  /** Body bytes received for article pages (a capped download counts what was read before it was cut). */
  bytes: number;
  discovery: {
    /** Discovery resources fetched with a 2xx answer. */
    read: number;
    /** Sitemaps and feeds answered 304 Not Modified (skipped). */
    notModified: number;
    /** Discovery resources that could not be read. */
    failed: number;
    /** Child sitemaps not read on purpose (older than `since`, `maxSitemaps` reached, enough new URLs). */
    skipped: number;
    /** Why resources were not read (failures and skips), at most `maxIssues`. */
    issues: DiscoveryIssue[];
  };
  /** `onArticle` calls that threw (recorded in `problems` too; the page is stored). */
  articleHookErrors: number;
  /** Progress callback calls that threw (ignored). */
  progressErrors: number;
  /** Every skipped or failed URL with the reason, in order, at most `maxIssues`. */
  problems: UrlIssue[];
  /** Entries not kept in `problems` because of the bound. */
  problemsDropped: number;
  /** True when the crawl was stopped by `signal` (the stats are partial). */
  aborted: boolean;
  /** Queued article URLs left unfinished because the crawl was stopped. */
  unfinished: number;
  startedAt: string;
  durationMs: number;
}

/** Collects outcomes into CrawlStats and forwards them as progress events. */
export class StatsRecorder {
  readonly stats: CrawlStats;
  private readonly started = Date.now();

  constructor(
    sourceId: string,
    private readonly maxIssues: number,
    private readonly onProgress?: (event: CrawlProgressEvent) => void,
  ) {
    this.stats = {
      sourceId,
      discovered: 0,
      queued: 0,
      fetched: 0,
      saved: 0,
      failed: 0,
      skipped: 0,
      skippedBy: Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>,
      requests: 0,
      bytes: 0,
      discovery: { read: 0, notModified: 0, failed: 0, skipped: 0, issues: [] },
      articleHookErrors: 0,
      progressErrors: 0,
      problems: [],
      problemsDropped: 0,
      aborted: false,
      unfinished: 0,
      startedAt: new Date(this.started).toISOString(),
      durationMs: 0,
    };
  }

  emit(event: CrawlProgressEvent): void {
    if (!this.onProgress) return;
    try {
      this.onProgress(event);
    } catch {
      // A progress bar must not be able to break a crawl.
      this.stats.progressErrors++;
    }
  }

  private issue(i: UrlIssue): void {
    if (this.stats.problems.length < this.maxIssues) this.stats.problems.push(i);
    else this.stats.problemsDropped++;
  }

  skip(url: string, reason: SkipReason, detail: string): void {
    this.stats.skipped++;
    this.stats.skippedBy[reason]++;
    this.issue({ url, outcome: 'skipped', reason: detail, skip: reason });
    this.emit({ type: 'skipped', url, reason, detail });
  }

  fail(url: string, reason: string, status: number): void {
    this.stats.failed++;
    this.issue({ url, outcome: 'failed', reason, status });
    this.emit({ type: 'failed', url, reason, status });
  }

  /** A page was stored but its `onArticle` hook threw. */
  hookFailed(url: string, reason: string): void {
    this.stats.articleHookErrors++;
    this.issue({ url, outcome: 'failed', reason: `stored, but onArticle failed: ${reason}`, status: 0 });
  }

  discoveryFailed(kind: ResourceKind, url: string, reason: string): void {
    this.stats.discovery.failed++;
    this.discoveryIssue(kind, url, reason);
  }

  discoverySkipped(kind: ResourceKind, url: string, reason: string): void {
    this.stats.discovery.skipped++;
    this.discoveryIssue(kind, url, reason);
  }

  /** A note on a resource that is neither a failure nor a skip (validators not read or not stored). */
  discoveryIssue(kind: ResourceKind, url: string, reason: string): void {
    const list = this.stats.discovery.issues;
    if (list.length < this.maxIssues) list.push({ kind, url, reason });
  }

  finish(): CrawlStats {
    this.stats.durationMs = Date.now() - this.started;
    return this.stats;
  }
}
