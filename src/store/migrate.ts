import { Migrator, sql } from 'kysely';
import { InCodeMigrationProvider, MIGRATIONS } from './migrations/index.js';
import type { Store } from './open.js';

export interface MigrateResult {
  /** Migrations applied by this call, in order (empty when already up to date). */
  applied: string[];
  /** The latest migration now in place. */
  version: string | null;
}

/**
 * Kysely looks for its own tables by name in every schema unless told which: on PostgreSQL, a second schema of one
 * database (another tenant's `search_path`, parallel test schemas) would make it skip creating them in this one.
 * So they are placed, and looked for, in the connection's current schema.
 */
async function migrator(store: Store): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (store.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(store.db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
  }
  return new Migrator({ db: store.db, provider: new InCodeMigrationProvider(), migrationTableSchema });
}

/**
 * Brings the schema up to date. Safe to call on every start and from several processes at once (Kysely takes a
 * lock: an advisory lock on PostgreSQL, the write lock on SQLite).
 */
export async function migrate(store: Store): Promise<MigrateResult> {
  return inProcessLock(store, () => migrateNow(store));
}

/**
 * Kysely's migration transaction on SQLite spans awaits while holding the file's write lock; a second store on
 * the same file in this process would block the thread waiting for it. Such calls are queued here instead.
 */
const sqliteMigrations = new Map<string, Promise<unknown>>();

async function inProcessLock<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  if (store.dialect !== 'sqlite' || store.location === ':memory:') return fn();
  const previous = sqliteMigrations.get(store.location) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.catch(() => {});
  sqliteMigrations.set(store.location, settled);
  try {
    return await run;
  } finally {
    if (sqliteMigrations.get(store.location) === settled) sqliteMigrations.delete(store.location);
  }
}

async function migrateNow(store: Store): Promise<MigrateResult> {
  const { error, results } = await (await migrator(store)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed ?? '(setup)'} failed on ${store.dialect} (${store.location}): ${reason}`, {
      cause: error,
    });
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, version: await schemaVersion(store) };
}

/** The latest applied migration, or null on an empty database. */
export async function schemaVersion(store: Store): Promise<string | null> {
  const migrations = await (await migrator(store)).getMigrations();
  const executed = migrations.filter((m) => m.executedAt !== undefined);
  return executed.length ? executed[executed.length - 1].name : null;
}

/** The name of the newest migration this code knows. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? null;
