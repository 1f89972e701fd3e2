import { sql } from 'kysely';
import type { Store } from '../store/index.js';

/** Extraction state of the article pages (with a body) that some sources stored since a time. */
export interface ExtractionProgress {
  done: number;
  failed: number;
  pending: number;
  total: number;
}

export async function extractionProgress(store: Store, sourceIds: string[], since: string): Promise<ExtractionProgress> {
  const out: ExtractionProgress = { done: 0, failed: 0, pending: 0, total: 0 };
  if (sourceIds.length === 0) return out;
  const rows = await store.db
    .selectFrom('pages')
    .select(['extract_state', sql<number>`count(*)`.as('n')])
    .where('source_id', 'in', sourceIds)
    .where('fetched_at', '>=', since)
    .where('body_size', 'is not', null) // a body: served by pages_progress_idx alone
    .groupBy('extract_state')
    .execute();
  for (const r of rows) {
    out[r.extract_state] = Number(r.n);
    out.total += Number(r.n);
  }
  return out;
}
