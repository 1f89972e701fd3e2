import { StoreValidationError } from './errors.js';
import type { Store } from './open.js';

/**
 * Ids of pages waiting for extraction, in id order after `afterId`: keyset pagination, so a caller can walk
 * every pending page in batches while others are being extracted.
 */
export async function pendingPageIds(store: Store, options: { afterId?: string; limit?: number } = {}): Promise<string[]> {
  const limit = options.limit ?? 1000;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreValidationError('limit', `expected a positive integer, got ${limit}`);
  let query = store.db.selectFrom('pages').select('id').where('extract_state', '=', 'pending');
  if (options.afterId !== undefined) query = query.where('id', '>', options.afterId);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
