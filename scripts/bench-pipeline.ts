/**
 * `npm run bench:pipeline` (node --expose-gc --import tsx scripts/bench-pipeline.ts [options])
 *
 * The whole pipeline on a generated loopback site: the demo site with N articles (politeness off) is served by a
 * child process, crawled through the real pipeline (`openPipeline` on a temporary SQLite database and a unique
 * queue prefix, `runCrawl`: crawl jobs -> Crawlee -> raw pages in SQLite -> BullMQ extract jobs) and extracted
 * by worker processes (what `pantau worker --queues extract` runs). Reports:
 *
 * - end to end: article pages stored and extracted / wall time from the start of the crawl to the last extraction;
 * - per stage: crawl (fetch + store + enqueue, with and without discovery) and extraction (in the workers);
 * - extraction only: the same stored pages loaded from the store and run through `extract()` in a fresh process,
 *   timing `extract()` alone, the faster of two passes — the baseline; e2e / baseline against the 60% target;
 * - Redis: `used_memory` sampled during the run (peak, end), bytes per job, the largest job payload, and a probe
 *   queuing the same number of pages at two page sizes through the crawl's storage ports (it must not differ);
 * - process memory: RSS and heap of the pipeline process and each worker, after warm-up and at the end (after GC).
 *
 * Options:
 *   --articles N         articles on the generated site (default 5000)
 *   --extract-workers N  extraction worker processes (default 1)
 *   --concurrency N      extraction jobs at once per worker process (default: the config default, 8)
 *   --threads N          extractor threads per extracting process (default: the config default, 1)
 *   --in-process N       extraction jobs in the crawling process as well, like `pantau crawl --workers N`
 *                        (default 0 with worker processes, else --concurrency)
 *   --redis-url URL      use this Redis (default: a private redis-server in a temporary directory, so
 *                        used_memory is the benchmark's alone; with a shared Redis deltas are reported)
 *   --no-baseline        skip the extraction-only baseline (and the ratio)
 *   --no-probe           skip the Redis page-size probe
 *   --json               print the result as JSON
 *   --profile DIR        write CPU profiles to DIR: the pipeline process over the run (crawl start to last
 *                        extraction), the workers and the site over their whole life (.cpuprofile, for
 *                        Chrome DevTools)
 *
 * Benchmarks print numbers; nothing here asserts them.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DEFAULT_CONFIG, resolveConfig } from '../src/config/index.js';
import { extractionProgress, openPipeline, runCrawl, storeCrawlPorts } from '../src/pipeline/index.js';
import type { CrawlRunStatus, Pipeline } from '../src/pipeline/index.js';
import { canonicalUrl } from '../src/crawl/url/index.js';
import { connectRedis, openQueues, redisUrlForDisplay } from '../src/queue/index.js';
import { loadPage, migrate, openStore } from '../src/store/index.js';
import type { Source } from '../src/types/source.js';
import type { WorkerStats } from './lib/bench-extract-worker.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

interface Args {
  articles: number;
  workers: number;
  concurrency: number;
  threads: number;
  inProcess: number | undefined;
  redisUrl: string | undefined;
  baseline: boolean;
  probe: boolean;
  json: boolean;
  profile: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { articles: 5000, workers: 1, concurrency: DEFAULT_CONFIG.concurrency, threads: DEFAULT_CONFIG.extractThreads, inProcess: undefined, redisUrl: undefined, baseline: true, probe: true, json: false, profile: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${a}: expected an integer >= ${min}`);
      return n;
    };
    if (a === '--articles') args.articles = int(10);
    else if (a === '--extract-workers') args.workers = int(0);
    else if (a === '--concurrency') args.concurrency = int(1);
    else if (a === '--threads') args.threads = int(0);
    else if (a === '--in-process') args.inProcess = int(0);
    else if (a === '--redis-url') args.redisUrl = value();
    else if (a === '--no-baseline') args.baseline = false;
    else if (a === '--no-probe') args.probe = false;
    else if (a === '--json') args.json = true;
    else if (a === '--profile') args.profile = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: npm run bench:pipeline -- [--articles N] [--extract-workers N] [--concurrency N] [--threads N] [--in-process N] [--redis-url URL] [--no-baseline] [--no-probe] [--json] [--profile DIR]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  args.inProcess ??= args.workers === 0 ? args.concurrency : 0;
  if (args.workers === 0 && args.inProcess === 0) throw new Error('--extract-workers 0 needs --in-process N > 0: nothing would extract');
  return args;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

let profileDir: string | undefined;

function forkChild(script: string, env: Record<string, string>): ChildProcess {
  return fork(join(HERE, 'lib', script), [], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type?: string }) => {
      if (msg?.type !== type) return;
      cleanup();
      resolve(msg as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`child process exited (code ${code}) before sending ${type}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

interface SiteReady {
  type: 'ready';
  sources: Source[];
  truthUrls: string[];
  traps: { kind: string; url: string }[];
  ms: number;
}

interface SiteClosed {
  type: 'closed';
  requests: number;
  byStatus: Record<string, number>;
  external: number;
  cpuMs: number;
  maxRssMb: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Sampling

interface RedisSample {
  t: number;
  usedMemory: number;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

function parseInfo(info: string, field: string): number {
  const m = new RegExp(`^${field}:(\\d+)`, 'm').exec(info);
  return m ? Number(m[1]) : NaN;
}

function parseFloatInfo(info: string, field: string): number {
  const m = new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info);
  return m ? Number(m[1]) : 0;
}

interface MemPoint {
  pages: number;
  rssMb: number;
  heapMb: number;
}

function memPoint(pages: number): MemPoint {
  const m = process.memoryUsage();
  return { pages, rssMb: m.rss / MB, heapMb: m.heapUsed / MB };
}

// ---------------------------------------------------------------------------------------------------------------
// The Redis page-size probe

interface ProbeResult {
  pages: number;
  sizes: { pageKb: number; bytesPerJob: number; usedMemoryDelta: number; maxJobDataBytes: number }[];
}

/**
 * Stores `n` pages through the crawl's storage ports (`savePage` then `onArticle`, as the crawl does) at two page
 * sizes, with no worker running, and measures Redis' used_memory growth per queued job.
 */
