import { Command, Option } from 'commander';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { runEval } from './eval-command.js';
import { runExtract } from './extract-command.js';
import { runSourcesCheck, runSourcesList } from './sources-command.js';

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
    process.exitCode = await runExtract(inputs, opts);
  });

program
  .command('eval')
  .description('score the extractor on labelled corpus folders (ID.txt + ID.json pairs)')
  .argument('<dirs...>', 'corpus folders, e.g. ../shared/corpus/seeds ../shared/corpus/dev')
  .option('-v, --verbose', 'list every disagreement')
  .option('--html', 'wrap each text in a realistic news page before extracting')
  .option('--json', 'print the result as JSON')
  .option('--floors <file>', 'exit 1 when a field scores below the floor stored in this JSON file')
  .action((dirs: string[], opts) => {
    process.exitCode = runEval(dirs, opts);
  });

const sources = program.command('sources').description('the registry of outlets pantau crawls');
sources
  .command('list')
  .description('list the declared outlets: id, name, region, discovery kinds, verified')
  .option('--json', 'print the registry as JSON')
  .action((opts) => {
    process.exitCode = runSourcesList(opts);
  });
sources
  .command('check')
  .description('fetch robots.txt and every discovery URL of the outlets (all when no ID) and report what works')
  .argument('[ids...]', 'source ids, e.g. kendaripos antara-sultra')
  .option('--timeout <seconds>', 'timeout per request', '20')
  .option('--json', 'print the report as JSON')
  .action(async (ids: string[], opts) => {
    process.exitCode = await runSourcesCheck(ids, opts);
  });

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`pantau: ${err.message}\n`);
  process.exitCode = 2;
});
