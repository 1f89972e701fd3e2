/**
 * Test support for the store: a fresh database per test on either dialect (SQLite in a temp dir; PostgreSQL in a
 * uniquely named schema of TEST_DATABASE_URL, dropped afterwards), and real records extracted from the demo site.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { generateDemoSite } from '../../src/demo-site/index.js';
import { extract } from '../../src/extract/index.js';
import { openStore, saveArticleRecord, savePage } from '../../src/store/index.js';
import { InCodeMigrationProvider } from '../../src/store/migrations/index.js';
import type { Store, StoreDialect, StoreOptions } from '../../src/store/index.js';
import type { ArticleRecord } from '../../src/types/record.js';
import { record } from '../group/fixtures.js';
import type { Report } from '../group/fixtures.js';

export const DIALECTS: StoreDialect[] = ['sqlite', 'postgres'];
export const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether PostgreSQL answers. When TEST_DATABASE_URL is set it must (the suite fails otherwise); the default
 * local server may be absent, and then the PostgreSQL half is skipped with a warning.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (e) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL is set but unreachable: ${(e as Error).message}`);
    console.warn(`PostgreSQL not reachable at ${PG_URL} (${(e as Error).message}): skipping the postgres store tests`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A Kysely migrator over the store's migrations, for tests that move a database to a given migration. On
 * PostgreSQL its bookkeeping table lives in the test's own schema (the connection's current schema).
 */
export async function migratorFor(store: Store): Promise<Migrator> {
  const schema = store.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0].s : undefined;
  return new Migrator({ db: store.db, provider: new InCodeMigrationProvider(), migrationTableSchema: schema });
}

export interface TestDb {
  dialect: StoreDialect;
  options: StoreOptions;
  /** Opens another connection (store) to the same database. */
  open(): Store;
  /** Closes every store opened here and removes the database. */
  cleanup(): Promise<void>;
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export async function createTestDb(dialect: StoreDialect): Promise<TestDb> {
  const stores: Store[] = [];
  const track = (options: StoreOptions) => () => {
    const s = openStore(options);
    stores.push(s);
    return s;
  };
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-store-'));
    const options = { sqlitePath: join(dir, 'sub', 'pantau.db') };
    return {
      dialect,
      options,
      open: track(options),
      async cleanup() {
        await Promise.all(stores.map((s) => s.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `pantau_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const options = { databaseUrl: withSearchPath(PG_URL, schema), poolSize: 4 };
  return {
    dialect,
    options,
    open: track(options),
    async cleanup() {
      await Promise.all(stores.map((s) => s.close()));
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}

export interface DemoPageRecord {
  url: string;
  contentType: string;
  body: string | Uint8Array;
  html: string;
  record: ArticleRecord;
}

let demo: { relevant: DemoPageRecord[]; other: DemoPageRecord[]; site: ReturnType<typeof generateDemoSite> } | undefined;

/** Article pages of generateDemoSite(2024) with their extracted records: reporting commitments, and not. */
export function demoRecords(): { relevant: DemoPageRecord[]; other: DemoPageRecord[]; site: ReturnType<typeof generateDemoSite> } {
  if (demo) return demo;
  const site = generateDemoSite(2024);
  const relevant: DemoPageRecord[] = [];
  const other: DemoPageRecord[] = [];
  for (const a of site.articles) {
    const page = site.pages.get(a.url);
    if (!page || page.status !== 200 || typeof page.body !== 'string') continue;
    const record = extract(page.body, a.url);
    const entry = { url: a.url, contentType: page.contentType, body: page.body, html: page.body, record };
    if (record.commitments.length > 0 && relevant.length < 12) relevant.push(entry);
    else if (record.commitments.length === 0 && other.length < 8) other.push(entry);
    if (relevant.length >= 12 && other.length >= 8) break;
  }
  demo = { relevant, other, site };
  return demo;
}

/** The richest demo record: most commitments, officials, circulars and measures. */
export function richestRecord(): DemoPageRecord {
  const size = (r: ArticleRecord) =>
    r.commitments.reduce((n, c) => n + 1 + c.officials.length + c.circulars.length + c.measures.length, 0);
  return [...demoRecords().relevant].sort((a, b) => size(b.record) - size(a.record))[0];
}

export const TABLES = ['sources', 'pages', 'articles', 'commitments', 'officials', 'circulars', 'measures', 'evidence'] as const;

/** Row count of every table. */
export async function tableCounts(store: Store): Promise<Record<(typeof TABLES)[number], number>> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const t of TABLES) {
    const row = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

/** Rows a record should produce. */
export function expectedRows(r: ArticleRecord) {
  const sum = (f: (c: ArticleRecord['commitments'][number]) => number) => r.commitments.reduce((n, c) => n + f(c), 0);
  const officials = sum((c) => c.officials.length);
  const circulars = sum((c) => c.circulars.length);
  const measures = sum((c) => c.measures.length);
  return {
    articles: 1,
    commitments: r.commitments.length,
    officials,
    circulars,
    measures,
    evidence: officials + circulars + measures,
  };
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Saves reports (test/group/fixtures.ts) through the store: a report's page is stored on its first save and reused
 * after, so saving it again re-extracts the same page. `store` is read at each save (tests open it in beforeAll).
 */
export function reportSaver(store: () => Store) {
  const pages = new Map<string, string>();
  const save = async (r: Report, change: Partial<ArticleRecord> = {}, group = true): Promise<string> => {
    let id = pages.get(r.url);
    if (!id) {
      id = await savePage(store(), { url: r.url, sourceId: null, status: 200, body: `<html>${r.url}</html>`, contentType: 'text/html' } as Parameters<typeof savePage>[1]);
      pages.set(r.url, id);
    }
    await saveArticleRecord(store(), id, { ...record(r), ...change }, { group });
    return id;
  };
  return { save, pageOf: (url: string) => pages.get(url) };
}
