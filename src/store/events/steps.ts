/**
 * Small helpers for transaction programs (see `runTransactionProgram` in ../open.ts): typed reads, writes, and
 * statements split into chunks so that a region of thousands of commitments stays under the dialects' limits on
 * bound parameters.
 */
import type { CompiledQuery } from 'kysely';
import type { TransactionProgram } from '../open.js';

/** Rows of one read. */
export function* rowsOf<R>(query: CompiledQuery<R>): TransactionProgram<R[]> {
  return (yield query) as R[];
}

/** Runs statements (writes) in order. */
export function* exec(...queries: CompiledQuery[]): TransactionProgram<void> {
  for (const q of queries) yield q;
}

/** Values per IN list or multi-row insert: far below SQLite's 32766 and PostgreSQL's 65535 parameters. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
