import { Command, Option } from 'commander';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { resolveCommandConfig, withPipelineOptions } from './pipeline-options.js';

// Commands load their modules when they run: the crawler (Crawlee) alone takes seconds to import, which
// `pantau extract` or `pantau --help` should not pay.
const commands = {
  eval: () => import('./eval-command.js'),
  extract: () => import('./extract-command.js'),
  sources: () => import('./sources-command.js'),
  crawl: () => import('./crawl-command.js'),
  demo: () => import('./demo-command.js'),
  queue: () => import('./queue-command.js'),
  worker: () => import('./worker-command.js'),
  query: () => import('./query-command.js'),
  stats: () => import('./stats-command.js'),
  regions: () => import('./regions-command.js'),
  export: () => import('./export-command.js'),
  serve: () => import('./serve-command.js'),
};

const program = new Command();
program
  .name('pantau')
  .description('Monitor Indonesian regional news for ASN-neutrality commitments')
  .version(EXTRACTOR_VERSION);

program
  .command('extract')
  .description('extract commitment records from .html, .html.gz and .txt files and http(s) URLs')
  .argument('<inputs...>', 'files or URLs')
  .addOption(new Option('-f, --format <format>', 'json | ndjson | table (default: json on a terminal, else ndjson)'))
  .option('--timeout <seconds>', 'timeout for fetching a URL', '20')
  .action(async (inputs: string[], opts) => {
    process.exitCode = await (await commands.extract()).runExtract(inputs, opts);
  });

program
  .command('eval')
  .description('score the extractor on labelled corpus folders (ID.txt + ID.json pairs)')
  .argument('<dirs...>', 'corpus folders, e.g. ../shared/corpus/seeds ../shared/corpus/dev')
  .option('-v, --verbose', 'list every disagreement')
  .option('--html', 'wrap each text in a realistic news page before extracting')
  .option('--json', 'print the result as JSON')
  .option('--floors <file>', 'exit 1 when a field scores below the floor stored in this JSON file')
  .action(async (dirs: string[], opts) => {
    process.exitCode = (await commands.eval()).runEval(dirs, opts);
  });

const sources = program.command('sources').description('the registry of outlets pantau crawls');
sources
  .command('list')
  .description('list the declared outlets: id, name, region, discovery kinds, verified')
  .option('--json', 'print the registry as JSON')
  .action(async (opts) => {
    process.exitCode = (await commands.sources()).runSourcesList(opts);
  });
sources
  .command('check')
  .description('fetch robots.txt and every discovery URL of the outlets (all when no ID) and report what works')
  .argument('[ids...]', 'source ids, e.g. kendaripos antara-sultra')
  .option('--timeout <seconds>', 'timeout per request', '20')
  .option('--json', 'print the report as JSON')
  .action(async (ids: string[], opts) => {
    process.exitCode = await (await commands.sources()).runSourcesCheck(ids, opts);
  });

withPipelineOptions(
  program
    .command('crawl')
    .description('crawl outlets: discover article pages, store them raw, queue and extract them (all registry outlets when no --source)')
    .option('-s, --source <ids...>', 'outlet ids from `pantau sources list` (or stored by `pantau demo`)')
    .option('--since <date>', 'skip articles dated before this day (YYYY-MM-DD), when the sitemap, feed or listing dates them')
    .option('--max-pages <n>', 'article pages fetched per outlet [$PANTAU_MAX_PAGES, default 1000]')
    .option('--politeness <ms>', 'minimum ms between requests to one host; robots.txt Crawl-delay wins when larger [$PANTAU_POLITENESS_MS, default 1000]')
    .option('-w, --workers <n>', 'extraction jobs run in this process at once; 0 leaves extraction to `pantau worker` [default: concurrency, 8]')
    .option('--threads <n>', 'threads running the extractor for those jobs; 0: on the main thread [$PANTAU_EXTRACT_THREADS, default 1]')
    .option('--json', 'print the run summary as JSON')
    .option('-q, --quiet', 'no progress bars'),
).action(async (opts) => {
  const { config } = resolveCommandConfig(opts);
  process.exitCode = (await (await commands.crawl()).crawlWithProgress({ config, options: opts })).exitCode;
});

withPipelineOptions(
  program
    .command('worker')
    .description('process crawl and extraction jobs until SIGTERM/SIGINT (run any number of them)')
    .option('-c, --concurrency <n>', 'extraction jobs at once [$PANTAU_CONCURRENCY, default 8]')
    .option('--threads <n>', 'threads running the extractor; 0: on the main thread [$PANTAU_EXTRACT_THREADS, default 1]')
    .option('--queues <names>', 'comma-separated queues to work: crawl,extract', 'crawl,extract')
    .option('--politeness <ms>', 'for crawl jobs without their own: ms between requests to one host [default 1000]')
    .option('--lock-ms <ms>', 'how long a job stays claimed without renewal; a crashed worker\'s jobs are retried after it [$PANTAU_LOCK_MS, default 30000]')
    .option('-q, --quiet', 'log failures only'),
).action(async (opts) => {
  const { config } = resolveCommandConfig(opts);
  process.exitCode = await (await commands.worker()).runWorker(config, opts);
});

