/**
 * The API's reader threads (src/api/readers.ts) on a real SQLite file: many more requests than threads at once are
 * all answered, each with its own reply, through one shared queue; bad input comes back as the handler's ApiError;
 * closing the pool fails the requests still waiting instead of leaving them hanging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { startReaderPool } from '../../src/api/readers.js';
import { migrate, openStore, upsertSource } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-readers-'));
const sqlitePath = join(dir, 'pantau.db');

beforeAll(async () => {
  const store = openStore({ sqlitePath });
  await migrate(store);
  for (let i = 0; i < 30; i++) {
    await upsertSource(store, { id: `outlet-${i}`, name: `Outlet ${i}`, home: `https://outlet-${i}.example/`, discovery: [], articlePattern: '.', verified: false });
  }
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reader pool', () => {
  it('answers many concurrent requests on two threads, each with its own reply', async () => {
    const pool = startReaderPool({ sqlitePath, size: 2 });
    try {
      const ids = Array.from({ length: 60 }, (_, i) => `ev_${i.toString(16).padStart(16, '0')}`);
      const [sources, ...missing] = await Promise.all([
        pool.run('/api/sources', { query: {}, params: {} }),
        ...ids.map((id) => pool.run('/api/commitments/:id', { query: {}, params: { id } }).catch((err: unknown) => err)),
      ]);
      expect(sources.status).toBe(200);
      expect((JSON.parse(sources.json) as { items: unknown[] }).items).toHaveLength(30);
      expect(missing).toHaveLength(60);
      for (const [i, err] of missing.entries()) {
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).status).toBe(404);
        expect((err as ApiError).message).toContain(ids[i]);
      }
    } finally {
      await pool.close();
    }
  });

  it('fails the requests still queued when closed', async () => {
    const pool = startReaderPool({ sqlitePath, size: 1 });
    const waiting = Array.from({ length: 10 }, () => pool.run('/api/sources', { query: {}, params: {} }).then(() => 'answered', (err: Error) => err.message));
    await pool.close();
    const outcomes = await Promise.all(waiting);
    // At most the two in flight on the thread may have been answered; the queued ones are refused, none hangs.
    expect(outcomes.filter((o) => o === 'reader pool closed').length).toBeGreaterThanOrEqual(8);
    await expect(pool.run('/api/sources', { query: {}, params: {} })).rejects.toThrow('reader pool closed');
  });
});
