/**
 * `npm run bench:extract` (node --expose-gc --import tsx scripts/bench-extract.ts [options])
 *
 * Full-extraction throughput (`extract(html, url)`, one process, one core) beside linkedom parsing alone
 * (`parseHTML(html)` + reading `document.body.textContent`, on the raw page) on the same pages, peak memory (RSS
 * and heap, sampled), and whether the heap stays flat after warm-up (heap after a forced GC every 1,000 pages).
 *
 * Each phase runs in child processes of its own, each warming up on its own work: a phase run after the other in
 * one process inherits the state the first one left (a grown heap; likely also linkedom's module-wide WeakMap, sized
 * for the first phase's nodes) and runs about a tenth slower than in a fresh process. By default each phase runs
 * twice, in the order parse, full, full, parse (`--rounds R`: R runs each, alternating which goes first), so that a
 * change in the load of other processes during the bench weighs on both phases alike; the runs of a phase are added
 * up (pages, time, percentiles over all pages; peaks are the highest; memory is flat when every full-extraction run
 * is). `--same-process` runs both phases in this process, one after the other (the earlier schedule);
 * `--interleave N` runs them in this process in alternating blocks of N pages (parse-only on pages i..i+N-1, then
 * full extraction on the same pages, and so on). The schedules give different ratios; compare like with like.
 *
 * Options:
 *   --pages N     pages per phase (default 5000)
 *   --dir DIR     bench on real pages (*.html, *.html.gz) in DIR, cycled to reach N
 *                 (e.g. ../shared/bench/article-extraction/html); default: generated Indonesian news pages
 *   --seed S      generator seed (default 1)
 *   --rounds R      runs of each phase, each in a child process (default 2)
 *   --same-process  run both phases in this process, one after the other
 *   --interleave N  run both phases in this process, alternating in blocks of N pages
 *   --json        print the result as JSON instead of a table
 *
 * Time is measured around the parse/extract call only; generating or decoding a page is not counted. CPU time
 * (`process.cpuUsage`, all threads of the process, GC helpers included) is reported beside it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extract } from '../src/extract/index.js';
import { readInput } from '../src/input/index.js';
import { generatePage } from './lib/generate-pages.js';

interface Args {
  pages: number;
  dir: string | null;
  seed: number;
  /** Pages per block of the interleaved schedule; 0: the phases one after the other. */
  block: number;
  /** Both phases in this process (else each in a child process of its own). */
  sameProcess: boolean;
  /** Runs of each phase, each in its own process, alternating which phase goes first (ABBA...). */
  rounds: number;
  /** Set in the child processes: the one phase to run. */
  phase: 'parse' | 'full' | null;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { pages: 5000, dir: null, seed: 1, block: 0, sameProcess: false, rounds: 2, phase: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--pages') args.pages = Number(value());
    else if (a === '--dir') args.dir = value();
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--interleave') {
      args.block = Number(value());
      args.sameProcess = true;
    } else if (a === '--same-process') args.sameProcess = true;
    else if (a === '--rounds') args.rounds = Number(value());
    else if (a === '--phase') {
      const phase = value();
      if (phase !== 'parse' && phase !== 'full') throw new Error('--phase: parse or full');
      args.phase = phase;
    } else if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench:extract -- [--pages N] [--dir DIR] [--seed S] [--rounds R | --same-process | --interleave N] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(args.pages) || args.pages < 1) throw new Error('--pages: expected a positive integer');
  if (!Number.isInteger(args.block) || args.block < 0) throw new Error('--interleave: expected a positive integer');
  if (!Number.isInteger(args.rounds) || args.rounds < 1) throw new Error('--rounds: expected a positive integer');
  if (args.block === 0 || args.block > args.pages) args.block = args.pages;
  return args;
}

interface Page {
  html: string;
  url: string | null;
}

type PageSource = (i: number) => Page;

async function loadDir(dir: string): Promise<Page[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.html?(\.gz)?$/i.test(f))
    .sort();
  if (files.length === 0) throw new Error(`${dir}: no .html or .html.gz files`);
  const pages: Page[] = [];
  for (const f of files) {
    const raw = await readInput(join(dir, f));
    if (raw.kind === 'html') pages.push({ html: raw.html, url: raw.url });
  }
  return pages;
}

const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    /* run with --expose-gc for exact heap checkpoints */
  });

interface PhaseResult {
  pages: number;
  bytes: number;
  seconds: number;
  pagesPerSecond: number;
  mbPerSecond: number;
  /** CPU time of the process (all threads) per page, around the calls. */
  cpuMsPerPage: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** Heap used after a forced GC, every 1,000 pages. */
  heapCheckpoints: Array<{ pages: number; heapMb: number; rssMb: number }>;
}

const MB = 1024 * 1024;

/** One phase's measurements while it runs, block after block. */
class Phase {
  private readonly times: Float64Array;
  private done = 0;
  private bytes = 0;
  private total = 0;
  private cpuMicros = 0;
  private peakRss = 0;
  private peakHeap = 0;
  private readonly checkpoints: PhaseResult['heapCheckpoints'] = [];
  private sink = 0;

