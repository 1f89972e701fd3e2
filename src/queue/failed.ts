/**
 * Failed jobs: listing them with their reasons, and sending them back to be tried again.
 */
import type { Job } from 'bullmq';
import { QUEUE_NAMES } from './contracts.js';
import type { QueueName } from './contracts.js';
import type { Queues } from './queues.js';

export interface FailedJob {
  queue: QueueName;
  jobId: string;
  data: unknown;
  /** The error message of the last attempt. */
  reason: string;
  attemptsMade: number;
  /** When the job failed for good; null if BullMQ did not record it. */
  failedAt: Date | null;
}

export interface FailedJobsQuery {
  /** Only this queue (default both). */
  queue?: QueueName;
  /** At most this many jobs, most recent failures first (default 100). */
  limit?: number;
}

function toFailed(queue: QueueName, job: Job): FailedJob {
  return {
    queue,
    jobId: String(job.id),
    data: job.data,
    reason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit: expected a positive integer, got ${limit}`);
  return limit;
}

async function failedJobs(queues: Queues, query: FailedJobsQuery): Promise<FailedJob[]> {
  const limit = checkLimit(query.limit ?? 100);
  const names = query.queue ? [query.queue] : QUEUE_NAMES;
  const out: FailedJob[] = [];
  for (const name of names) {
    // The failed set is ordered by failure time; BullMQ returns the newest first.
    const jobs = await queues.get(name).getFailed(0, limit - 1);
    // A job removed between listing and loading comes back undefined.
    for (const job of jobs) if (job) out.push(toFailed(name, job));
  }
  return out
    .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0) || a.jobId.localeCompare(b.jobId))
    .slice(0, limit);
}

/** Failed jobs with their data and reason, most recent first. */
export async function listFailedJobs(queues: Queues, query: FailedJobsQuery = {}): Promise<FailedJob[]> {
  return failedJobs(queues, query);
}

export interface RetryFailedQuery extends FailedJobsQuery {
  /** Only these job ids (default all listed by `queue` / `limit`). */
  jobIds?: readonly string[];
}

/**
 * Moves failed jobs back to waiting with their attempt counts reset (so each gets its full attempts again), most recent failures first. Returns the jobs
 * retried; a job that stopped being failed meanwhile (retried by someone else, removed) is skipped.
 */
export async function retryFailedJobs(queues: Queues, query: RetryFailedQuery = {}): Promise<FailedJob[]> {
  const wanted = query.jobIds ? new Set(query.jobIds) : undefined;
  const candidates = await failedJobs(queues, wanted ? { ...query, limit: Math.max(query.limit ?? 0, 10_000) } : query);
  const retried: FailedJob[] = [];
  for (const f of candidates) {
    if (wanted && !wanted.has(f.jobId)) continue;
    const job = await queues.get(f.queue).getJob(f.jobId);
    if (!job) continue;
    try {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push(f);
    } catch (err) {
      // BullMQ refuses when the job is no longer in the failed set; anything else is a real error.
      if (!/not in the failed state|does not exist|Missing key/i.test((err as Error).message)) throw err;
    }
  }
  return retried;
}
