import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, extractText } from '../../src/extract/index.js';
import type { ArticleRecord } from '../../src/types/record.js';

/**
 * The record of one fixture article, read the way the golden files were made: HTML pages under a fixed
 * fixture URL, `.txt` articles with their own header lines. Shared by the golden script and its test.
 */
export function articleFixtureRecord(dir: string, file: string): ArticleRecord {
  const body = readFileSync(join(dir, file), 'utf8');
  return file.endsWith('.txt')
    ? extractText(body, {}, { input: file })
    : extract(body, `https://fixture.example/${file}`, { input: file });
}
