/**
 * People with their positions in Indonesian regional news: `findPersonMentions` reads them out of a text;
 * `cleanPersonName`, `normalizePersonName` and `samePerson` compare spellings of a name.
 */
export { findPersonMentions } from './mentions.js';
export { cleanPersonName, normalizePersonName, samePerson } from './names.js';
export type { ActingKind, FindPersonOptions, MentionSource, PersonMention, PersonRole } from './types.js';