const queue = program.command('queue').description('inspect and repair the job queues');
withPipelineOptions(
  queue.command('status').description('jobs per queue and state, pages per extraction state').option('--json', 'print as JSON'),
).action(async (opts) => {
  process.exitCode = await (await commands.queue()).runQueueStatus(resolveCommandConfig(opts).config, opts);
});
withPipelineOptions(
  queue
    .command('failed')
    .description('jobs that failed for good, with the reason (newest first)')
    .option('--queue <name>', 'crawl or extract (default both)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print as JSON'),
).action(async (opts) => {
  process.exitCode = await (await commands.queue()).runQueueFailed(resolveCommandConfig(opts).config, opts);
});
withPipelineOptions(
  queue
    .command('retry')
    .description('put failed jobs back in their queue with their attempts reset')
    .option('--queue <name>', 'crawl or extract (default both)')
    .option('--limit <n>', 'at most this many', '1000'),
).action(async (opts) => {
  process.exitCode = await (await commands.queue()).runQueueRetry(resolveCommandConfig(opts).config, opts);
});
withPipelineOptions(
  queue.command('requeue').description('queue every stored page still waiting for extraction (after a Redis loss)'),
).action(async (opts) => {
  process.exitCode = await (await commands.queue()).runQueueRequeue(resolveCommandConfig(opts).config);
});

withPipelineOptions(
  program
    .command('demo')
    .description('serve the bundled demo site on loopback and crawl it through the whole pipeline (what `npm start` runs)')
    .option('--articles <n>', 'articles on the demo site', '300')
    .option('--port <n>', 'first port of the demo outlets (then the next five)', '47300')
    .option('--politeness <ms>', 'ms between requests to one host [default 250 for the demo]')
    .option('-w, --workers <n>', 'extraction jobs run in this process at once [default: concurrency, 8]')
    .option('--threads <n>', 'threads running the extractor for those jobs; 0: on the main thread [$PANTAU_EXTRACT_THREADS, default 1]')
    .option('--json', 'print the run summary as JSON')
    .option('-q, --quiet', 'no progress bars'),
).action(async (opts) => {
  process.exitCode = await (await commands.demo()).runDemo(opts);
});

withPipelineOptions(
  program
    .command('serve')
    .description('serve the read-only HTTP API (/api/commitments, /api/regions, /api/stats, /api/sources, /api/openapi.json) until SIGTERM/SIGINT')
    .option('-p, --port <n>', 'TCP port', '8080')
    .option('--host <address>', 'interface to listen on (0.0.0.0 for all)', '127.0.0.1')
    .option('--log', 'log every request as a JSON line')
    .option('--readers <n>', 'SQLite: reader threads answering requests, each with its own connection (default: one per core; 0: the main thread)')
    .option('--cache-mb <n>', 'SQLite: page cache of each reading connection in MiB, filled as pages are read', '256'),
).action(async (opts) => {
  process.exitCode = await (await commands.serve()).runServe(resolveCommandConfig(opts).config, opts);
});

// Analysts' commands: they read the database only (no Redis); of the shared options only --config/--db/--database-url matter.
const collect = (value: string, previous: string[] = []) => [...previous, value];
const withFilterOptions = (command: Command) =>
  command
    .option('--region <region>', 'region code (74.71), name (Kendari, "Kota Bekasi") or abbreviation (Kukar); a name meaning both a Kabupaten and a Kota selects both; repeatable', collect)
    .option('--province <province>', 'province code (74), name or abbreviation (Sultra)')
    .option('--measure <type>', 'events with this measure (circular, instruction, integrity_pact, pledge, mou, grant, socialization, oversight, sanction); repeatable or comma-separated: any of them', collect)
    .option('--official <name>', "events naming this official (any spelling seen, case-insensitive substring, or the same name key)")
    .option('--since <date>', 'event date (else first publication date) on or after YYYY-MM-DD')
    .option('--until <date>', 'event date (else first publication date) on or before YYYY-MM-DD')
    .option('--source <id|site>', 'events reported by this outlet: registry id (kendaripos) or site host')
    .option('--text <text>', 'case-insensitive substring (3+ characters) of a source title or evidence quote');

withPipelineOptions(
  withFilterOptions(program.command('query').description('list events (one per reported pledge, with its sources) matching filters'))
    .option('--sort <order>', 'date (newest first) | -date (oldest first) | sources (most articles) | region | updated', 'date')
    .option('--limit <n>', 'at most this many events (1-1000)', '50')
    .option('--offset <n>', 'skip this many events first', '0')
    .addOption(new Option('-f, --format <format>', 'table | csv | json | ndjson (default: table on a terminal, else ndjson)')),
).action(async (opts) => {
  process.exitCode = await (await commands.query()).runQuery(resolveCommandConfig(opts).config, opts);
});

withPipelineOptions(
  withFilterOptions(program.command('stats').description('events by province, measure and month; regencies/cities and provinces with at least one'))
    .addOption(new Option('-f, --format <format>', 'table | json (default: table on a terminal, else json)')),
).action(async (opts) => {
  process.exitCode = await (await commands.stats()).runStats(resolveCommandConfig(opts).config, opts);
});

withPipelineOptions(
  program
    .command('regions')
    .description('regencies and cities with their event counts; --without-commitments lists the coverage gap')
    .option('--without-commitments', 'only regencies/cities without any commitment')
    .option('--province <province>', 'only this province (code, name or abbreviation such as Sultra)')
    .addOption(new Option('-f, --format <format>', 'table | csv | json | ndjson (default: table on a terminal, else ndjson)')),
).action(async (opts) => {
  process.exitCode = await (await commands.regions()).runRegions(resolveCommandConfig(opts).config, opts);
});

withPipelineOptions(
  program
    .command('export')
    .description('write the whole dataset: one row per event and one per event and source (codebook: README)')
    .option('-f, --format <format>', 'csv | ndjson | parquet (required)')
    .option('-o, --out <file>', 'output file, required (- for stdout with csv and ndjson)'),
).action(async (opts) => {
  process.exitCode = await (await commands.export()).runExport(resolveCommandConfig(opts).config, opts);
});

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`pantau: ${err.message}\n`);
  process.exitCode = 2;
});
