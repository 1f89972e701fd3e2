/** `GET /api/commitments`: commitments (events) matching the filters, sorted and paged. */
import { queryEvents } from '../../query/index.js';
import type { QueryFilters } from '../../query/index.js';
import type { Store } from '../../store/index.js';
import { nextOffset } from '../pagination.js';
import { parseFilters } from '../query-errors.js';
import type { Handler, HandlerResult } from '../route.js';

/** A page of events as the API answers it (also the `commitments` of a region). */
export async function commitmentPage(store: Store, filters: QueryFilters) {
  const { total, totalCapped, more, items } = await queryEvents(store, filters);
  const page = { total, limit: filters.limit, offset: filters.offset, more };
  return { page, body: { total, totalCapped, limit: filters.limit, offset: filters.offset, nextOffset: nextOffset(page), items } };
}

export const listCommitments: Handler = async (store, { query }): Promise<HandlerResult> => {
  const { page, body } = await commitmentPage(store, parseFilters(query));
  return { status: 200, body, page };
};
