/**
 * Opening the store: PostgreSQL when a `postgres://` URL is given, else SQLite in a file (default
 * ./data/pantau.db) or in memory.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver } from 'kysely';
import pg from 'pg';
import { DEFAULT_PREPARED_STATEMENTS, preparedStatementPool } from './pg-prepared.js';
import type { Database } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreOptions {
  /** `postgres://` or `postgresql://` URL; when given, PostgreSQL is used. */
  databaseUrl?: string;
  /** SQLite file when no `databaseUrl` (default `./data/pantau.db`; its directory is created); `:memory:` allowed. */
  sqlitePath?: string;
  /** PostgreSQL pool size (default 4). */
  poolSize?: number;
  /** PostgreSQL: named prepared statements kept per connection (default 256; 0 names none). See ./pg-prepared.ts. */
  preparedStatements?: number;
  /** SQLite busy timeout in milliseconds (default 10000). */
  busyTimeoutMs?: number;
}

export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** Where the data lives: the SQLite path, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/pantau.db';

/** Store options from the environment: `DATABASE_URL` selects PostgreSQL, else SQLite at `PANTAU_DB` or the default. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  const sqlitePath = env.PANTAU_DB?.trim();
  return sqlitePath ? { sqlitePath } : {};
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens (does not migrate) the store. */
export function openStore(options: StoreOptions = {}): Store {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    return openPostgres(options.databaseUrl, options.poolSize ?? 4, options.preparedStatements ?? DEFAULT_PREPARED_STATEMENTS);
  }
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH, options.busyTimeoutMs ?? 10_000);
}

