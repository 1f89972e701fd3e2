/**
 * A worker process for the crash tests: starts the extract workers from src on the given store and queues,
 * prints `ready`, and runs until SIGTERM/SIGINT (graceful) or SIGKILL.
 * Usage: node --import tsx worker-child.ts <job.json>
 */
import { readFileSync } from 'node:fs';
import { migrate, openStore } from '../../src/store/index.js';
import type { StoreOptions } from '../../src/store/index.js';
import { closeOnSignals, startWorkers } from '../../src/worker/index.js';

interface ChildJob {
  redisUrl: string;
  prefix: string;
  store: StoreOptions;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ChildJob;
const store = openStore(job.store);
await migrate(store);
const handle = startWorkers({
  redisUrl: job.redisUrl,
  prefix: job.prefix,
  store,
  queues: ['extract'],
  concurrency: job.concurrency,
  lockDurationMs: job.lockDurationMs,
  stalledIntervalMs: job.stalledIntervalMs,
  onEvent: (e) => {
    if (e.type === 'stalled') process.stdout.write(`stalled ${e.jobId}\n`);
    if (e.type === 'failed' || e.type === 'error') process.stderr.write(`${JSON.stringify(e)}\n`);
  },
});
closeOnSignals(handle);
await Promise.all(handle.workers.map((w) => w.waitUntilReady()));
process.stdout.write('ready\n');
await handle.closed;
await store.close();
process.stdout.write('closed\n');