async function redisProbe(redisUrl: string, dir: string, template: string, n: number): Promise<ProbeResult> {
  const store = openStore({ sqlitePath: join(dir, 'probe.db') });
  await migrate(store);
  const redis = connectRedis(redisUrl, { name: 'pantau-bench-probe' });
  const result: ProbeResult = { pages: n, sizes: [] };
  try {
    for (const factor of [1, 16]) {
      const prefix = `bench-probe-${process.pid}-${factor}`;
      const queues = openQueues({ connection: redisUrl, prefix });
      await queues.extract.waitUntilReady();
      const ports = storeCrawlPorts(store, queues, `probe-${factor}`);
      const pad = factor === 1 ? '' : `<!-- ${'padding '.repeat(Math.ceil((template.length * (factor - 1)) / 8))} -->`;
      const html = template.replace('</body>', `${pad}</body>`);
      const before = parseInfo(await redis.info('memory'), 'used_memory');
      for (let i = 0; i < n; i++) {
        const url = `http://probe.test/${factor}/${i}`;
        const id = await ports.savePage({ url, status: 200, contentType: 'text/html; charset=utf-8', headers: {}, body: Buffer.from(html) });
        await ports.onArticle!(id, url);
      }
      const after = parseInfo(await redis.info('memory'), 'used_memory');
      const maxData = await scanJobs(redis, `${prefix}:extract:`);
      result.sizes.push({ pageKb: Buffer.byteLength(html) / 1024, bytesPerJob: (after - before) / n, usedMemoryDelta: after - before, maxJobDataBytes: maxData.max });
      await Promise.all([queues.extract.obliterate({ force: true }), queues.crawl.obliterate({ force: true })]);
      await queues.close();
    }
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await store.close();
  }
  return result;
}

