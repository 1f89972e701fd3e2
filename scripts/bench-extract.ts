/**
 * `npm run bench:extract` (node --expose-gc --import tsx scripts/bench-extract.ts [options])
 *
 * Full-extraction throughput (`extract(html, url)`, one process, one core) beside linkedom parsing alone
 * (`parseHTML(html)` + reading `document.body.textContent`) on the same pages, peak memory (RSS and heap,
 * sampled), and whether the heap stays flat after warm-up (heap after a forced GC every 1,000 pages).
 *
 * Options:
 *   --pages N     pages per phase (default 5000)
 *   --dir DIR     bench on real pages (*.html, *.html.gz) in DIR, cycled to reach N
 *                 (e.g. ../shared/bench/article-extraction/html); default: generated Indonesian news pages
 *   --seed S      generator seed (default 1)
 *   --json        print the result as JSON instead of a table
 *
 * Time is measured around the parse/extract call only; generating or decoding a page is not counted.
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
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { pages: 5000, dir: null, seed: 1, json: false };
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
    else if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench:extract -- [--pages N] [--dir DIR] [--seed S] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(args.pages) || args.pages < 1) throw new Error('--pages: expected a positive integer');
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
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** Heap used after a forced GC, every 1,000 pages. */
  heapCheckpoints: Array<{ pages: number; heapMb: number; rssMb: number }>;
}

const MB = 1024 * 1024;

function runPhase(n: number, source: PageSource, work: (p: Page) => unknown): PhaseResult {
  const times = new Float64Array(n);
  let bytes = 0;
  let total = 0;
  let peakRss = 0;
  let peakHeap = 0;
  const checkpoints: PhaseResult['heapCheckpoints'] = [];
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const page = source(i);
    bytes += page.html.length;
    const t0 = performance.now();
    const out = work(page);
    const dt = performance.now() - t0;
    if (out) sink++;
    times[i] = dt;
    total += dt;
    if (i % 25 === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
    if ((i + 1) % 1000 === 0 || i + 1 === n) {
      const m0 = process.memoryUsage();
      if (m0.rss > peakRss) peakRss = m0.rss;
      if (m0.heapUsed > peakHeap) peakHeap = m0.heapUsed;
      gc();
      const m = process.memoryUsage();
      checkpoints.push({ pages: i + 1, heapMb: m.heapUsed / MB, rssMb: m.rss / MB });
    }
  }
  if (sink < 0) console.log(sink);
  const sorted = Array.from(times).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))];
  const seconds = total / 1000;
  return {
    pages: n,
    bytes,
    seconds,
    pagesPerSecond: n / seconds,
    mbPerSecond: bytes / MB / seconds,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    maxMs: sorted[n - 1],
    peakRssMb: peakRss / MB,
    peakHeapMb: peakHeap / MB,
    heapCheckpoints: checkpoints,
  };
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
  runPhase(warm, warmSource, parseOnly);
  runPhase(warm, warmSource, fullExtract);
  gc();

  const parse = runPhase(args.pages, source, parseOnly);
  gc();
  const full = runPhase(args.pages, source, fullExtract);
  const ratio = full.pagesPerSecond / parse.pagesPerSecond;
  const flat = flatness(full);
  const result = {
    source: sourceName,
    pages: args.pages,
    node: process.version,
    parseOnly: parse,
    full,
    ratio,
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
    `${name.padEnd(12)} ${f1(r.pagesPerSecond).padStart(9)} ${f1(r.mbPerSecond).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${r.maxMs.toFixed(1).padStart(8)} ${f1(r.peakRssMb).padStart(9)} ${f1(r.peakHeapMb).padStart(9)}`;
  const lines = [
    `avg page ${(full.bytes / full.pages / 1024).toFixed(1)} KB, ${full.pages} pages per phase, Node ${process.version}`,
    '',
    `${'phase'.padEnd(12)} ${'pages/s'.padStart(9)} ${'MB/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'peak RSS'.padStart(9)} ${'peak heap'.padStart(9)}`,
    row('parse only', parse),
    row('full', full),
    '',
    `full / parse-only: ${(ratio * 100).toFixed(1)}% (target >= 50%: ${ratio >= 0.5 ? 'met' : 'NOT met'})`,
    `heap after GC (full): ${full.heapCheckpoints.map((c) => `${c.pages}: ${f1(c.heapMb)} MB`).join(', ')}`,
    `memory ${flat.flat ? 'flat' : 'GROWING'} after warm-up (heap growth ${f1(flat.growthMb)} MB first to last checkpoint); process max RSS ${f1(result.maxRssMb)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench:extract: ${err.message}\n`);
  process.exitCode = 1;
});
