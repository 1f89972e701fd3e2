/**
 * The workers: BullMQ adapters around the pure stages. `extractPage` is the extraction core (a page id in, its
 * record stored); `startWorkers` runs it, and the injected crawl handler, off the queues.
 *
 *   const handle = startWorkers({ connection: redis.url, store, handlers: { crawl } });
 *   closeOnSignals(handle);
 *   await handle.closed;
 */
export { extractPage, notHtmlReason } from './extract-page.js';
export type { ExtractPageOptions, ExtractSummary } from './extract-page.js';
export { batchedRecordWriter } from './record-writer.js';
export type { SaveRecord } from './record-writer.js';
export { closeOnSignals, startWorkers } from './workers.js';
export type { CloseOnSignalsOptions, CrawlHandler, StartWorkersOptions, WorkerEvent, WorkersHandle } from './workers.js';
