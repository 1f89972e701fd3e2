/**
 * A separate process saving articles (and so grouping them), for the multi-process grouping test. Waits until
 * `startAt` (epoch ms) so that two children overlap, then saves each article in turn.
 * Usage: node --import tsx concurrent-group-child.ts <job.json>
 */
import { readFileSync } from 'node:fs';
import { migrate, openStore, saveArticleRecord, savePage } from '../../src/store/index.js';
import type { StoreOptions } from '../../src/store/index.js';
import type { ArticleRecord } from '../../src/types/record.js';

interface Job {
  options: StoreOptions;
  articles: ArticleRecord[];
  startAt: number;
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
const store = openStore(job.options);
try {
  await migrate(store);
  const wait = job.startAt - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  for (const record of job.articles) {
    const url = record.url!;
    const id = await savePage(store, { url, status: 200, body: `<html>${url}</html>`, contentType: 'text/html' });
    await saveArticleRecord(store, id, record);
  }
} finally {
  await store.close();
}
