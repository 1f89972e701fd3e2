/**
 * The pipeline commands as a user runs them, in child processes: `pantau demo` with pantau's own Redis,
 * `pantau crawl --workers 0` with separate `pantau worker` processes (one stopped with SIGTERM mid-run), and
 * `pantau queue status | failed | requeue`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite } from '../../src/demo-site/index.js';
import { migrate, openStore, savePage, upsertSource } from '../../src/store/index.js';
import { deletePrefix, REDIS_URL, uniquePrefix, waitFor } from '../queue/helpers.js';
import { freePort } from '../../src/queue/embedded-redis.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function pantau(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
      { cwd: root, env: { ...process.env, REDIS_URL: '', DATABASE_URL: '', ...env }, maxBuffer: 10 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('pantau demo', () => {
  it('crawls the demo site through the pipeline with its own redis-server, prints the summary, and stops Redis', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pantau-demo-'));
    const port = await freePort();
    const r = await pantau(['demo', '--articles', '40', '--port', String(port), '--data-dir', dataDir, '--politeness', '0', '--quiet']);
    expect(r.stderr).not.toMatch(/Error|Unhandled/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Database: 40 articles, \d+ relevant, \d+ commitments/);
    expect(r.stdout).toMatch(/Commitments by province:/);
    expect(r.stdout).toMatch(/Next:/);
    expect(existsSync(join(dataDir, 'demo.db'))).toBe(true);
    // pantau's own Redis kept its data under the data folder and was stopped at the end.
    const pidFile = join(dataDir, 'redis', 'redis.pid');
    if (existsSync(pidFile)) expect(pidAlive(Number(readFileSync(pidFile, 'utf8').trim()))).toBe(false);
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);

    // Run again: nothing is fetched again.
    const again = await pantau(['demo', '--articles', '40', '--port', String(port), '--data-dir', dataDir, '--politeness', '0', '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Database: 40 articles/);
    expect(again.stdout).toMatch(/Extraction: 0 extracted/);
  }, 120_000);
});

describe('pantau crawl, worker and queue', () => {
  let site: DemoSite;
  const prefix = uniquePrefix('cli');
  const dir = mkdtempSync(join(tmpdir(), 'pantau-cli-pipeline-'));
  const db = join(dir, 'pantau.db');
  const common = ['--db', db, '--redis-url', REDIS_URL, '--queue-prefix', prefix];

  beforeAll(async () => {
    site = await startDemoSite({ politeness: false, articles: 60 });
    // The demo outlets are not in the registry: store them, as `pantau demo` does, so --source finds them.
    const store = openStore({ sqlitePath: db });
    await migrate(store);
    for (const s of site.sources) await upsertSource(store, s);
    // A page no extractor can read, to fail permanently.
    await savePage(store, { url: 'http://127.0.0.1:1/laporan.pdf', status: 200, contentType: 'application/pdf', body: '%PDF-1.4 binary' });
    await store.close();
  });
  afterAll(async () => {
    await site?.close();
    await deletePrefix(prefix);
  });

  it('leaves extraction to `pantau worker` processes; a worker stopped with SIGTERM finishes its jobs; failures are listed with the reason', async () => {
    const sources = site.sources.map((s) => s.id);
    const crawl = await pantau(['crawl', ...common, '--source', ...sources, '--workers', '0', '--politeness', '0', '--quiet']);
    expect(crawl.stderr).toBe('');
    expect(crawl.code).toBe(0);
    expect(crawl.stdout).toMatch(/Extraction: \d+ pages queued for `pantau worker`/);

    const status = await pantau(['queue', 'status', ...common, '--json']);
    const queued = JSON.parse(status.stdout) as { queues: { extract: { waiting: number } }; pages: { pending: number } };
    expect(queued.queues.extract.waiting).toBeGreaterThan(0);
    expect(queued.pages.pending).toBe(site.truth.length + 1);

    const worker = (extra: string[] = []) =>
      spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'worker', ...common, '--concurrency', '1', ...extra], {
        cwd: root,
        env: { ...process.env, REDIS_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    const first = worker();
    let firstLog = '';
    first.stderr.on('data', (b: Buffer) => (firstLog += b.toString()));
    await waitFor('the first worker to extract a few pages', () => (firstLog.match(/extracted page/g) ?? []).length >= 5, 60_000);
    const firstExit = new Promise<number | null>((r) => first.once('exit', (code) => r(code)));
    first.kill('SIGTERM');
    expect(await firstExit).toBe(0);
    expect(firstLog).toMatch(/SIGTERM: finishing the jobs in hand/);

    const second = worker(['--quiet']);
    const store = openStore({ sqlitePath: db });
    try {
      await waitFor(
        'every page extracted or failed',
        async () => (await store.db.selectFrom('pages').select('id').where('extract_state', '=', 'pending').execute()).length === 0,
        90_000,
        250,
      );
      const articles = await store.db.selectFrom('articles').select('page_id').execute();
      expect(articles).toHaveLength(site.truth.length);
    } finally {
      await store.close();
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }

    const failed = await pantau(['queue', 'failed', ...common]);
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain('http://127.0.0.1:1/laporan.pdf');
    expect(failed.stdout).toMatch(/attempts 1: .*(pdf|not HTML|not an HTML)/i);

    const requeue = await pantau(['queue', 'requeue', ...common]);
    expect(requeue.stdout).toMatch(/^0 page\(s\)/);
  }, 180_000);

  it('rejects bad options naming the option and the reason', async () => {
    const r = await pantau(['crawl', ...common, '--since', '2024-13-01']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--since 2024-13-01: expected a date/);
    const q = await pantau(['crawl', ...common, '--source', 'no-such-outlet']);
    expect(q.stderr).toMatch(/--source no-such-outlet: no such outlet/);
    const c = await pantau(['worker', ...common, '--concurrency', 'lots']);
    expect(c.stderr).toMatch(/concurrency.*positive integer/);
  }, 60_000);
});
