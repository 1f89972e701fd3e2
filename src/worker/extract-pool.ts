/**
 * Extraction on worker threads. `extract()` is synchronous and takes most of a job's CPU: run on the thread that
 * also takes jobs off the queue and stores records, it stalls them, and a process uses one core however many
 * jobs it holds. With a pool, the main thread only loads pages, stores records and talks to Redis, while the
 * pool's threads extract, so one `pantau worker` (or `pantau crawl`, extracting what it stores) uses a core more
 * per thread.
 *
 * A page goes to the thread with the fewest pages in hand. An extractor error comes back as `ExtractorError`
 * (the page is at fault: the same page fails again); a thread that dies (out of memory, a crash) fails its
 * pages with `ExtractThreadError`, a transient error, and is replaced.
 */
import type { Worker } from 'node:worker_threads';
import type { ArticleRecord } from '../types/record.js';
import { startModuleThread } from '../lib/module-thread.js';

/** What the pool sends a thread. */
export interface ExtractRequest {
  id: number;
  html: string;
  url: string | null;
  input: string;
}

/** What a thread answers. */
export type ExtractReply = { id: number; record: ArticleRecord } | { id: number; error: { name: string; message: string; stack?: string } };

/** The extractor threw on this page (thrown again in the caller's thread, with the extractor's message). */
export class ExtractorError extends Error {
  override name = 'ExtractorError';
}

/** The thread extracting the page died before answering; another attempt may succeed. */
export class ExtractThreadError extends Error {
  override name = 'ExtractThreadError';
}

export interface ExtractPool {
  readonly size: number;
  /** `extract(html, url, { input })` on a thread of the pool. */
  extract(html: string, url: string | null, options: { input: string }): Promise<ArticleRecord>;
  /** Stops the threads; pages in hand fail with `ExtractThreadError`. */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: ArticleRecord) => void; reject: (e: Error) => void }>;
}

/** Starts `size` (at least 1) extraction threads. */
export function startExtractPool(size: number): ExtractPool {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`extraction threads: expected a positive integer, got ${size}`);
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (index: number): void => {
    const worker = startModuleThread(import.meta.url, 'extract-thread', null);
    // An idle pool does not keep the process alive; a thread with pages in hand does (see `extract`).
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    slots[index] = slot;
    worker.on('message', (reply: ExtractReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if ('record' in reply) p.resolve(reply.record);
      else p.reject(Object.assign(new ExtractorError(reply.error.message), { stack: reply.error.stack, extractorName: reply.error.name }));
    });
    let failed = false;
    const fail = (why: string) => {
      if (failed) return;
      failed = true;
      const err = new ExtractThreadError(`extraction thread ${why}`);
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      if (!closed) spawn(index);
    };
    worker.on('error', (err) => fail(`failed: ${err.message}`));
    worker.on('exit', (code) => fail(`exited (code ${code})`));
  };
  for (let i = 0; i < size; i++) spawn(i);

  return {
    size,
    extract(html, url, options) {
      if (closed) return Promise.reject(new ExtractThreadError('extraction pool closed'));
      let slot = slots[0];
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const id = nextId++;
      return new Promise<ArticleRecord>((resolve, reject) => {
        if (slot.pending.size === 0) slot.worker.ref();
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, html, url, input: options.input } satisfies ExtractRequest);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
