import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

/** Whether a migration runs against PostgreSQL (else SQLite). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
