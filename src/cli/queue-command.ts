/**
 * `pantau queue status | failed | retry | requeue`: what is in the queues, what failed and why, and putting
 * work back.
 */
import type { PantauConfig } from '../config/index.js';
import { openPipeline, requeuePending } from '../pipeline/index.js';
import { isQueueName, listFailedJobs, QUEUE_NAMES, retryFailedJobs } from '../queue/index.js';
import type { FailedJob, QueueName } from '../queue/index.js';
import { counts } from '../store/index.js';
import { parseCount } from './crawl-command.js';

const write = (text: string) => process.stdout.write(text);

function parseQueue(value: string | undefined): QueueName | undefined {
  if (value === undefined) return undefined;
  if (!isQueueName(value)) throw new Error(`--queue ${value}: expected ${QUEUE_NAMES.join(' or ')}`);
  return value;
}

export async function runQueueStatus(config: PantauConfig, options: { json?: boolean }): Promise<number> {
  const p = await openPipeline(config);
  try {
    const states = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;
    const queues: Record<string, Record<string, number>> = {};
    for (const name of QUEUE_NAMES) queues[name] = await p.queues.get(name).getJobCounts(...states);
    const store = await counts(p.store);
    if (options.json) {
      write(`${JSON.stringify({ queues, pages: store.pages, articles: store.articles, commitments: store.commitments }, null, 2)}\n`);
      return 0;
    }
    write(`queue     ${states.map((s) => s.padStart(9)).join(' ')}\n`);
    for (const name of QUEUE_NAMES) write(`${name.padEnd(9)} ${states.map((s) => String(queues[name][s] ?? 0).padStart(9)).join(' ')}\n`);
    write(
      `\npages in ${p.store.location}: ${store.pages.total} (${store.pages.pending} pending, ${store.pages.done} extracted, ` +
        `${store.pages.failed} failed); ${store.articles} articles, ${store.commitments} commitments\n`,
    );
    return 0;
  } finally {
    await p.close();
  }
}

function formatFailed(jobs: FailedJob[], urls: Map<string, string>): string {
  if (jobs.length === 0) return 'no failed jobs\n';
  const lines = jobs.map((j) => {
    const data = (j.data ?? {}) as Record<string, unknown>;
    const subject =
      j.queue === 'extract'
        ? `page ${String(data.pageId)}${urls.has(String(data.pageId)) ? ` ${urls.get(String(data.pageId))}` : ''}`
        : `source ${String(data.sourceId)}`;
    const when = j.failedAt ? j.failedAt.toISOString().replace(/\.\d+Z$/, 'Z') : '-';
    return `${when}  ${j.queue.padEnd(7)}  ${subject}\n    attempts ${j.attemptsMade}: ${j.reason}`;
  });
  return `${lines.join('\n')}\n`;
}

export async function runQueueFailed(
  config: PantauConfig,
  options: { queue?: string; limit?: string; json?: boolean },
): Promise<number> {
  const queue = parseQueue(options.queue);
  const limit = parseCount('--limit', options.limit, 1) ?? 100;
  const p = await openPipeline(config);
  try {
    const jobs = await listFailedJobs(p.queues, { queue, limit });
    const pageIds = jobs.filter((j) => j.queue === 'extract').map((j) => String((j.data as { pageId?: unknown })?.pageId));
    const urls = new Map<string, string>();
    if (pageIds.length > 0) {
      const rows = await p.store.db.selectFrom('pages').select(['id', 'url']).where('id', 'in', pageIds).execute();
      for (const r of rows) urls.set(r.id, r.url);
    }
    write(options.json ? `${JSON.stringify(jobs.map((j) => ({ ...j, url: urls.get(String((j.data as { pageId?: unknown })?.pageId)) })), null, 2)}\n` : formatFailed(jobs, urls));
    return 0;
  } finally {
    await p.close();
  }
}

export async function runQueueRetry(config: PantauConfig, options: { queue?: string; limit?: string }): Promise<number> {
  const queue = parseQueue(options.queue);
  const limit = parseCount('--limit', options.limit, 1) ?? 1000;
  const p = await openPipeline(config);
  try {
    const retried = await retryFailedJobs(p.queues, { queue, limit });
    write(`${retried.length} failed job(s) queued again; run \`pantau worker\` to process them\n`);
    return 0;
  } finally {
    await p.close();
  }
}

export async function runQueueRequeue(config: PantauConfig): Promise<number> {
  const p = await openPipeline(config);
  try {
    const n = await requeuePending(p);
    write(`${n} page(s) waiting for extraction queued (pages already queued are not duplicated)\n`);
    return 0;
  } finally {
    await p.close();
  }
}
