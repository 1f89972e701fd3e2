/**
 * Regenerates fixtures/content/<case>.expected.json from the HTML fixtures listed in
 * fixtures/content/cases.json, so that a change in extraction shows up as a reviewable diff.
 *
 * Usage: node --import tsx scripts/update-golden-content.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractContent } from '../src/extract/content/index.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'content');
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Record<string, string | null>;

for (const [name, url] of Object.entries(cases)) {
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  const content = extractContent(html, url);
  writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`${name}: ${content.text.length} chars, published ${content.published_at ?? 'unknown'}`);
}
