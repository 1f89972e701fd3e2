import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SQLITE_PATH,
  StoreValidationError,
  migrate,
  openStore,
  storeOptionsFromEnv,
  validateArticleRecord,
} from '../../src/store/index.js';
import type { ArticleRecord } from '../../src/types/record.js';
import { clone, richestRecord } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens SQLite in WAL mode with a busy timeout, creating the directory', async () => {
    const path = join(dir, 'a', 'b', 'pantau.db');
    const store = openStore({ sqlitePath: path });
    try {
      expect(store.dialect).toBe('sqlite');
      expect(existsSync(join(dir, 'a', 'b'))).toBe(true);
      await migrate(store);
      expect(existsSync(path)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0].journal_mode).toBe('wal');
      const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
      expect(timeout.rows[0].timeout).toBeGreaterThan(0);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(fk.rows[0].foreign_keys).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('opens an in-memory SQLite database', async () => {
    const store = openStore({ sqlitePath: ':memory:' });
    expect((await migrate(store)).applied).toEqual(Object.keys(MIGRATIONS));
    await store.close();
  });

  it('refuses a database URL that is not PostgreSQL, without printing its password', () => {
    expect(() => openStore({ databaseUrl: 'mysql://root:secret@localhost/db' })).toThrow(/postgres:\/\/.*mysql:\/\/root:\*\*\*@/);
  });

  it('reads DATABASE_URL and PANTAU_DB from the environment', () => {
    expect(storeOptionsFromEnv({ DATABASE_URL: 'postgres://u@h/db' })).toEqual({ databaseUrl: 'postgres://u@h/db' });
    expect(storeOptionsFromEnv({ PANTAU_DB: '/tmp/x.db' })).toEqual({ sqlitePath: '/tmp/x.db' });
    expect(storeOptionsFromEnv({})).toEqual({});
    expect(DEFAULT_SQLITE_PATH).toBe('./data/pantau.db');
  });
});

describe('validateArticleRecord', () => {
  const good = () => clone(richestRecord().record);

  it('accepts a real record unchanged', () => {
    expect(validateArticleRecord(good())).toEqual(good());
  });

  const cases: [string, (r: Record<string, any>) => void, string][] = [
    ['title', (r) => (r.title = 42), 'title'],
    ['text', (r) => delete r.text, 'text'],
    ['url', (r) => (r.url = ['x']), 'url'],
    ['published_at', (r) => (r.published_at = '12/01/2024'), 'published_at'],
    ['relevant', (r) => (r.relevant = 'yes'), 'relevant'],
    ['relevance', (r) => (r.relevance = 1.5), 'relevance'],
    ['commitments', (r) => (r.commitments = {}), 'commitments'],
    ['region code', (r) => (r.commitments[0].region.code = ''), 'commitments[0].region.code'],
    ['region level', (r) => (r.commitments[0].region.level = 'village'), 'commitments[0].region.level'],
    ['province', (r) => delete r.commitments[0].region.province, 'commitments[0].region.province'],
    ['event date', (r) => (r.commitments[0].event_date = 20240101), 'commitments[0].event_date'],
    ['official name', (r) => (r.commitments[0].officials[0].name = null), 'commitments[0].officials[0].name'],
    ['circular kind', (r) => (r.commitments[0].circulars = [{ number: '1', kind: 'memo', evidence: r.commitments[0].measures[0].evidence }]), 'commitments[0].circulars[0].kind'],
    ['evidence field', (r) => (r.commitments[0].measures[0].evidence.field = 'body'), 'commitments[0].measures[0].evidence.field'],
    ['evidence span', (r) => (r.commitments[0].measures[0].evidence.end = -3), 'commitments[0].measures[0].evidence.end'],
    ['extractor version', (r) => (r.extractor_version = ''), 'extractor_version'],
  ];
  it.each(cases)('names the bad field: %s', (_name, spoil, field) => {
    const r = good() as unknown as Record<string, any>;
    spoil(r);
    let error: unknown;
    try {
      validateArticleRecord(r as ArticleRecord);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreValidationError);
    expect((error as StoreValidationError).field).toBe(field);
    expect((error as Error).message).toContain(`invalid ${field}:`);
  });
});
