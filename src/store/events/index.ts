/**
 * Events: one per reported pledge, grouping the commitments of every article reporting it (rules: src/group).
 * Written by `saveArticleRecord` (in its transaction) or `assignEvents`, rebuilt by `regroupAll`, read by
 * `loadEvent` / `resolveEventId`.
 */
export { assignEvents } from './assign.js';
export type { AssignResult } from './assign.js';
export { regroupAll } from './regroup-all.js';
export type { RegroupAllOptions, RegroupAllResult } from './regroup-all.js';
export { eventRegion, loadEvent, resolveEventId } from './read.js';
export type { EventSource, StoredEvent } from './read.js';
export { rebuildEventSearch } from './search.js';
export { bodyTerms, textTerms } from './search-terms.js';
export type { EventSourceRef } from './sources.js';
