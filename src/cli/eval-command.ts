import { readFileSync } from 'node:fs';
import { evaluate } from '../eval/run.js';
import type { EvalMode, EvalResult } from '../eval/run.js';
import { FIELDS } from '../eval/score.js';
import type { Scores } from '../eval/score.js';

export interface EvalCommandOptions {
  verbose?: boolean;
  html?: boolean;
  json?: boolean;
  floors?: string;
}

/**
 * `pantau eval DIR...`: per-field scores on corpus folders; with `--floors FILE`, exit 1 when a field is below
 * its stored floor.
 */
export function runEval(dirs: string[], options: EvalCommandOptions): number {
  const mode: EvalMode = options.html ? 'html' : 'text';
  const result = evaluate(dirs, mode);
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(report(result, options.verbose ?? false));
  if (!options.floors) return 0;
  const floors = JSON.parse(readFileSync(options.floors, 'utf8')) as Partial<Scores>;
  const below = belowFloors(result.scores, floors);
  for (const line of below) process.stderr.write(`pantau eval: ${line}\n`);
  return below.length ? 1 : 0;
}

/** Fields whose score is under the floor, as messages. */
export function belowFloors(scores: Scores, floors: Partial<Scores>): string[] {
  const out: string[] = [];
  for (const f of FIELDS) {
    const floor = floors[f];
    if (typeof floor === 'number' && scores[f] < floor) out.push(`${f} ${scores[f].toFixed(3)} is below the floor ${floor}`);
  }
  return out;
}

function report(r: EvalResult, verbose: boolean): string {
  const lines = [`${r.articles} articles, mode ${r.mode}`, 'field        P      R      F1/acc   counts'];
  for (const f of FIELDS) {
    if (f === 'event_date') {
      const [ok, n] = r.counts.event_date;
      lines.push(`${f.padEnd(11)}  ${''.padEnd(13)}  ${r.scores[f].toFixed(3)}    ${ok}/${n}`);
    } else {
      const p = r.prf[f];
      lines.push(
        `${f.padEnd(11)}  ${p.precision.toFixed(3)}  ${p.recall.toFixed(3)}  ${p.f1.toFixed(3)}    tp ${p.tp} fp ${p.fp} fn ${p.fn}`,
      );
    }
  }
  if (verbose) {
    lines.push('', 'disagreements:');
    for (const d of r.disagreements) {
      lines.push(`  ${d.id}  ${d.field.padEnd(10)}  ${d.kind.padEnd(8)}  expected ${d.expected ?? '-'}  predicted ${d.predicted ?? '-'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
