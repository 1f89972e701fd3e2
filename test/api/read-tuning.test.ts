/**
 * How `pantau serve` tunes the SQLite connections it reads through (src/api/readers.ts): the memory map and the page
 * cache `--cache-mb` sets, and the option's checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_CACHE_MB, tuneForReading } from '../../src/api/readers.js';
import { parseCacheMb } from '../../src/cli/serve-command.js';
import { migrate, openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-read-tuning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pragma(store: ReturnType<typeof openStore>, name: string): Promise<number> {
  const rows = (await sql.raw(`pragma ${name}`).execute(store.db)).rows as Record<string, number>[];
  return Number(Object.values(rows[0])[0]);
}

describe('tuneForReading', () => {
  it('sets the page cache in KiB (the default, or the MiB asked for) and maps the file', async () => {
    const store = openStore({ sqlitePath: join(dir, 't.db') });
    try {
      await migrate(store);
      expect(await pragma(store, 'cache_size')).toBe(-16000); // better-sqlite3's SQLite default
      await tuneForReading(store);
      expect(await pragma(store, 'cache_size')).toBe(-DEFAULT_READ_CACHE_MB * 1024);
      expect(await pragma(store, 'mmap_size')).toBeGreaterThan(0);
      await tuneForReading(store, { cacheMb: 64 });
      expect(await pragma(store, 'cache_size')).toBe(-64 * 1024);
    } finally {
      await store.close();
    }
  });
});

describe('serve --cache-mb', () => {
  it('takes an integer number of MiB, else names the option and what it expects', () => {
    expect(parseCacheMb(undefined, 256)).toBe(256);
    expect(parseCacheMb('0', 256)).toBe(0);
    expect(parseCacheMb(' 64 ', 256)).toBe(64);
    for (const bad of ['x', '-1', '1.5', '65537', '']) {
      expect(() => parseCacheMb(bad, 256)).toThrow(/^--cache-mb .*: expected an integer from 0 to 65536/);
    }
  });
});
