/** `GET /api/stats`: counts of the commitments matching the filters, by province, measure and month. */
import { stats } from '../../query/index.js';
import { parseFilters } from '../query-errors.js';
import type { Handler } from '../route.js';

export const getStats: Handler = async (store, { query }) => {
  const { sort: _sort, limit: _limit, offset: _offset, ...filters } = parseFilters(query);
  return { status: 200, body: await stats(store, filters) };
};
