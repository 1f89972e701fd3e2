/**
 * Regenerates the golden files from the current extractor, so that a change in extraction shows up as a
 * reviewable diff (`git diff fixtures/`):
 * - fixtures/content/<case>.expected.json: the content stage (ArticleContent) of each page in cases.json;
 * - fixtures/articles/<case>.expected.json: the whole record of each fixture article (.html or .txt).
 *
 * Usage: npm run golden:update
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractContent } from '../src/extract/content/index.js';
import { articleFixtureRecord } from './lib/article-fixtures.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const contentDir = join(root, 'fixtures', 'content');
const cases = JSON.parse(readFileSync(join(contentDir, 'cases.json'), 'utf8')) as Record<string, string | null>;
for (const [name, url] of Object.entries(cases)) {
  const content = extractContent(readFileSync(join(contentDir, `${name}.html`), 'utf8'), url);
  writeFileSync(join(contentDir, `${name}.expected.json`), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`content/${name}: ${content.text.length} chars, published ${content.published_at ?? 'unknown'}`);
}

const articleDir = join(root, 'fixtures', 'articles');
for (const file of readdirSync(articleDir).sort()) {
  if (!/\.(html|txt)$/.test(file)) continue;
  const record = articleFixtureRecord(articleDir, file);
  const name = file.replace(/\.(html|txt)$/, '');
  writeFileSync(join(articleDir, `${name}.expected.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`articles/${name}: relevant ${record.relevant}, ${record.commitments.length} commitment(s)`);
}
