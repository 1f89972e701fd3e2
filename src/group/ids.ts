/**
 * Ids of new events, derived from the region and the event's first member (its URL when it has one, which is the
 * same in every database), so that grouping the same articles from scratch names events the same way.
 */
import { createHash } from 'node:crypto';
import type { GroupMember } from './types.js';

/**
 * Candidate ids for a new event, best first: `ev_` and 16 hex digits. The store takes the first one not already
 * used by an event or an alias (an id is never reused, so an old link never points at another event).
 */
export function* eventIdCandidates(regionCode: string, first: Pick<GroupMember, 'url' | 'articleId'>): Generator<string> {
  const anchor = first.url ?? `article:${first.articleId}`;
  for (let n = 0; ; n++) {
    const digest = createHash('sha256').update(`${regionCode}\n${anchor}\n${n}`).digest('hex');
    yield `ev_${digest.slice(0, 16)}`;
  }
}
