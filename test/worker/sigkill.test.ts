/**
 * A worker process killed with SIGKILL mid-batch loses nothing: the jobs it held go back to waiting once their
 * lock expires, a second worker process finishes the batch, and every page ends extracted exactly once in the
 * store (records are replaced, never duplicated).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoSite } from '../../src/demo-site/index.js';
import { extract } from '../../src/extract/index.js';
import { enqueueExtract, listFailedJobs } from '../../src/queue/index.js';
import { savePage } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, postgresAvailable, tableCounts } from '../store/helpers.js';
import { REDIS_URL, waitFor } from '../queue/helpers.js';
import { workerEnv } from './helpers.js';
import type { WorkerEnv } from './helpers.js';

const pgUp = await postgresAvailable();
const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
const PAGES = 200;
const LOCK_MS = 2_000;

interface Child {
  proc: ChildProcess;
  out: string[];
  err: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnWorker(jobFile: string): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const err: string[] = [];
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => out.push(...s.split('\n').filter(Boolean)));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => err.push(s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  return { proc, out, err, exited };
}

async function pageStates(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('pages')
    .select(['extract_state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('extract_state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.extract_state, Number(r.n)]));
}

describe.each(DIALECTS)('a worker killed mid-batch on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let env: WorkerEnv | undefined;
  let tmp: string | undefined;
  const children: Child[] = [];

  afterEach(async () => {
    for (const c of children.splice(0)) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await env?.cleanup();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.skipIf(skip)(`loses and duplicates nothing across a SIGKILL (${PAGES} pages)`, async () => {
    env = await workerEnv(dialect);
    const { store, queues } = env;
    const site = generateDemoSite(2024);
    const pages = site.articles
      .map((a) => ({ url: a.url, page: site.pages.get(a.url) }))
      .filter((p) => p.page?.status === 200 && typeof p.page.body === 'string')
      .slice(0, PAGES);
    expect(pages).toHaveLength(PAGES);
    const ids: string[] = [];
    for (const p of pages) ids.push(await savePage(store, { url: p.url, status: 200, body: p.page!.body as string, contentType: p.page!.contentType }));
    await enqueueExtract(queues, ids, 'run-crash');

    tmp = mkdtempSync(join(tmpdir(), 'pantau-crash-'));
    const jobFile = join(tmp, 'job.json');
    writeFileSync(
      jobFile,
      JSON.stringify({ redisUrl: REDIS_URL, prefix: env.prefix, store: env.tdb.options, concurrency: 2, lockDurationMs: LOCK_MS, stalledIntervalMs: 1_000 }),
    );

    const first = spawnWorker(jobFile);
    children.push(first);
    await waitFor('first worker to extract some pages', async () => ((await pageStates(store)).done ?? 0) >= 30, 30_000, 20);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const doneAtKill = (await pageStates(store)).done ?? 0;
    const heldAtKill = await queues.extract.getActiveCount();
    // Mid-batch, with jobs left claimed by the dead process.
    expect(doneAtKill).toBeLessThan(PAGES);
    expect(heldAtKill).toBeGreaterThan(0);

    // The reference: what one clean extraction of each page stores.
    const expected = { commitments: 0, officials: 0, circulars: 0, measures: 0 };
    for (const p of pages) {
      const r = extract(p.page!.body as string, p.url, { input: p.url });
      expected.commitments += r.commitments.length;
      for (const c of r.commitments) {
        expected.officials += c.officials.length;
        expected.circulars += c.circulars.length;
        expected.measures += c.measures.length;
      }
    }

    const second = spawnWorker(jobFile);
    children.push(second);
    await waitFor('second worker to finish the batch', async () => (await queues.extract.getCompletedCount()) === PAGES, 45_000, 100);
    expect(second.out.some((l) => l.startsWith('stalled '))).toBe(true);

    // Graceful stop of a real process: SIGTERM, active jobs finish, exit 0.
    second.proc.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.out).toContain('closed');

    expect(await pageStates(store)).toEqual({ done: PAGES });
    const counts = await tableCounts(store);
    expect(counts).toMatchObject({ pages: PAGES, articles: PAGES, ...expected, evidence: expected.officials + expected.circulars + expected.measures });
    expect(expected.commitments).toBeGreaterThan(0);
    const distinct = await sql<{ n: number }>`select count(distinct article_id || '#' || ordinal) as n from commitments`.execute(store.db);
    expect(Number(distinct.rows[0].n)).toBe(expected.commitments);
    expect(await queues.extract.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toEqual({
      completed: PAGES,
      failed: 0,
      waiting: 0,
      active: 0,
      delayed: 0,
    });
    expect(await listFailedJobs(queues)).toEqual([]);
    expect(second.err.join('')).toBe('');
  });
});
