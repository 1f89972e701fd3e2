/**
 * `pantau crawl`: crawl outlets through the pipeline (crawl jobs -> raw pages -> extraction jobs -> records).
 */
import type { PantauConfig } from '../config/index.js';
import { openPipeline, runCrawl } from '../pipeline/index.js';
import type { CrawlRunResult } from '../pipeline/index.js';
import { closeIds, SOURCES } from '../sources/index.js';
import { listSources } from '../store/index.js';
import type { Source } from '../types/source.js';
import { ProgressBoard } from './progress.js';
import { formatRunSummary, showRunProgress } from './run-summary.js';

export interface CrawlCommandOptions {
  source?: string[];
  since?: string;
  /** Extraction jobs run in this process; 0 leaves them to `pantau worker`. */
  workers?: string | number;
  json?: boolean;
  quiet?: boolean;
}

/** Checks `--since`: a real calendar day as YYYY-MM-DD. */
export function parseSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(`${m[0]}T00:00:00Z`) : undefined;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[0]) {
    throw new Error(`--since ${value}: expected a date as YYYY-MM-DD`);
  }
  return m[0];
}

export function parseCount(name: string, value: string | number | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} ${value}: expected an integer >= ${min}`);
  return n;
}

/** The sources named on the command line: registry entries first, then outlets stored by earlier runs (the demo's). */
async function pickSources(ids: string[] | undefined, stored: () => Promise<Source[]>): Promise<Source[]> {
  if (!ids || ids.length === 0) return [...SOURCES];
  const known = await stored();
  const out: Source[] = [];
  for (const id of ids) {
    const source = SOURCES.find((s) => s.id === id) ?? known.find((s) => s.id === id);
    if (!source) {
      const near = closeIds(id);
      throw new Error(`--source ${id}: no such outlet${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see \`pantau sources list\``);
    }
    if (!out.some((s) => s.id === source.id)) out.push(source);
  }
  return out;
}

export interface RunCrawlCommandArgs {
  config: PantauConfig;
  options: CrawlCommandOptions;
  /** Sources to crawl instead of looking up `options.source` (the demo's). */
  sources?: Source[];
  out?: (text: string) => void;
}

/** Runs a crawl with progress on stderr and the summary on stdout; returns the result and the exit status. */
export async function crawlWithProgress(args: RunCrawlCommandArgs): Promise<{ result?: CrawlRunResult; exitCode: number }> {
  const out = args.out ?? ((t: string) => process.stdout.write(t));
  const since = parseSince(args.options.since);
  const extractConcurrency = parseCount('--workers', args.options.workers, 0) ?? args.config.concurrency;
  const pipeline = await openPipeline(args.config);
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (name: string) => {
    signals += 1;
    if (signals > 1) {
      process.stderr.write(`pantau: ${name} again, exiting now\n`);
      process.exit(130);
    }
    process.stderr.write(`pantau: ${name}: stopping after the pages in flight (again to exit at once)\n`);
    abort.abort();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const board = args.options.quiet || args.options.json ? undefined : new ProgressBoard();
  try {
    const sources = args.sources ?? (await pickSources(args.options.source, () => listSources(pipeline.store)));
    if (!args.options.json && !args.options.quiet) {
      process.stderr.write(
        `pantau: crawling ${sources.length} source${sources.length === 1 ? '' : 's'} into ${pipeline.store.location}` +
          ` (Redis ${pipeline.redis.embedded ? `started by pantau, data in ${args.config.dataDir}/redis` : 'at REDIS_URL'})\n`,
      );
    }
    const result = await runCrawl(pipeline, {
      sources,
      since,
      extractConcurrency,
      signal: abort.signal,
      onUpdate: board ? (status) => showRunProgress(board, status, extractConcurrency > 0) : undefined,
    });
    board?.stop();
    out(args.options.json ? `${JSON.stringify(result, null, 2)}\n` : formatRunSummary(result));
    const failed = result.sources.some((s) => s.state === 'failed');
    return { result, exitCode: failed || result.aborted ? 1 : 0 };
  } finally {
    board?.stop();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    await pipeline.close();
  }
}
