/**
 * Group commit: calls that arrive while a batch is being written (or within the same turn of the event loop) are
 * written together by the next batch, one batch at a time. Each call still resolves with its own result, so a
 * caller's order "written, then next step" holds item by item; batching only shares the fixed cost of a write
 * (a database commit, a Redis round trip) between the items that arrived meanwhile.
 */

/** Most items per batch by default. */
export const MAX_BATCH = 100;

interface Pending<I, O> {
  item: I;
  resolve: (value: O | PromiseLike<O>) => void;
  reject: (err: unknown) => void;
}

/**
 * Returns a function taking one item at a time. `run` gets each batch and returns one result per item, in
 * order (a promise for an item that may fail alone); when it throws, every item of the batch fails with that
 * error.
 */
export function groupCommit<I, O>(run: (items: I[]) => Promise<(O | Promise<O>)[]>, maxBatch = MAX_BATCH): (item: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  let running = false;
  const flush = async (): Promise<void> => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const out = await run(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(out[i]));
        await Promise.allSettled(out);
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // The first call of a quiet spell waits one turn for the calls made alongside it.
      if (!running && queue.length === 1) setImmediate(() => void flush());
    });
}
