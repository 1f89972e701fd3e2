/**
 * `npm run bench:extract` (node --expose-gc --import tsx scripts/bench-extract.ts [options])
 *
 * Full-extraction throughput (`extract(html, url)`, one process, one core) beside linkedom parsing alone
 * (`parseHTML(html)` + reading `document.body.textContent`, on the raw page) on the same pages, peak memory (RSS
 * and heap, sampled), and whether the heap stays flat after warm-up (heap after a forced GC every 1,000 pages).
 *
 * The phases run one after the other (all parse-only pages, then all full extractions). `--interleave N` runs
 * them in alternating blocks of N pages instead (parse-only on pages i..i+N-1, then full extraction on the same
 * pages, and so on), so that both see the same machine when other processes' load changes during a run. The
 * schedule also changes how each phase's garbage collection behaves (a long parse-only run lets the heap grow far
 * more), so interleaved ratios are lower than sequential ones and the two are not to be compared. Each phase's time,
 * percentiles, memory and heap checkpoints are its own in both schedules.
 *
 * Options:
 *   --pages N     pages per phase (default 5000)
 *   --dir DIR     bench on real pages (*.html, *.html.gz) in DIR, cycled to reach N
 *                 (e.g. ../shared/bench/article-extraction/html); default: generated Indonesian news pages
 *   --seed S      generator seed (default 1)
 *   --interleave N  alternate the phases in blocks of N pages (default: sequential)
 *   --json        print the result as JSON instead of a table
 *
 * Time is measured around the parse/extract call only; generating or decoding a page is not counted. CPU time
 * (`process.cpuUsage`, all threads of the process, GC helpers included) is reported beside it.
 */
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
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { pages: 5000, dir: null, seed: 1, block: 0, json: false };
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
    else if (a === '--interleave') args.block = Number(value());
    else if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench:extract -- [--pages N] [--dir DIR] [--seed S] [--interleave N] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(args.pages) || args.pages < 1) throw new Error('--pages: expected a positive integer');
  if (!Number.isInteger(args.block) || args.block < 0) throw new Error('--interleave: expected a positive integer');
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

  result(): PhaseResult {
    const n = this.done;
    if (this.sink < 0) console.log(this.sink);
    const sorted = Array.from(this.times.subarray(0, n)).sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))];
    const seconds = this.total / 1000;
    return {
      pages: n,
      bytes: this.bytes,
      seconds,
      pagesPerSecond: n / seconds,
      mbPerSecond: this.bytes / MB / seconds,
      cpuMsPerPage: this.cpuMicros / 1000 / n,
      p50Ms: q(0.5),
      p99Ms: q(0.99),
      maxMs: sorted[n - 1],
      peakRssMb: this.peakRss / MB,
      peakHeapMb: this.peakHeap / MB,
      heapCheckpoints: this.checkpoints,
    };
  }
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
function flatness(r: PhaseResult): { flat: boolean; growthMb: number } {
  const cps = r.heapCheckpoints;
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
  if (!args.json) {
    process.stderr.write(`bench:extract: ${args.pages} pages per phase, ${sourceName}${hasGc ? '' : ' (no --expose-gc: heap checkpoints are not after a full GC)'}\n`);
  }

  // Warm-up: JIT and lazily built lookup tables, on pages outside the measured range when generated.
  const warm = Math.min(200, args.pages);
  const warmSource: PageSource = args.dir ? source : (i) => source(args.pages + i);
  runPhases(warm, warm, warmSource, [new Phase(warm, parseOnly), new Phase(warm, fullExtract)]);
  gc();

  const parsePhase = new Phase(args.pages, parseOnly);
  const fullPhase = new Phase(args.pages, fullExtract);
  runPhases(args.pages, args.block, source, [parsePhase, fullPhase]);
  const parse = parsePhase.result();
  const full = fullPhase.result();
  const ratio = full.pagesPerSecond / parse.pagesPerSecond;
  const flat = flatness(full);
  const schedule = args.block >= args.pages ? 'sequential' : `interleaved in blocks of ${args.block} pages`;
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
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const f1 = (x: number) => x.toFixed(1);
  const row = (name: string, r: PhaseResult) =>
    `${name.padEnd(12)} ${f1(r.pagesPerSecond).padStart(9)} ${f1(r.mbPerSecond).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${r.maxMs.toFixed(1).padStart(8)} ${r.cpuMsPerPage.toFixed(2).padStart(8)} ${f1(r.peakRssMb).padStart(9)} ${f1(r.peakHeapMb).padStart(9)}`;
  const lines = [
    `avg page ${(full.bytes / full.pages / 1024).toFixed(1)} KB, ${full.pages} pages per phase, phases ${schedule}, Node ${process.version}`,
    '',
    `${'phase'.padEnd(12)} ${'pages/s'.padStart(9)} ${'MB/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'peak RSS'.padStart(9)} ${'peak heap'.padStart(9)}`,
    row('parse only', parse),
    row('full', full),
    '',
    `full / parse-only: ${(ratio * 100).toFixed(1)}% (target >= 50%: ${ratio >= 0.5 ? 'met' : 'NOT met'}); by CPU time per page ${(result.cpuRatio * 100).toFixed(1)}%`,
    `heap after GC (full): ${full.heapCheckpoints.map((c) => `${c.pages}: ${f1(c.heapMb)} MB`).join(', ')}`,
    `memory ${flat.flat ? 'flat' : 'GROWING'} after warm-up (heap growth ${f1(flat.growthMb)} MB first to last checkpoint); process max RSS ${f1(result.maxRssMb)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench:extract: ${err.message}\n`);
  process.exitCode = 1;
});
