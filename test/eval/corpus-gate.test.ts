import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/run.js';
import { FIELDS } from '../../src/eval/score.js';
import type { Scores } from '../../src/eval/score.js';

// The labelled corpus lives beside the repository and is never copied into it.
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const dirs = ['seeds', 'dev'].map((d) => corpus + d).filter((d) => existsSync(d));
const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Scores;

describe.skipIf(dirs.length === 0)('evaluation gate on ../shared/corpus', () => {
  const text = evaluate(dirs, 'text');
  const html = evaluate(dirs, 'html');

  it.each(FIELDS)('%s stays at or above its floor on plain text', (field) => {
    expect(text.scores[field]).toBeGreaterThanOrEqual(floors[field]);
  });

  it.each(FIELDS)('%s stays at or above its floor when wrapped in a realistic page', (field) => {
    expect(html.scores[field]).toBeGreaterThanOrEqual(floors[field]);
  });

  it('page chrome does not change the scores', () => {
    for (const field of FIELDS) expect(html.scores[field]).toBeCloseTo(text.scores[field], 2);
  });
});
