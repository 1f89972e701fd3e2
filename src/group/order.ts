/**
 * The canonical order of members: by date (event date, else publication date; undated last), publication date,
 * URL, then key. Everything the grouping core decides by "first" uses it, so that results do not depend on the
 * order articles arrived in.
 */
import { memberDate } from './rules.js';
import type { GroupMember } from './types.js';

const LAST = '\uffff';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareMembers(a: GroupMember, b: GroupMember): number {
  return (
    cmp(memberDate(a) ?? LAST, memberDate(b) ?? LAST) ||
    cmp(a.publishedAt ?? LAST, b.publishedAt ?? LAST) ||
    cmp(a.url ?? LAST, b.url ?? LAST) ||
    cmp(a.key, b.key)
  );
}

/** The identity of a member: `<article>|<region code>`, with `|<n>` for a second commitment of the same region. */
export function memberKey(articleId: string, regionCode: string, repeat = 0): string {
  return repeat === 0 ? `${articleId}|${regionCode}` : `${articleId}|${regionCode}|${repeat}`;
}
