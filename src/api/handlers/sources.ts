/** `GET /api/sources`: the outlets stored in the database (`sources` table), by id. */
import { listSources } from '../../store/index.js';
import type { Handler } from '../route.js';

export const listSourcesHandler: Handler = async (store) => {
  const items = await listSources(store);
  return { status: 200, body: { total: items.length, items } };
};
