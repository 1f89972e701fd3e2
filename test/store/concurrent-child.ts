/**
 * A separate process hammering the store, for the multi-connection tests: saves the same page and record
 * `rounds` times, starting at `startAt` (epoch ms) so that several children overlap. Prints the page ids as JSON.
 * Usage: node --import tsx concurrent-child.ts <job.json>
 */
import { readFileSync } from 'node:fs';
import { migrate, openStore, saveArticleRecord, savePage } from '../../src/store/index.js';
import type { StoreOptions } from '../../src/store/index.js';
import type { ArticleRecord } from '../../src/types/record.js';

interface Job {
  options: StoreOptions;
  url: string;
  body: string;
  record: ArticleRecord;
  rounds: number;
  startAt: number;
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
const store = openStore(job.options);
try {
  await migrate(store);
  const wait = job.startAt - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const ids = new Set<string>();
  for (let i = 0; i < job.rounds; i++) {
    const id = await savePage(store, { url: job.url, status: 200, body: job.body, contentType: 'text/html; charset=utf-8' });
    ids.add(id);
    await saveArticleRecord(store, id, job.record);
  }
  process.stdout.write(JSON.stringify([...ids]));
} finally {
  await store.close();
}