  constructor(
    private readonly n: number,
    private readonly work: (p: Page) => unknown,
  ) {
    this.times = new Float64Array(n);
  }

  /** Runs the phase's pages `from` .. `to - 1`. */
  run(source: PageSource, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const page = source(i);
      this.bytes += page.html.length;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = this.work(page);
      const dt = performance.now() - t0;
      const c = process.cpuUsage(c0);
      this.cpuMicros += c.user + c.system;
      if (out) this.sink++;
      this.times[i] = dt;
      this.total += dt;
      const count = ++this.done;
      if (i % 25 === 0) this.sampleMemory();
      if (count % 1000 === 0 || count === this.n) {
        this.sampleMemory();
        gc();
        const m = process.memoryUsage();
        this.checkpoints.push({ pages: count, heapMb: m.heapUsed / MB, rssMb: m.rss / MB });
      }
    }
  }

  private sampleMemory(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peakRss) this.peakRss = m.rss;
    if (m.heapUsed > this.peakHeap) this.peakHeap = m.heapUsed;
  }

  /** What the phase measured, to be summarised alone or with other runs of the same phase. */
  raw(): PhaseRaw {
    if (this.sink < 0) console.log(this.sink);
    return {
      times: Array.from(this.times.subarray(0, this.done)),
      bytes: this.bytes,
      totalMs: this.total,
      cpuMicros: this.cpuMicros,
      peakRss: this.peakRss,
      peakHeap: this.peakHeap,
      checkpoints: this.checkpoints,
    };
  }
}

/** One run of a phase, unsummarised. */
interface PhaseRaw {
  times: number[];
  bytes: number;
  totalMs: number;
  cpuMicros: number;
  peakRss: number;
  peakHeap: number;
  checkpoints: PhaseResult['heapCheckpoints'];
}

/** One or more runs of a phase as one result: pages and times added up, peaks the highest, checkpoints the first run's. */
function summarize(runs: PhaseRaw[]): PhaseResult {
  const sorted = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const n = sorted.length;
  const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))];
  const seconds = runs.reduce((t, r) => t + r.totalMs, 0) / 1000;
  const bytes = runs.reduce((t, r) => t + r.bytes, 0);
  return {
    pages: n,
    bytes,
    seconds,
    pagesPerSecond: n / seconds,
    mbPerSecond: bytes / MB / seconds,
    cpuMsPerPage: runs.reduce((t, r) => t + r.cpuMicros, 0) / 1000 / n,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    maxMs: sorted[n - 1],
    peakRssMb: Math.max(...runs.map((r) => r.peakRss)) / MB,
    peakHeapMb: Math.max(...runs.map((r) => r.peakHeap)) / MB,
    heapCheckpoints: runs[0].checkpoints,
  };
}

/**
 * Runs the phases over pages 0 .. n-1, in blocks of `block` pages: every phase does a block, then the next block.
 * With `block` = n the phases run one after the other.
 */
function runPhases(n: number, block: number, source: PageSource, phases: Phase[]): void {
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    for (const phase of phases) phase.run(source, from, to);
  }
}

/** Flat when the heap after GC grows by less than max(8 MB, 10%) between the first and the last checkpoint. */
function flatness(cps: PhaseResult['heapCheckpoints']): { flat: boolean; growthMb: number } {
  if (cps.length < 2) return { flat: true, growthMb: 0 };
  const first = cps[0].heapMb;
  const last = cps[cps.length - 1].heapMb;
  const growth = last - first;
  return { flat: growth < Math.max(8, first * 0.1), growthMb: growth };
}

function parseOnly(p: Page): unknown {
  const { document } = parseHTML(p.html);
  return (document.body?.textContent ?? '').length;
}

function fullExtract(p: Page): unknown {
  return extract(p.html, p.url).text.length;
}

