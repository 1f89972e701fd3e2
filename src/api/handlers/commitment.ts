/** `GET /api/commitments/:id`: one commitment (event) with its sources and evidence quotes. */
import { getEvent } from '../../query/index.js';
import { badParam, notFound, shown } from '../errors.js';
import type { Handler } from '../route.js';

/** Event ids: `ev_` and 16 hex digits (merged ids too). */
const EVENT_ID = /^ev_[0-9a-f]{16}$/;

export const getCommitment: Handler = async (store, { params }) => {
  const id = params.id ?? '';
  if (!EVENT_ID.test(id)) throw badParam('id', `expected ev_ and 16 hex digits, got ${JSON.stringify(shown(id))}`);
  const event = await getEvent(store, id);
  if (!event) throw notFound(`no commitment ${id}`);
  // A merged id answers with the event it was merged into; Content-Location names it.
  return { status: 200, body: event, headers: event.id === id ? undefined : { 'content-location': `/api/commitments/${event.id}` } };
};
