import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleFixtureRecord } from '../../scripts/lib/article-fixtures.js';

// Whole records of the fixture articles, compared with fixtures/articles/<case>.expected.json.
// Regenerate with `npm run golden:update` and review the diff before committing.
const dir = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));
const files = readdirSync(dir).filter((f) => /\.(html|txt)$/.test(f)).sort();

describe('golden article records', () => {
  it('has a golden file for every fixture article', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s matches its expected record', (file) => {
    const expected = JSON.parse(readFileSync(dir + file.replace(/\.(html|txt)$/, '.expected.json'), 'utf8'));
    expect(articleFixtureRecord(dir, file)).toEqual(expected);
  });
});
