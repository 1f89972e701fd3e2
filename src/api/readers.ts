/**
 * Reader threads for a SQLite store. better-sqlite3 runs each query synchronously on the thread that asks, so an
 * API answering from the main thread uses one core however many clients wait. With readers, the main thread only
 * parses requests and sends answers; each request's handler runs on one of N worker threads (src/api/
 * reader-worker.ts), each with its own read-only connection to the same file (WAL: readers never block the writer
 * nor each other), which sends back the body already serialised as JSON.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { startModuleThread } from '../lib/module-thread.js';
import type { Store } from '../store/index.js';
import { ApiError } from './errors.js';
import type { HandlerInput, PageInfo } from './route.js';

/** What a reader answers for one request. */
export type ReaderReply =
  | { ok: true; status: number; headers?: Record<string, string>; page?: PageInfo; json: string }
  | { ok: false; apiError?: { status: number; message: string; param?: string }; message?: string };

/** A request for a reader: the route (by path) and the handler's input. */
export interface ReaderRequest {
  id: number;
  path: string;
  input: HandlerInput;
}

export interface ReaderPool {
  readonly size: number;
  /** Runs the route's handler on a reader; resolves with its status, headers, page and JSON body. */
  run(path: string, input: HandlerInput): Promise<{ status: number; headers?: Record<string, string>; page?: PageInfo; json: string }>;
  close(): Promise<void>;
}

export interface ReaderPoolOptions {
  /** The SQLite file (not `:memory:`: each reader opens it). */
  sqlitePath: string;
  /** Threads (default: the cores available). */
  size?: number;
  /** Page cache of each reader's connection, in MiB (default `DEFAULT_READ_CACHE_MB`). */
  cacheMb?: number;
}

/**
 * Bytes of a SQLite file read through a memory map instead of read() calls (address space only; the OS pages it).
 * better-sqlite3's SQLite is built with a 2 GiB ceiling (SQLITE_MAX_MMAP_SIZE), which wins over this: pages past
 * it go through the page cache below.
 */
export const MMAP_BYTES = 8 * 1024 ** 3;

/** Default page cache of a reading connection, in MiB (SQLite's own default is 16 MiB). */
export const DEFAULT_READ_CACHE_MB = 256;

export interface ReadTuning {
  /**
   * SQLite page cache of the connection, in MiB (default `DEFAULT_READ_CACHE_MB`; it fills as pages are read).
   * What the memory map does not cover (a file past 2 GiB: at a million events, the search and sources tables
   * written last) is otherwise read with a system call per page into a 16 MiB cache that random reads keep
   * evicting: at a million events a 256 MiB cache took a text search from 7.4 to 4.5 ms of CPU and a region listing
   * from 2.2 to 1.6 ms.
   */
  cacheMb?: number;
}

/**
 * Tunes a SQLite connection the API reads through: memory-mapped reads (a page lookup without a system call and a
 * copy: random row reads, what listings do, cost about a third) and a larger page cache for the rest. No effect on
 * PostgreSQL.
 */
export async function tuneForReading(store: Store, tuning: ReadTuning = {}): Promise<void> {
  if (store.dialect !== 'sqlite') return;
  await sql.raw(`pragma mmap_size = ${MMAP_BYTES}`).execute(store.db);
  // Negative: a size in KiB rather than a number of pages.
  await sql.raw(`pragma cache_size = ${-Math.round((tuning.cacheMb ?? DEFAULT_READ_CACHE_MB) * 1024)}`).execute(store.db);
}

/** Default number of readers: one per core. */
export function defaultReaders(): number {
  return availableParallelism();
}

interface Slot {
  worker: Worker;
  /** Set when the thread failed or exited: it gets no more requests. */
  dead?: Error;
  pending: Map<number, { resolve: (r: ReaderReply) => void; reject: (e: Error) => void }>;
}

interface Queued {
  request: ReaderRequest;
  resolve: (r: ReaderReply) => void;
  reject: (e: Error) => void;
}

/**
 * Requests a reader holds at once (running, or waiting on its thread). Two hide the hop back to the main thread
 * between requests; more would queue requests behind a slow one on one thread while the other thread idles: the
 * rest wait in one queue here and go to whichever reader frees up first, so a slow request (or a pause for garbage
 * collection) delays only its own reader's next request, not a share of every waiting one.
 */
const IN_FLIGHT = 2;

/** Starts `size` reader threads on the SQLite file. */
export function startReaderPool(options: ReaderPoolOptions): ReaderPool {
  const size = Math.max(1, options.size ?? defaultReaders());
  const slots: Slot[] = [];
  const queue: Queued[] = [];
  let nextId = 1;
  let closed = false;
  const send = (slot: Slot, q: Queued) => {
    slot.pending.set(q.request.id, { resolve: q.resolve, reject: q.reject });
    slot.worker.postMessage(q.request);
  };
  // Hands waiting requests to live readers with room, the least busy first.
  const dispatch = () => {
    while (queue.length > 0) {
      let best: Slot | undefined;
      for (const s of slots) if (!s.dead && s.pending.size < IN_FLIGHT && (!best || s.pending.size < best.pending.size)) best = s;
      if (!best) break;
      send(best, queue.shift()!);
    }
    if (queue.length > 0 && slots.every((s) => s.dead)) {
      const err = new Error(`every API reader thread failed: ${slots[0].dead?.message}`);
      for (const q of queue.splice(0)) q.reject(err);
    }
  };
  // A reader that failed or exited: its requests fail, the others take the queue from now on.
  const fail = (slot: Slot, err: Error) => {
    slot.dead ??= err;
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
    dispatch();
  };
  for (let i = 0; i < size; i++) {
    const worker = startModuleThread(import.meta.url, 'reader-worker', { sqlitePath: options.sqlitePath, cacheMb: options.cacheMb });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (msg: { id: number; reply: ReaderReply }) => {
      const p = slot.pending.get(msg.id);
      if (!p) return;
      slot.pending.delete(msg.id);
      p.resolve(msg.reply);
      dispatch();
    });
    worker.on('error', (err) => fail(slot, err));
    worker.on('exit', (code) => {
      if (!closed) fail(slot, new Error(`API reader thread exited (${code})`));
    });
    slots.push(slot);
  }

  return {
    size,
    async run(path, input) {
      if (closed) throw new Error('reader pool closed');
      const reply = await new Promise<ReaderReply>((resolve, reject) => {
        queue.push({ request: { id: nextId++, path, input }, resolve, reject });
        dispatch();
      });
      if (reply.ok) return reply;
      if (reply.apiError) throw new ApiError(reply.apiError.status, reply.apiError.message, reply.apiError.param);
      throw new Error(reply.message ?? 'reader failed');
    },
    async close() {
      closed = true;
      const err = new Error('reader pool closed');
      for (const q of queue.splice(0)) q.reject(err);
      await Promise.all(slots.map((s) => s.worker.terminate()));
      // Requests the threads were running when stopped get no answer now: they fail rather than hang.
      for (const s of slots) fail(s, err);
    },
  };
}