/** Runs one phase in a child process with this process's Node options and arguments. */
function runChild(phase: 'parse' | 'full'): { raw: PhaseRaw; maxRssMb: number } {
  const argv = [...process.execArgv, process.argv[1], ...process.argv.slice(2), '--phase', phase];
  const child = spawnSync(process.execPath, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * MB });
  if (child.status !== 0) throw new Error(`the ${phase} phase failed (exit ${child.status ?? child.signal})`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as { raw: PhaseRaw; maxRssMb: number };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let source: PageSource;
  let sourceName: string;
  if (args.dir) {
    const pages = await loadDir(resolve(args.dir));
    source = (i) => pages[i % pages.length];
    sourceName = `${pages.length} real pages from ${args.dir}, cycled`;
  } else {
    source = (i) => {
      const g = generatePage(i, args.seed);
      return { html: g.html, url: g.url };
    };
    sourceName = `generated Indonesian news pages (seed ${args.seed})`;
  }
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  if (!args.json && !args.phase) {
    process.stderr.write(`bench:extract: ${args.pages} pages per phase, ${sourceName}${hasGc ? '' : ' (no --expose-gc: heap checkpoints are not after a full GC)'}\n`);
  }

  // Warm-up: JIT and lazily built lookup tables, on pages outside the measured range when generated.
  const warm = Math.min(200, args.pages);
  const warmSource: PageSource = args.dir ? source : (i) => source(args.pages + i);

  if (args.phase) {
    // A child process: one phase, its result as one JSON line.
    const work = args.phase === 'parse' ? parseOnly : fullExtract;
    runPhases(warm, warm, warmSource, [new Phase(warm, work)]);
    gc();
    const phase = new Phase(args.pages, work);
    runPhases(args.pages, args.pages, source, [phase]);
    process.stdout.write(`${JSON.stringify({ raw: phase.raw(), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    return;
  }

  let parseRuns: PhaseRaw[];
  let fullRuns: PhaseRaw[];
  let maxRssMb: number;
  let schedule: string;
  if (!args.sameProcess) {
    // ABBA...: which phase goes first alternates from round to round, so that a change of load during the bench
    // weighs on both phases alike.
    const order: Array<'parse' | 'full'> = [];
    for (let r = 0; r < args.rounds; r++) order.push(...(r % 2 === 0 ? (['parse', 'full'] as const) : (['full', 'parse'] as const)));
    parseRuns = [];
    fullRuns = [];
    maxRssMb = 0;
    for (const phase of order) {
      const run = runChild(phase);
      (phase === 'parse' ? parseRuns : fullRuns).push(run.raw);
      maxRssMb = Math.max(maxRssMb, run.maxRssMb);
    }
    schedule = `each in processes of their own, ${args.rounds} run${args.rounds > 1 ? 's' : ''} of each (${order.join(', ')})`;
  } else {
    runPhases(warm, warm, warmSource, [new Phase(warm, parseOnly), new Phase(warm, fullExtract)]);
    gc();
    const parsePhase = new Phase(args.pages, parseOnly);
    const fullPhase = new Phase(args.pages, fullExtract);
    runPhases(args.pages, args.block, source, [parsePhase, fullPhase]);
    parseRuns = [parsePhase.raw()];
    fullRuns = [fullPhase.raw()];
    maxRssMb = process.resourceUsage().maxRSS / 1024;
    schedule = args.block >= args.pages ? 'one after the other in one process' : `interleaved in blocks of ${args.block} pages in one process`;
  }
  const parse = summarize(parseRuns);
  const full = summarize(fullRuns);
  const ratio = full.pagesPerSecond / parse.pagesPerSecond;
  // Flat when every run of the full extraction is.
  const flats = fullRuns.map((r) => flatness(r.checkpoints));
  const flat = { flat: flats.every((f) => f.flat), growthMb: Math.max(...flats.map((f) => f.growthMb)) };
  const result = {
    source: sourceName,
    pages: args.pages,
    schedule,
    node: process.version,
    parseOnly: parse,
    full,
    ratio,
    cpuRatio: parse.cpuMsPerPage / full.cpuMsPerPage,
    ratioTarget: 0.5,
    meetsTarget: ratio >= 0.5,
    memoryFlat: flat.flat,
    heapGrowthMb: flat.growthMb,
    maxRssMb,
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const f1 = (x: number) => x.toFixed(1);
  const row = (name: string, r: PhaseResult) =>
    `${name.padEnd(12)} ${f1(r.pagesPerSecond).padStart(9)} ${f1(r.mbPerSecond).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${r.maxMs.toFixed(1).padStart(8)} ${r.cpuMsPerPage.toFixed(2).padStart(8)} ${f1(r.peakRssMb).padStart(9)} ${f1(r.peakHeapMb).padStart(9)}`;
  const lines = [
    `avg page ${(full.bytes / full.pages / 1024).toFixed(1)} KB, ${full.pages} pages per phase (${args.pages} per run), phases ${schedule}, Node ${process.version}`,
    '',
    `${'phase'.padEnd(12)} ${'pages/s'.padStart(9)} ${'MB/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'peak RSS'.padStart(9)} ${'peak heap'.padStart(9)}`,
    row('parse only', parse),
    row('full', full),
    '',
    `full / parse-only: ${(ratio * 100).toFixed(1)}% (target >= 50%: ${ratio >= 0.5 ? 'met' : 'NOT met'}); by CPU time per page ${(result.cpuRatio * 100).toFixed(1)}%`,
    `heap after GC (full${fullRuns.length > 1 ? ', first run' : ''}): ${full.heapCheckpoints.map((c) => `${c.pages}: ${f1(c.heapMb)} MB`).join(', ')}`,
    `memory ${flat.flat ? 'flat' : 'GROWING'} after warm-up (heap growth ${f1(flat.growthMb)} MB first to last checkpoint${fullRuns.length > 1 ? ', largest of the runs' : ''}); max RSS ${f1(result.maxRssMb)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench:extract: ${err.message}\n`);
  process.exitCode = 1;
});
