/**
 * When two commitments of one region report the same event. The rules are pairwise and symmetric; an event is a
 * connected group of commitments under them (see ./components.ts), so the grouping does not depend on the order
 * articles arrive in.
 *
 * 1. **Circular**: they share a circular number (same `circularKey`), however far apart in time — the
 *    document identifies the pledge, and outlets report on it for weeks.
 * 2. **Measures**: they share a measure type and their dates are at most `WINDOW_DAYS` apart. A commitment's
 *    date is its event date, or the article's publication date when the text gives none.
 * 3. **Official**: one of them has neither measures nor circulars (a bare statement), and they have the same date
 *    and share an official (`samePerson`). Bare commitments join nothing else: with nothing said about what was
 *    done, a date alone (or an official alone, who speaks every week) is not enough.
 *
 * Commitments of different regions never link: a Kabupaten and the Kota of the same name have different codes.
 *
 * Grouping is transitive (single linkage): A ~ B and B ~ C put A, B and C in one event even when A and C are more
 * than the window apart. That is what lets one report bridge two halves of a story; the price is that a run of
 * reports every two or three days (a weekly campaign of apel) can chain into one long event. `dateMin`/`dateMax`
 * on the event show such spans.
 */
import type { MeasureType } from '../types/record.js';
import { circularKey } from './circulars.js';
import { dayNumber } from './dates.js';
import { samePerson } from './officials.js';
import type { GroupMember, LinkReason } from './types.js';

/**
 * How many days apart two commitments sharing a measure may be dated and still be one event. Three days covers
 * outlets reporting an event the next day or after a weekend, and the extractor reading "kemarin" or a weekday
 * one day off; it keeps two events a week apart (a weekly apel, a pledge then its follow-up) apart — a single
 * commitment can bridge two events only when they are at most 2 × 3 = 6 days apart.
 */
export const WINDOW_DAYS = 3;

/** What the rules look at, computed once per member. */
export interface LinkFeatures {
  region: string;
  /** Days since 1970-01-01 of the event date, else the publication date; null when neither is known. */
  day: number | null;
  circularKeys: string[];
  measures: ReadonlySet<MeasureType>;
  /** No measures and no circulars. */
  bare: boolean;
  officials: string[];
}

/** The date a member is compared on: its event date, else its article's publication date. */
export function memberDate(m: Pick<GroupMember, 'eventDate' | 'publishedAt'>): string | null {
  return m.eventDate ?? m.publishedAt;
}

export function linkFeatures(m: GroupMember): LinkFeatures {
  const keys = new Set<string>();
  for (const c of m.circulars) {
    const k = circularKey(c.number, c.kind);
    if (k) keys.add(k);
  }
  return {
    region: m.region.code,
    day: dayNumber(memberDate(m)),
    circularKeys: [...keys].sort(),
    measures: new Set(m.measures),
    bare: m.measures.length === 0 && m.circulars.length === 0,
    officials: m.officials.map((o) => o.name),
  };
}

/** The rule by which two members are one event, or null (see the module comment). */
export function linkBetween(a: LinkFeatures, b: LinkFeatures): LinkReason | null {
  if (a.region !== b.region) return null;
  if (a.circularKeys.some((k) => b.circularKeys.includes(k))) return 'circular';
  if (a.day === null || b.day === null) return null;
  const apart = Math.abs(a.day - b.day);
  if (apart <= WINDOW_DAYS && [...a.measures].some((t) => b.measures.has(t))) return 'measures';
  if (apart === 0 && (a.bare || b.bare) && a.officials.some((x) => b.officials.some((y) => samePerson(x, y)))) {
    return 'official';
  }
  return null;
}

/** `linkBetween` on two members. */
export function linkReason(a: GroupMember, b: GroupMember): LinkReason | null {
  return linkBetween(linkFeatures(a), linkFeatures(b));
}
