/**
 * The per-region lock that keeps two workers from grouping the same region at once (and so from creating two
 * events for one pledge). PostgreSQL: a transaction-scoped advisory lock per region code, taken in code order so
 * two transactions never wait for each other in a cycle, released at commit or rollback. SQLite: nothing to do,
 * every grouping transaction runs under the database's write lock (`BEGIN IMMEDIATE`) from its first statement.
 */
import { sql } from 'kysely';
import type { Store, TransactionProgram } from '../open.js';

/** Advisory lock keys are 64-bit: the region code hashed by PostgreSQL (a collision only serialises more). */
const LOCK_NAMESPACE = 'pantau.events:';

/**
 * Takes the locks of `regions` not yet in `held` (and adds them to it). Call with every region the transaction
 * will group before its first other write, so locks are taken in order; a region discovered later is locked then
 * (a possible deadlock with another transaction is detected by PostgreSQL and the program retried).
 */
export function* lockRegions(store: Store, regions: Iterable<string>, held: Set<string>): TransactionProgram<void> {
  const wanted = [...new Set(regions)].filter((r) => !held.has(r)).sort();
  for (const region of wanted) {
    if (store.dialect === 'postgres') {
      yield sql`select pg_advisory_xact_lock(hashtextextended(${LOCK_NAMESPACE + region}, 0))`.compile(store.db);
    }
    held.add(region);
  }
}
