/**
 * Grouping commitments into events, without a database: one event per pledge, however many outlets report it.
 * Rules in ./rules.ts, names in ./officials.ts, circular numbers in ./circulars.ts, ids in ./regroup.ts.
 */
export type { EventState, GroupMember, LinkReason, PlannedEvent, RegroupPlan } from './types.js';
export { WINDOW_DAYS, linkBetween, linkFeatures, linkReason, memberDate } from './rules.js';
export type { LinkFeatures } from './rules.js';
export { circularKey } from './circulars.js';
export { editDistance, nameTokens, officialKey, pickSpelling, samePerson } from './officials.js';
export { PersonDirectory } from './persons.js';
export type { KnownPerson } from './persons.js';
export { connectedGroups } from './components.js';
export { placeCommitment, regroup } from './regroup.js';
export type { Placement, RegroupInput } from './regroup.js';
export { summarizeEvent } from './summary.js';
export type { EventCircular, EventOfficial, EventSummary } from './summary.js';
export { compareMembers, memberKey } from './order.js';
export { eventIdCandidates } from './ids.js';
export { addDays, dayNumber } from './dates.js';
