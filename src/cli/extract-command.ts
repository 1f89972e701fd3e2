import { extract, extractText } from '../extract/index.js';
import { readInput } from '../input/index.js';
import type { ExtractOutput } from '../types/record.js';
import { isErrorRecord } from '../types/record.js';
import { defaultFormat, parseFormat, renderTable, toNdjsonLine } from './format.js';

export interface ExtractCommandOptions {
  format?: string;
  timeout?: string;
}

/**
 * `pantau extract FILE|URL...`: one record per input, in input order. An input that cannot be read yields
 * `{input, error}` and a line on stderr; the others are still processed. Resolves to the exit status.
 */
export async function runExtract(inputs: string[], options: ExtractCommandOptions): Promise<number> {
  const format = options.format ? parseFormat(options.format) : defaultFormat(process.stdout.isTTY);
  const timeoutMs = options.timeout ? parseSeconds(options.timeout) * 1000 : undefined;
  const results: ExtractOutput[] = [];
  let failed = 0;
  for (const input of inputs) {
    let out: ExtractOutput;
    try {
      const raw = await readInput(input, timeoutMs ? { timeoutMs } : {});
      out =
        raw.kind === 'html'
          ? extract(raw.html, raw.url, { input })
          : extractText(raw.text, { url: raw.url }, { input });
    } catch (err) {
      out = { input, error: (err as Error).message };
    }
    if (isErrorRecord(out)) {
      failed++;
      process.stderr.write(`pantau extract: ${out.error}\n`);
    }
    if (format === 'ndjson') process.stdout.write(`${toNdjsonLine(out)}\n`);
    else results.push(out);
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (format === 'table') process.stdout.write(`${renderTable(results)}\n`);
  return failed > 0 ? 1 : 0;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--timeout ${value}: expected a positive number of seconds`);
  return n;
}
