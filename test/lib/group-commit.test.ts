/**
 * Group commit (src/lib/group-commit.ts): which items share a batch, and that each call still gets its own outcome.
 */
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/lib/group-commit.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A writer recording its batches; each write takes `ms`. */
function recorder(ms = 0) {
  const batches: number[][] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    if (ms) await sleep(ms);
    return items.map((i) => i * 10);
  };
  return { batches, run };
}

/** Adds 1, 2 and 3 ten milliseconds apart; resolves when all are written. */
async function trickle(add: (item: number) => Promise<number>): Promise<void> {
  const done = [add(1)];
  await sleep(10);
  done.push(add(2));
  await sleep(10);
  done.push(add(3));
  await Promise.all(done);
}

describe('groupCommit', () => {
  it('writes the calls of one turn together, and calls made during a write in the next batch', async () => {
    const { batches, run } = recorder(20);
    const add = groupCommit(run);
    const first = [add(1), add(2), add(3)];
    await sleep(5); // the first batch is being written
    const second = [add(4), add(5)];
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('splits at maxBatch', async () => {
    const { batches, run } = recorder();
    const add = groupCommit(run, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map(add));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('with a linger, gathers items arriving a few milliseconds apart into one batch', async () => {
    const { batches, run } = recorder();
    const add = groupCommit(run, { lingerMs: 60 });
    await trickle(add);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('without a linger, the same items go one by one', async () => {
    const { batches, run } = recorder();
    const add = groupCommit(run);
    await trickle(add);
    expect(batches).toEqual([[1], [2], [3]]);
  });

  it('writes a full batch at once instead of waiting for the linger', async () => {
    const { batches, run } = recorder();
    const add = groupCommit(run, { maxBatch: 3, lingerMs: 10_000 });
    const t = performance.now();
    await Promise.all([add(1), add(2), add(3)]);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('counts the linger from the oldest waiting item, also for items left over from a write', async () => {
    const { batches, run } = recorder(40);
    const add = groupCommit(run, { lingerMs: 30, maxBatch: 10 });
    const t = performance.now();
    const a = add(1); // written at ~30 ms, until ~70 ms
    await sleep(35);
    const b = add(2); // arrives during the write: written right after it (it has waited past the linger)
    await Promise.all([a, b]);
    expect(batches).toEqual([[1], [2]]);
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('gives each item its own outcome, and fails a whole batch when the write throws', async () => {
    const add = groupCommit<number, number>(async (items) => {
      if (items.includes(0)) throw new Error('batch refused');
      return items.map((i) => (i < 0 ? Promise.reject(new Error(`bad ${i}`)) : i));
    });
    const results = await Promise.allSettled([add(1), add(-1), add(2)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'bad -1', 2]);
    const refused = await Promise.allSettled([add(3), add(0)]);
    expect(refused.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['batch refused', 'batch refused']);
  });
});