/**
 * The keys under a queue prefix (`<prefix>:extract:` -> all of `<prefix>:`): how many and their MEMORY USAGE, and
 * of the job hashes of that queue, how many and the largest `data` field in bytes.
 */
async function scanJobs(redis: ReturnType<typeof connectRedis>, keyPrefix: string): Promise<{ jobs: number; max: number; keys: number; memoryUsage: number }> {
  let cursor = '0';
  let jobs = 0;
  let max = 0;
  let keys = 0;
  let memoryUsage = 0;
  const root = keyPrefix.replace(/[^:]+:$/, '');
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${root}*`, 'COUNT', 1000);
    cursor = next;
    const pipe = redis.pipeline();
    for (const k of batch) {
      pipe.type(k);
      pipe.memory('USAGE', k);
    }
    const replies = (await pipe.exec()) ?? [];
    const hashes: string[] = [];
    batch.forEach((k, i) => {
      keys++;
      memoryUsage += Number(replies[2 * i + 1]?.[1] ?? 0);
      if (replies[2 * i]?.[1] === 'hash' && k.startsWith(keyPrefix)) hashes.push(k);
    });
    if (hashes.length) {
      const lens = redis.pipeline();
      for (const k of hashes) lens.hstrlen(k, 'data');
      for (const [, len] of (await lens.exec()) ?? []) {
        const n = Number(len ?? 0);
        if (n > 0) {
          jobs++;
          max = Math.max(max, n);
        }
      }
    }
  } while (cursor !== '0');
  return { jobs, max, keys, memoryUsage };
}

// ---------------------------------------------------------------------------------------------------------------

interface StageWindow {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
}

function win(pages: number, ms: number): StageWindow {
  return { pages, seconds: ms / 1000, pagesPerSecond: ms > 0 ? pages / (ms / 1000) : 0 };
}

async function articleStats(p: Pipeline, sourceIds: string[], since: string) {
  const row = await p.store.db
    .selectFrom('pages')
    .select([
      sql<number>`count(*)`.as('stored'),
      sql<number>`sum(case when extract_state = 'done' then 1 else 0 end)`.as('done'),
      sql<number>`sum(case when extract_state = 'failed' then 1 else 0 end)`.as('failed'),
      sql<string>`min(fetched_at)`.as('firstFetch'),
      sql<string>`max(fetched_at)`.as('lastFetch'),
      sql<number>`sum(body_size)`.as('bytes'),
    ])
    .where('source_id', 'in', sourceIds)
    .where('fetched_at', '>=', since)
    .where('content_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  const ext = await p.store.db
    .selectFrom('articles')
    .select([sql<string>`min(extracted_at)`.as('first'), sql<string>`max(extracted_at)`.as('last')])
    .executeTakeFirst();
  const withoutBody = await p.store.db
    .selectFrom('pages')
    .select(sql<number>`count(*)`.as('n'))
    .where('source_id', 'in', sourceIds)
    .where('content_hash', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    stored: Number(row.stored),
    done: Number(row.done ?? 0),
    failed: Number(row.failed ?? 0),
    firstFetch: Date.parse(row.firstFetch),
    lastFetch: Date.parse(row.lastFetch),
    bytes: Number(row.bytes ?? 0),
    firstExtracted: ext?.first ? Date.parse(ext.first) : NaN,
    lastExtracted: ext?.last ? Date.parse(ext.last) : NaN,
    failedFetches: Number(withoutBody.n),
  };
}

/** The extraction-only baseline, in a fresh child process (scripts/lib/bench-baseline-child.ts). */
async function baselineExtract(db: string, ids: string[]) {
  const child = forkChild('bench-baseline-child.ts', {});
  const reply = nextMessage<{ pages: number; seconds: number; pagesPerSecond: number; avgKb: number; passes: number[] }>(child, 'baseline');
  child.send({ type: 'run', db, ids });
  return await reply;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.profile) {
    profileDir = resolve(args.profile);
    mkdirSync(profileDir, { recursive: true });
  }
  const log = (s: string) => {
    if (!args.json) process.stderr.write(`${s}\n`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  const children: ChildProcess[] = [];
  let pipeline: Pipeline | undefined;
  let prefix = '';
  try {
    // 1. The site, in its own process (a real outlet is another machine: its CPU and heap are not the pipeline's).
    const site = forkChild('bench-site-child.ts', { BENCH_SITE_ARTICLES: String(args.articles) });
    children.push(site);
    const ready = await nextMessage<SiteReady>(site, 'ready');
    log(`bench:pipeline: demo site with ${ready.truthUrls.length} articles generated and served in ${(ready.ms / 1000).toFixed(1)} s (${ready.sources.length} outlets, politeness off)`);

    // 2. The pipeline, on a temporary database and a unique queue prefix.
    prefix = `bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const { config } = resolveConfig({
      flags: {
        db: join(dir, 'bench.db'),
        dataDir: dir,
        queuePrefix: prefix,
        politenessMs: 0,
        maxPages: args.articles * 2,
        concurrency: args.concurrency,
        extractThreads: args.threads,
        ...(args.redisUrl ? { redisUrl: args.redisUrl } : {}),
      },
    });
    pipeline = await openPipeline(config);
    const p = pipeline;
    const redis = connectRedis(p.redis.url, { name: 'pantau-bench-sampler' });
    const redisBefore = await redis.info();
    const baselineMemory = parseInfo(redisBefore, 'used_memory');
    log(`Redis: ${p.redis.embedded ? 'private redis-server' : `${redisUrlForDisplay(p.redis.url)} (shared: memory figures are deltas)`}, prefix ${prefix}, used_memory ${(baselineMemory / MB).toFixed(2)} MB before the run`);

    // 3. Extraction workers.
    const workers: ChildProcess[] = [];
    for (let i = 0; i < args.workers; i++) {
      const w = forkChild('bench-extract-worker.ts', {
        BENCH_DB: config.db,
        BENCH_REDIS_URL: p.redis.url,
        BENCH_PREFIX: prefix,
        BENCH_CONCURRENCY: String(args.concurrency),
        BENCH_THREADS: String(args.threads),
        BENCH_WARMUP: String(Math.max(50, Math.floor(args.articles / (5 * args.workers)))),
      });
      workers.push(w);
      children.push(w);
    }
    await Promise.all(workers.map((w) => nextMessage(w, 'ready')));

    // 4. Samplers: Redis memory and queue counts; this process' memory (heap after a forced GC once warm).
    const redisSamples: RedisSample[] = [];
    const mainSamples: MemPoint[] = [];
    let saved = 0;
    let mainWarm: MemPoint | null = null;
    const warmAt = Math.floor(args.articles / 5);
    let sampling = true;
    const sampleRedis = async () => {
      while (sampling) {
        try {
          const [info, counts] = await Promise.all([
            redis.info('memory'),
            p.queues.extract.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'),
          ]);
          redisSamples.push({
            t: Date.now(),
            usedMemory: parseInfo(info, 'used_memory'),
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            completed: counts.completed ?? 0,
            failed: counts.failed ?? 0,
          });
        } catch {
          /* a missed sample */
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const redisLoop = sampleRedis();
    const mainTimer = setInterval(() => {
      mainSamples.push(memPoint(saved));
      if (mainWarm === null && saved >= warmAt) {
        gc();
        mainWarm = memPoint(saved);
      }
    }, 250);

    // 5. The run: from the start of the crawl to the last extraction.
    const sources = ready.sources;
    const sourceIds = sources.map((s) => s.id);
    const since = new Date(Date.now() - 1000).toISOString();
    const where = [args.workers ? `${args.workers} worker process(es) x ${args.concurrency} job(s)` : '', args.inProcess ? `${args.inProcess} job(s) in the crawling process` : '']
      .filter(Boolean)
      .join(' + ')
      .concat(args.threads ? `, extractor on ${args.threads} thread(s) per process` : ', extractor on the main thread');
    log(`crawling ${sources.length} outlets, extraction: ${where} ...`);
    const profiler = profileDir ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    let lastLog = 0;
    await runCrawl(p, {
      sources,
      politenessMs: 0,
      maxPages: args.articles * 2,
      extractConcurrency: args.inProcess,
      onUpdate: (s: CrawlRunStatus) => {
        saved = s.sources.reduce((n, x) => n + x.saved, 0);
        const now = Date.now();
        if (now - lastLog >= 5000) {
          lastLog = now;
          log(`  ${((now - t0) / 1000).toFixed(0)} s: ${saved} pages stored, ${s.extraction.done} extracted`);
        }
      },
    });
    const tCrawl = Date.now();
    const crawlCpu = process.cpuUsage(cpu0);
    // The workers may still be extracting: wait for the last page.
    for (;;) {
      const prog = await extractionProgress(p.store, sourceIds, since);
      if (prog.pending === 0) break;
      // Not too often: each poll scans the run's pages, taking CPU from the workers.
      await new Promise((r) => setTimeout(r, 250));
    }
    const tPoll = Date.now();
    const totalCpu = process.cpuUsage(cpu0);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(join(profileDir!, `pipeline-${process.pid}.cpuprofile`), JSON.stringify(profile));
      profiler.disconnect();
    }
    sampling = false;
    clearInterval(mainTimer);
    await redisLoop;
    const redisAfter = await redis.info();
    const endRedis = parseInfo(redisAfter, 'used_memory');
    const redisCpuMs = ['used_cpu_sys', 'used_cpu_user'].reduce((n, f) => n + (parseFloatInfo(redisAfter, f) - parseFloatInfo(redisBefore, f)) * 1000, 0);
    const jobsAtEnd = await scanJobs(redis, `${prefix}:extract:`);
    gc();
    const mainEnd = memPoint(saved);

    const workerStats = await Promise.all(
      workers.map(async (w) => {
        const stats = nextMessage<WorkerStats>(w, 'stats');
        w.send({ type: 'stop' });
        return stats;
      }),
    );

    const a = await articleStats(p, sourceIds, since);
    const perSource = (
      await p.store.db
        .selectFrom('pages')
        .select(['source_id', sql<number>`count(*)`.as('n'), sql<string>`min(fetched_at)`.as('first'), sql<string>`max(fetched_at)`.as('last')])
        .where('source_id', 'in', sourceIds)
        .where('fetched_at', '>=', since)
        .where('content_hash', 'is not', null)
        .groupBy('source_id')
        .orderBy('source_id')
        .execute()
    ).map((r) => ({ source: String(r.source_id), pages: Number(r.n), firstPageS: (Date.parse(r.first) - t0) / 1000, lastPageS: (Date.parse(r.last) - t0) / 1000 }));
    const lastWorkerEnd = Math.max(0, ...workerStats.map((w) => w.lastEnd ?? 0));
    const lastRecord = Number.isNaN(a.lastExtracted) ? 0 : a.lastExtracted;
    // The last job's end (workers) or record (in-process), never after the poll that saw nothing pending.
    const tEnd = Math.min(tPoll, Math.max(lastWorkerEnd, lastRecord) || tPoll);
    const e2e = win(a.done, tEnd - t0);
    const firstStart = Math.min(...workerStats.map((w) => w.firstStart ?? Infinity), Number.isNaN(a.firstExtracted) ? Infinity : a.firstExtracted);
    const extractWindow = win(a.done, Math.max(lastWorkerEnd, lastRecord) - firstStart);
    const workerCpuMs = workerStats.reduce((n, w) => n + w.cpuMs, 0);

    const stored = new Set(
      (await p.store.db.selectFrom('pages').select('url').where('source_id', 'in', sourceIds).where('content_hash', 'is not', null).execute()).map((r) => r.url),
    );
    // The truth lists URLs as linked; the store keys pages by canonical URL.
    const missing = ready.truthUrls.filter((u) => !stored.has(canonicalUrl(u))).length;

    // 6. Extraction only, on the same stored pages; then the Redis page-size probe.
    let baseline: Awaited<ReturnType<typeof baselineExtract>> | null = null;
    let probe: ProbeResult | null = null;
    if (args.baseline && a.done > 0) {
      log('extraction-only baseline on the same stored pages ...');
      const ids = (
        await p.store.db.selectFrom('pages').select('id').where('source_id', 'in', sourceIds).where('extract_state', '=', 'done').orderBy('fetched_at').execute()
      ).map((r) => r.id);
      baseline = await baselineExtract(config.db, ids);
    }
    if (args.probe && a.done > 0) {
      log('Redis page-size probe ...');
      const sample = await p.store.db.selectFrom('pages').select('id').where('source_id', 'in', sourceIds).where('extract_state', '=', 'done').limit(1).executeTakeFirstOrThrow();
      const page = await loadPage(p.store, sample.id);
      probe = await redisProbe(p.redis.url, dir, page!.html!, Math.min(1000, args.articles));
    }
    await redis.quit().catch(() => redis.disconnect());

    const siteClosed = nextMessage<SiteClosed>(site, 'closed');
    site.send({ type: 'close' });
    const siteStats = await siteClosed;

    // 7. Report.
    const peak = redisSamples.reduce(
      (m, s) => (s.usedMemory > m.usedMemory ? s : m),
      redisSamples[0] ?? { usedMemory: baselineMemory, waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0, t: t0 },
    );
    const jobsAtPeak = peak.waiting + peak.active + peak.delayed + peak.completed + peak.failed;
    const maxBacklog = Math.max(0, ...redisSamples.map((s) => s.waiting + s.delayed));
    const ratio = baseline ? e2e.pagesPerSecond / baseline.pagesPerSecond : null;
    const mainPeak = mainSamples.reduce((m, s) => ({ rssMb: Math.max(m.rssMb, s.rssMb), heapMb: Math.max(m.heapMb, s.heapMb) }), { rssMb: 0, heapMb: 0 });
    const pages = Math.max(1, a.done);
    const cpuPerPage = {
      pipelineProcess: (totalCpu.user + totalCpu.system) / 1000 / pages,
      workers: workerCpuMs / pages,
      site: siteStats.cpuMs / pages,
      redis: p.redis.embedded ? redisCpuMs / pages : null,
    };
    const cpuTotal = cpuPerPage.pipelineProcess + cpuPerPage.workers + (cpuPerPage.redis ?? 0);
    const out = {
      node: process.version,
      articles: args.articles,
      extractWorkers: args.workers,
      concurrency: args.concurrency,
      inProcess: args.inProcess,
      site: {
        articles: ready.truthUrls.length,
        generateMs: ready.ms,
        requests: siteStats.requests,
        byStatus: siteStats.byStatus,
        cpuSeconds: siteStats.cpuMs / 1000,
        externalRequests: siteStats.external,
      },
      pages: {
        stored: a.stored,
        extracted: a.done,
        extractFailed: a.failed,
        storedWithoutBody: a.failedFetches,
        truthNotStored: missing,
        avgKb: a.stored ? a.bytes / a.stored / 1024 : 0,
      },
      endToEnd: e2e,
      crawl: {
        withDiscovery: win(a.stored, tCrawl - t0),
        fetchPhase: win(a.stored, a.lastFetch - a.firstFetch),
        cpuMsPerPage: (crawlCpu.user + crawlCpu.system) / 1000 / Math.max(1, a.stored),
        perSource,
      },
      extraction: {
        window: extractWindow,
        pagesPerWorkerCpuSecond: workerCpuMs > 0 ? a.done / (workerCpuMs / 1000) : null,
        tailAfterCrawlSeconds: Math.max(0, (tEnd - tCrawl) / 1000),
      },
      extractionOnly: baseline,
      ratio,
      ratioTarget: 0.6,
      meetsTarget: ratio === null ? null : ratio >= 0.6,
      cpuMsPerPage: { ...cpuPerPage, extractAlone: baseline ? 1000 / baseline.pagesPerSecond : null },
      redis: {
        private: p.redis.embedded,
        beforeMb: baselineMemory / MB,
        peakMb: peak.usedMemory / MB,
        endMb: endRedis / MB,
        jobsAtPeak,
        maxBacklog,
        bytesPerJobAtPeak: jobsAtPeak > 0 ? (peak.usedMemory - baselineMemory) / jobsAtPeak : null,
        keysAtEnd: jobsAtEnd.keys,
        prefixMemoryUsageAtEndMb: jobsAtEnd.memoryUsage / MB,
        jobsKeptAtEnd: jobsAtEnd.jobs,
        largestJobDataBytes: jobsAtEnd.max,
        probe,
      },
      memory: {
        pipelineProcess: { warm: mainWarm as MemPoint | null, end: mainEnd, peakRssMb: mainPeak.rssMb, peakHeapMb: mainPeak.heapMb },
        workers: workerStats.map((w) => ({
          completed: w.completed,
          failed: w.failed,
          warm: w.warm,
          end: w.end,
          peakRssMb: w.peakRssMb,
          peakHeapMb: w.peakHeapMb,
        })),
        site: { maxRssMb: siteStats.maxRssMb },
      },
    };

    if (args.json) {
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const f1 = (x: number) => x.toFixed(1);
    const f0 = (x: number) => x.toFixed(0);
    const f2 = (x: number) => x.toFixed(2);
    const rate = (w: StageWindow) => `${f1(w.pagesPerSecond).padStart(7)} pages/s  (${w.pages} pages in ${f1(w.seconds)} s)`;
    const flat = (warm: { heapMb: number } | null, end: { heapMb: number }) => {
      if (!warm) return '';
      const growth = end.heapMb - warm.heapMb;
      return growth < Math.max(8, warm.heapMb * 0.1) ? 'flat' : `GROWING (+${f1(growth)} MB)`;
    };
    const mem = (name: string, warm: MemPoint | null, end: MemPoint, peakRss: number, unit: string) =>
      `  ${name.padEnd(18)} after warm-up (${warm ? `${warm.pages} ${unit}` : '-'}): heap ${warm ? f1(warm.heapMb) : '-'} MB, RSS ${warm ? f0(warm.rssMb) : '-'} MB; ` +
      `end: heap ${f1(end.heapMb)} MB, RSS ${f0(end.rssMb)} MB; peak RSS ${f0(peakRss)} MB  ${flat(warm, end)}`;
    const lines: (string | null)[] = [
      `${a.stored} article pages stored (avg ${f1(out.pages.avgKb)} KB), ${a.done} extracted, ${a.failed} extraction failures, ` +
        `${missing} of the site's ${ready.truthUrls.length} articles not stored, ${a.failedFetches} failed fetches recorded; ` +
        `${siteStats.requests} requests served; Node ${process.version}`,
      `extraction: ${where}`,
      '',
      `end to end          ${rate(e2e)}  crawl start to last extraction`,
      `crawl stage         ${rate(out.crawl.withDiscovery)}  discovery + fetch + store + enqueue; fetch phase alone ${f1(out.crawl.fetchPhase.pagesPerSecond)} pages/s`,
      `                    outlets (s after the start, first-last page stored): ${perSource.map((x) => `${x.source} ${x.pages} ${f1(x.firstPageS)}-${f1(x.lastPageS)}`).join(', ')}`,
      `extraction stage    ${rate(extractWindow)}  first job to last` +
        (out.extraction.pagesPerWorkerCpuSecond ? `; ${f1(out.extraction.pagesPerWorkerCpuSecond)} pages per worker CPU second` : '') +
        `; ended ${f1(out.extraction.tailAfterCrawlSeconds)} s after the crawl`,
      `extraction only     ${baseline ? `${rate({ pages: baseline.pages, seconds: baseline.seconds, pagesPerSecond: baseline.pagesPerSecond })}  extract() alone, a fresh process, same pages, faster of 2 passes (${baseline.passes.map((x) => (baseline!.pages / x).toFixed(0)).join(', ')} pages/s)` : 'skipped'}`,
      ratio === null ? null : `end to end / extraction only: ${(ratio * 100).toFixed(1)}% (target >= 60%: ${ratio >= 0.6 ? 'PASS' : 'FAIL'})`,
      '',
      `CPU per page        pipeline process ${f2(cpuPerPage.pipelineProcess)} ms (crawl alone ${f2(out.crawl.cpuMsPerPage)} ms)` +
        (args.workers ? `, workers ${f2(cpuPerPage.workers)} ms` : '') +
        (cpuPerPage.redis === null ? '' : `, redis-server ${f2(cpuPerPage.redis)} ms`) +
        ` = ${f2(cpuTotal)} ms; site ${f2(cpuPerPage.site)} ms` +
        (baseline ? `; extract() alone ${f2(1000 / baseline.pagesPerSecond)} ms` : ''),
      '',
      `Redis used_memory   before ${f1(out.redis.beforeMb)} MB, peak ${f1(out.redis.peakMb)} MB (${jobsAtPeak} extract jobs held, ` +
        `${out.redis.bytesPerJobAtPeak === null ? '-' : f0(out.redis.bytesPerJobAtPeak)} B per job over the start), end ${f1(out.redis.endMb)} MB; largest backlog ${maxBacklog} jobs`,
      `                    end: ${jobsAtEnd.keys} keys under the prefix, ${f1(out.redis.prefixMemoryUsageAtEndMb)} MB by MEMORY USAGE; ` +
        `${jobsAtEnd.jobs} finished jobs kept (bounded); largest job data ${jobsAtEnd.max} bytes (page ids only)`,
      probe
        ? `                    probe, ${probe.pages} pages queued through the crawl's ports: ` +
          `${probe.sizes.map((x) => `${f0(x.pageKb)} KB pages -> ${f0(x.bytesPerJob)} B/job (job data <= ${x.maxJobDataBytes} B)`).join('; ')}`
        : null,
      '',
      'process memory (heap after a forced GC; RSS also holds garbage V8 has not collected yet):',
      mem('pipeline process', mainWarm, mainEnd, mainPeak.rssMb, 'pages'),
      ...workerStats.map((w, i) =>
        mem(`extract worker ${i + 1}`, w.warm ? { pages: w.warm.jobs, rssMb: w.warm.rssMb, heapMb: w.warm.heapMb } : null, { pages: w.end.jobs, rssMb: w.end.rssMb, heapMb: w.end.heapMb }, w.peakRssMb, 'jobs'),
      ),
      `  site (child)       max RSS ${f0(siteStats.maxRssMb)} MB`,
    ];
    process.stdout.write(`${lines.filter((l) => l !== null).join('\n')}\n`);
  } finally {
    for (const c of children) if (c.exitCode === null && c.connected) c.disconnect();
    // A shared Redis keeps nothing of the run (a private one goes with the temporary directory).
    if (pipeline && prefix) {
      await Promise.all([pipeline.queues.extract.obliterate({ force: true }), pipeline.queues.crawl.obliterate({ force: true })]).catch(() => {});
    }
    await pipeline?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench:pipeline: ${err.stack ?? err.message}\n`);
  process.exitCode = 1;
});
