/**
 * Child process of `npm run bench:pipeline`: an extraction worker, i.e. what `pantau worker --queues extract`
 * runs (`startWorkers` with the built-in `extractPage` handler, on the same store and queues), instrumented:
 * jobs done, when they ran, CPU time, and memory (sampled, and after a forced GC at warm-up and at the end).
 *
 * Environment: BENCH_DB (SQLite file), BENCH_REDIS_URL, BENCH_PREFIX, BENCH_CONCURRENCY (default 2),
 * BENCH_WARMUP (jobs before the warm-up memory checkpoint, default 500). Run with --expose-gc.
 *
 * IPC: sends `{ type: 'ready' }` once the worker is connected; on `{ type: 'stop' }` finishes the jobs in hand,
 * sends `{ type: 'stats', ... }` and exits.
 */
import { openStore } from '../../src/store/index.js';
import { startWorkers } from '../../src/worker/index.js';

const MB = 1024 * 1024;
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface WorkerMemoryPoint {
  jobs: number;
  rssMb: number;
  heapMb: number;
}

export interface WorkerStats {
  type: 'stats';
  pid: number;
  completed: number;
  failed: number;
  /** Epoch ms: first job started, last job finished. */
  firstStart: number | null;
  lastEnd: number | null;
  /** Sum of job durations (processedOn -> finishedOn), ms. */
  jobMs: number;
  /** CPU time (user + system) from the first job to the end, ms. */
  cpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** After a forced GC: once `warmup` jobs are done, and at the end. */
  warm: WorkerMemoryPoint | null;
  end: WorkerMemoryPoint;
  samples: WorkerMemoryPoint[];
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

function memoryPoint(jobs: number): WorkerMemoryPoint {
  const m = process.memoryUsage();
  return { jobs, rssMb: m.rss / MB, heapMb: m.heapUsed / MB };
}

async function main(): Promise<void> {
  const store = openStore({ sqlitePath: env('BENCH_DB') });
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);
  const warmup = Number(process.env.BENCH_WARMUP ?? 500);
  const handle = startWorkers({
    redisUrl: env('BENCH_REDIS_URL'),
    prefix: env('BENCH_PREFIX'),
    store,
    queues: ['extract'],
    concurrency: { extract: concurrency },
    extractThreads: Number(process.env.BENCH_THREADS ?? 0),
  });
  const stats: WorkerStats = {
    type: 'stats',
    pid: process.pid,
    completed: 0,
    failed: 0,
    firstStart: null,
    lastEnd: null,
    jobMs: 0,
    cpuMs: 0,
    peakRssMb: 0,
    peakHeapMb: 0,
    warm: null,
    end: memoryPoint(0),
    samples: [],
  };
  let cpu0: NodeJS.CpuUsage | undefined;
  const worker = handle.workers[0];
  worker.on('active', () => {
    cpu0 ??= process.cpuUsage();
  });
  const done = (processedOn: number | undefined, finishedOn: number | undefined) => {
    if (processedOn) stats.firstStart = Math.min(stats.firstStart ?? processedOn, processedOn);
    const end = finishedOn ?? Date.now();
    stats.lastEnd = Math.max(stats.lastEnd ?? end, end);
    if (processedOn) stats.jobMs += end - processedOn;
  };
  worker.on('completed', (job) => {
    stats.completed++;
    done(job.processedOn, job.finishedOn);
    if (stats.warm === null && stats.completed >= warmup) {
      gc();
      stats.warm = memoryPoint(stats.completed);
    }
  });
  worker.on('failed', (job) => {
    stats.failed++;
    done(job?.processedOn, job?.finishedOn);
  });
  const sample = () => {
    const p = memoryPoint(stats.completed);
    stats.peakRssMb = Math.max(stats.peakRssMb, p.rssMb);
    stats.peakHeapMb = Math.max(stats.peakHeapMb, p.heapMb);
    if (stats.completed > 0) stats.samples.push(p);
  };
  const timer = setInterval(sample, 250);
  await worker.waitUntilReady();
  process.send!({ type: 'ready' });

  let stopping = false;
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type !== 'stop' || stopping) return;
    stopping = true;
    void (async () => {
      await handle.close();
      clearInterval(timer);
      sample();
      const cpu = process.cpuUsage(cpu0);
      stats.cpuMs = cpu0 ? (cpu.user + cpu.system) / 1000 : 0;
      gc();
      stats.end = memoryPoint(stats.completed);
      await store.close();
      process.send!(stats, () => process.exit(0));
    })();
  });
  process.on('disconnect', () => {
    if (!stopping) void handle.close({ force: true }).finally(() => process.exit(1));
  });
}

main().catch((err: Error) => {
  process.stderr.write(`bench worker: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