function openPostgres(url: string, poolSize: number, preparedStatements: number): Store {
  if (!isPostgresUrl(url)) {
    throw new Error(`databaseUrl must be a postgres:// or postgresql:// URL, got ${redact(url)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    // bigint (count(*), sums) as numbers, for this pool only.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (server restart) must not crash the process; the next query fails.
  pool.on('error', () => {});
  // Named prepared statements: each pooled connection parses and plans a query shape once (./pg-prepared.ts).
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool, preparedStatements) }) });
  return { db, dialect: 'postgres', location: redact(url), close: () => db.destroy() };
}

function openSqlite(path: string, busyTimeoutMs: number): Store {
  const memory = path === ':memory:' || path === '';
  const file = memory ? ':memory:' : resolve(path);
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const database = new Sqlite(file);
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (!memory) database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const prepare = statementCache(database);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: { prepare, close: () => database.close() } }) });
  SQLITE_HANDLES.set(db, { database, prepare, busyTimeoutMs: Math.max(0, Math.floor(busyTimeoutMs)) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

interface SqliteHandle {
  database: Sqlite.Database;
  prepare: (sql: string) => Sqlite.Statement;
  busyTimeoutMs: number;
}

const SQLITE_HANDLES = new WeakMap<Kysely<Database>, SqliteHandle>();

/** Longest pause between two tries for the write lock in `writeTransaction`, in ms. */
const LOCK_RETRY_MAX_MS = 8;

/**
 * Runs `body` as a write transaction (`BEGIN IMMEDIATE`), waiting for the file's write lock without blocking the
 * event loop. better-sqlite3 is synchronous: left to SQLite's busy handler, a process waiting for another's lock
 * (a crawl saving pages while a worker commits records) would sleep on its main thread, its fetches and timers
 * frozen meanwhile. So the lock is tried with the busy handler off and, while another connection holds it, tried
 * again after a short timer (1 ms, doubling to LOCK_RETRY_MAX_MS, with jitter), up to the store's busy timeout.
 * A failed `BEGIN` changes nothing, so trying again is safe; `body` runs once the lock is held.
 */
async function writeTransaction<T>(handle: SqliteHandle, body: () => T): Promise<T> {
  const run = handle.database.transaction(body);
  const deadline = Date.now() + handle.busyTimeoutMs;
  let pause = 1;
  for (;;) {
    handle.database.pragma('busy_timeout = 0');
    try {
      return run.immediate();
    } catch (err) {
      const busy = (err as { code?: string }).code === 'SQLITE_BUSY' && !handle.database.inTransaction;
      if (!busy || Date.now() >= deadline) throw err;
    } finally {
      handle.database.pragma(`busy_timeout = ${handle.busyTimeoutMs}`);
    }
    await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
    pause = Math.min(LOCK_RETRY_MAX_MS, pause * 2);
  }
}

/** Distinct statements kept prepared per SQLite handle. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * `prepare` with the statements kept, by SQL text (least recently used dropped first): compiling a statement
 * costs more than running most of ours (a page insert, a record's dozen statements), and Kysely prepares on
 * every query. A statement still iterating (a streamed query) is not handed out twice: a fresh one is prepared.
 */
function statementCache(database: Sqlite.Database): (sql: string) => Sqlite.Statement {
  const cache = new Map<string, Sqlite.Statement>();
  return (sql) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const stmt = database.prepare(sql);
    if (!hit) {
      cache.set(sql, stmt);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return stmt;
  };
}

/**
 * Runs compiled statements as one transaction and returns each statement's rows. On SQLite the transaction runs
 * synchronously on the better-sqlite3 handle (holding Kysely's connection lock), so no other JavaScript runs
 * while it holds the write lock: two stores on the same file in one process cannot stall each other, and other
 * processes wait for it through the busy timeout. On PostgreSQL it is an ordinary Kysely transaction.
 * `check(index, rows)` may throw to abort (roll back) after a statement.
 */
export async function runTransaction(
  store: Store,
  statements: CompiledQuery[],
  check: (index: number, rows: unknown[]) => void = () => {},
): Promise<unknown[][]> {
  const handle = store.dialect === 'sqlite' ? SQLITE_HANDLES.get(store.db) : undefined;
  if (handle) {
    return store.db.connection().execute(() =>
      writeTransaction(handle, () =>
        statements.map((q, i) => {
          const stmt = handle.prepare(q.sql);
          const params = q.parameters as unknown[];
          const rows = stmt.reader ? (stmt.all(...params) as unknown[]) : (stmt.run(...params), []);
          check(i, rows);
          return rows;
        }),
      ),
    );
  }
  return store.db.transaction().execute(async (trx) => {
    const out: unknown[][] = [];
    for (const [i, q] of statements.entries()) {
      const { rows } = await trx.executeQuery(q);
      check(i, rows);
      out.push(rows);
    }
    return out;
  });
}

/**
 * A transaction written as a generator: it yields each statement and receives its rows, so that it can read,
 * decide in JavaScript and write within one transaction, and the same code runs on both dialects.
 */
export type TransactionProgram<T> = Generator<CompiledQuery, T, unknown[]>;

/** PostgreSQL errors after which the whole transaction may simply run again: deadlock, serialization failure. */
const RETRYABLE_PG_CODES = new Set(['40P01', '40001']);

/**
 * Runs a transaction program (see `TransactionProgram`); `program()` is called again for each attempt. On SQLite
 * it runs synchronously under `BEGIN IMMEDIATE`, like `runTransaction`: the file's write lock is held from the
 * first statement, so programs of all processes are serialised. On PostgreSQL it is a Kysely transaction, retried
 * (up to `attempts` times, default 5) when the server aborts it for a deadlock or a serialization failure.
 */
export async function runTransactionProgram<T>(
  store: Store,
  program: () => TransactionProgram<T>,
  options: { attempts?: number } = {},
): Promise<T> {
  const handle = store.dialect === 'sqlite' ? SQLITE_HANDLES.get(store.db) : undefined;
  if (handle) {
    return store.db.connection().execute(() =>
      writeTransaction(handle, () => {
        const it = program();
        let step: IteratorResult<CompiledQuery, T> = it.next();
        while (!step.done) {
          const stmt: Sqlite.Statement = handle.prepare(step.value.sql);
          const params = step.value.parameters as unknown[];
          const rows = stmt.reader ? (stmt.all(...params) as unknown[]) : (stmt.run(...params), []);
          step = it.next(rows);
        }
        return step.value;
      }),
    );
  }
  const attempts = Math.max(1, options.attempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        const it = program();
        let step: IteratorResult<CompiledQuery, T> = it.next();
        while (!step.done) {
          const { rows } = await trx.executeQuery(step.value);
          step = it.next(rows as unknown[]);
        }
        return step.value;
      });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !RETRYABLE_PG_CODES.has(code)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/**
 * SQLite transactions start with `BEGIN IMMEDIATE`: the write lock is taken up front (waiting up to the busy
 * timeout), so two processes writing the same file queue up instead of failing with SQLITE_BUSY when a read
 * transaction tries to become a write transaction.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
