/**
 * Group commit: calls that arrive while a batch is being written (or within the same turn of the event loop, or
 * within a short linger) are written together by the next batch, one batch at a time. Each call still resolves
 * with its own result, so a caller's order "written, then next step" holds item by item; batching only shares the
 * fixed cost of a write (a database commit, a Redis round trip) between the items that arrived meanwhile.
 */

/** Most items per batch by default. */
export const MAX_BATCH = 100;

export interface GroupCommitOptions {
  /** Most items per batch (default `MAX_BATCH`, 100). A batch this full is written without lingering. */
  maxBatch?: number;
  /**
   * How long the oldest waiting item may wait for others before its batch is written, in milliseconds (default 0:
   * one turn of the event loop). Worth it when items trickle in while a write costs much more than an item: an
   * extract worker's records, finished one at a time by its extraction thread, saved one per SQLite commit cost
   * twice as much as in batches of eight. Set `maxBatch` to the most items that can be waiting at once (the
   * jobs in flight) so that a batch all of them wait on is written at once instead of at the end of the linger.
   */
  lingerMs?: number;
}

interface Pending<I, O> {
  item: I;
  /** When the item arrived (performance.now()). */
  at: number;
  resolve: (value: O | PromiseLike<O>) => void;
  reject: (err: unknown) => void;
}

/**
 * Returns a function taking one item at a time. `run` gets each batch and returns one result per item, in
 * order (a promise for an item that may fail alone); when it throws, every item of the batch fails with that
 * error.
 */
export function groupCommit<I, O>(run: (items: I[]) => Promise<(O | Promise<O>)[]>, options: GroupCommitOptions = {}): (item: I) => Promise<O> {
  const maxBatch = Math.max(1, options.maxBatch ?? MAX_BATCH);
  const lingerMs = Math.max(0, options.lingerMs ?? 0);
  let queue: Pending<I, O>[] = [];
  let writing = false;
  let timer: { cancel(): void } | undefined;

  const write = async (): Promise<void> => {
    timer?.cancel();
    timer = undefined;
    writing = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const out = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(out[i]));
      await Promise.allSettled(out);
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
    writing = false;
    schedule();
  };
  // Decides when the waiting items are written: now when a batch is full, else once the oldest has lingered.
  const schedule = () => {
    if (writing || queue.length === 0) return;
    if (queue.length >= maxBatch) {
      void write();
      return;
    }
    if (timer) return;
    if (lingerMs === 0) {
      const t = setImmediate(() => void write());
      timer = { cancel: () => clearImmediate(t) };
    } else {
      const t = setTimeout(() => void write(), Math.max(0, queue[0].at + lingerMs - performance.now()));
      timer = { cancel: () => clearTimeout(t) };
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, at: performance.now(), resolve, reject });
      schedule();
    });
}
