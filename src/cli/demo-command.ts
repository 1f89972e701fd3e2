/**
 * `pantau demo` (what `npm start` runs): serves the bundled demo site on loopback and crawls it through the real
 * pipeline (crawl jobs, raw pages, extraction workers, the store), then prints what it found and what to try next.
 * Its data is kept apart from research data: `<dataDir>/demo.db` and the queue prefix `pantau-demo`, unless set.
 */
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/index.js';
import { startDemoSite } from '../demo-site/index.js';
import type { DemoSite } from '../demo-site/index.js';
import { crawlWithProgress, parseCount } from './crawl-command.js';
import { resolveCommandConfig } from './pipeline-options.js';

export interface DemoCommandOptions extends Record<string, unknown> {
  articles?: string;
  port?: string;
  json?: boolean;
  quiet?: boolean;
  workers?: string;
}

/** First port of the demo outlets; fixed so that a second run finds the same URLs and fetches nothing again. */
export const DEMO_PORT = 47300;
/** The demo site is local, so the demo crawls it faster than the real default (robots.txt Crawl-delay still holds). */
export const DEMO_POLITENESS_MS = 250;

/** The demo's configuration: the user's, with demo defaults where the user set nothing. */
export function demoConfig(opts: Record<string, unknown>): ResolvedConfig {
  const resolved = resolveCommandConfig(opts);
  const { config, origins } = resolved;
  if (origins.db === 'default' && origins.databaseUrl === 'default') config.db = join(config.dataDir, 'demo.db');
  if (origins.queuePrefix === 'default') config.queuePrefix = 'pantau-demo';
  if (origins.politenessMs === 'default') config.politenessMs = DEMO_POLITENESS_MS;
  return resolved;
}

async function startSite(port: number, articles: number | undefined): Promise<DemoSite> {
  try {
    return await startDemoSite({ port, articles });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    process.stderr.write(`pantau: ports ${port}-${port + 5} are taken; serving the demo on free ports (a second run will fetch everything again)\n`);
    return startDemoSite({ port: 0, articles });
  }
}

export async function runDemo(opts: DemoCommandOptions): Promise<number> {
  const { config } = demoConfig(opts);
  const articles = parseCount('--articles', opts.articles, 20);
  const port = parseCount('--port', opts.port, 1) ?? DEMO_PORT;
  const site = await startSite(port, articles);
  const out = (t: string) => process.stdout.write(t);
  try {
    if (!opts.json && !opts.quiet) {
      process.stderr.write(
        `pantau demo: ${site.outlets.length} outlets on ${site.outlets.map((o) => o.baseUrl).join(', ')} ` +
          `(${site.truth.length} articles, ${site.truth.filter((t) => t.relevant).length} report a commitment)\n`,
      );
    }
    const { result, exitCode } = await crawlWithProgress({
      config,
      sources: site.sources,
      options: { json: opts.json, quiet: opts.quiet, workers: opts.workers },
      out,
    });
    if (result && !opts.json) {
      const relevantTruth = site.truth.filter((t) => t.relevant).length;
      const expectedCommitments = site.truth.reduce((n, t) => n + t.commitments.length, 0);
      const demoFlags = `${config.databaseUrl ? '' : ` --db ${config.db}`} --queue-prefix ${config.queuePrefix}`;
      out(
        `\nThe demo site's ground truth: ${site.truth.length} articles, ${relevantTruth} relevant, ${expectedCommitments} commitments.\n` +
          `\nNext:\n` +
          `  npm start                                 run again: pages already stored are not fetched again\n` +
          `  npx pantau queue status${demoFlags}\n` +
          `                                            jobs per queue, pages per extraction state\n` +
          `  npx pantau extract fixtures/articles/kota-pledge.html   one page, its record as JSON\n` +
          `  npx pantau sources list                   the real outlets pantau knows\n` +
          `  npx pantau crawl --source kendaripos --max-pages 20\n` +
          `                                            crawl a real outlet (needs internet)\n` +
          `  npx pantau worker                         extraction workers for \`pantau crawl --workers 0\`\n`,
      );
    }
    return exitCode;
  } finally {
    await site.close();
  }
}
