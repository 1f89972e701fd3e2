/**
 * The extraction thread pool: the records it returns are extract()'s; extractPage fails a page permanently on an
 * ExtractorError and leaves it for a retry when the thread died (ExtractThreadError); a closed pool refuses work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { loadPage, savePage } from '../../src/store/index.js';
import { extractPage } from '../../src/worker/index.js';
import { ExtractThreadError, ExtractorError, startExtractPool } from '../../src/worker/extract-pool.js';
import type { ExtractPool } from '../../src/worker/extract-pool.js';
import { PermanentJobError, TransientJobError } from '../../src/queue/index.js';
import { workerEnv } from './helpers.js';

const DIR = join(import.meta.dirname, '../../fixtures/content');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ url: `https://portal.example.id/${f.replace('.html', '')}`, html: readFileSync(join(DIR, f), 'utf8') }));

describe('extraction pool', () => {
  let pool: ExtractPool;
  beforeAll(() => {
    pool = startExtractPool(2);
  });
  afterAll(async () => {
    await pool.close();
  });

  it('returns what extract() returns, for pages spread over its threads at once', async () => {
    expect(pages.length).toBeGreaterThan(3);
    const records = await Promise.all(pages.map((p) => pool.extract(p.html, p.url, { input: p.url })));
    records.forEach((r, i) => expect(r).toEqual(extract(pages[i].html, pages[i].url, { input: pages[i].url })));
  });

  it('makes extractPage fail a page permanently on an extractor error, and retry it when the thread died', async () => {
    const env = await workerEnv('sqlite');
    try {
      const id = await savePage(env.store, { url: 'https://x.example.id/a', status: 200, body: pages[0].html, contentType: 'text/html' });
      const died = () => Promise.reject(new ExtractThreadError('extraction thread exited (code 1)'));
      await expect(extractPage(env.store, id, { extract: died })).rejects.toBeInstanceOf(TransientJobError);
      expect(await loadPage(env.store, id)).toMatchObject({ extractState: 'pending', extractError: null });

      const broken = () => Promise.reject(new ExtractorError('boom'));
      await expect(extractPage(env.store, id, { extract: broken })).rejects.toBeInstanceOf(PermanentJobError);
      expect(await loadPage(env.store, id)).toMatchObject({ extractState: 'failed' });
      expect((await loadPage(env.store, id))?.extractError).toContain('extractor failed: boom');

      // Through the pool, the page is extracted as extract() does it.
      expect(await extractPage(env.store, id, { extract: pool.extract })).toMatchObject({ pageId: id });
      expect(await loadPage(env.store, id)).toMatchObject({ extractState: 'done', extractError: null });
    } finally {
      await env.cleanup();
    }
  });

  it('refuses work once closed, and refuses a size below 1', async () => {
    const small = startExtractPool(1);
    await small.close();
    await expect(small.extract('<p>x</p>', null, { input: '' })).rejects.toBeInstanceOf(ExtractThreadError);
    expect(() => startExtractPool(0)).toThrow(/positive integer/);
  });
});
