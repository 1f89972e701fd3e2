/**
 * What an event says, from its members: the per-event values the store keeps denormalised (dates, counts,
 * measures, circulars, officials) so that filtering events needs no look at their commitments.
 */
import { MEASURES } from '../types/record.js';
import type { CircularKind, MeasureType, RegionRef } from '../types/record.js';
import { circularKey } from './circulars.js';
import { pickSpelling } from './officials.js';
import { compareMembers } from './order.js';
import { PersonDirectory } from './persons.js';
import { memberDate } from './rules.js';
import type { GroupMember } from './types.js';

export interface EventCircular {
  key: string;
  /** The most frequent spelling. */
  number: string;
  kind: CircularKind;
  /** Members citing it. */
  mentions: number;
}

export interface EventOfficial {
  /** Person key within the region (see `PersonDirectory`). */
  key: string;
  /** The most frequent spelling, then the longest. */
  name: string;
  /** The most frequent position. */
  position: string;
  /** Members naming the person. */
  mentions: number;
  /** Every spelling with how many members used it. */
  spellings: Record<string, number>;
}

export interface EventSummary {
  region: RegionRef;
  /**
   * The event's date: the event date most members give (ties: the earliest); when none gives one, the earliest
   * publication date; null when neither is known.
   */
  eventDate: string | null;
  /** Earliest and latest member date (event date, else publication date): the span the grouping compares. */
  dateMin: string | null;
  dateMax: string | null;
  firstPublished: string | null;
  lastPublished: string | null;
  commitments: number;
  /** Distinct articles. */
  articles: number;
  /** Distinct outlets (site name, else the URL's host, else the article). */
  sites: number;
  /** In vocabulary order. */
  measures: MeasureType[];
  /** Bit `i` set for `MEASURES[i]`. */
  measuresMask: number;
  /** Most cited first, then in order of first mention. */
  circulars: EventCircular[];
  /** Most mentioned first, then in order of first mention (heads of region come first within an article). */
  officials: EventOfficial[];
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function siteOf(m: GroupMember): string {
  if (m.site) return `site:${m.site.toLowerCase()}`;
  if (m.url) {
    try {
      return `host:${new URL(m.url).host.replace(/^www\./, '')}`;
    } catch {
      // not a URL: fall through
    }
  }
  return `article:${m.articleId}`;
}

function minMax(values: (string | null)[]): [string | null, string | null] {
  const present = values.filter((v): v is string => v !== null).sort();
  return [present[0] ?? null, present.at(-1) ?? null];
}

/**
 * Summarises an event's members. `persons` resolves official names to person keys (default: a directory of this
 * event alone); the store passes the region's directory so keys agree across events.
 */
export function summarizeEvent(members: readonly GroupMember[], persons = new PersonDirectory()): EventSummary {
  if (members.length === 0) throw new RangeError('an event has at least one member');
  const sorted = [...members].sort(compareMembers);

  const explicit = new Map<string, number>();
  for (const m of sorted) if (m.eventDate) bump(explicit, m.eventDate);
  let eventDate: string | null = null;
  for (const [day, n] of explicit) {
    const best = eventDate === null ? 0 : explicit.get(eventDate)!;
    if (n > best || (n === best && day < eventDate!)) eventDate = day;
  }
  const [dateMin, dateMax] = minMax(sorted.map(memberDate));
  const [firstPublished, lastPublished] = minMax(sorted.map((m) => m.publishedAt));
  eventDate ??= firstPublished;

  const measures = new Set<MeasureType>(sorted.flatMap((m) => m.measures));
  const orderedMeasures = MEASURES.filter((t) => measures.has(t));

  type Tally = { spellings: Map<string, number>; mentions: number; first: number };
  const circulars = new Map<string, Tally & { kinds: Map<string, number> }>();
  sorted.forEach((m, i) => {
    const seen = new Set<string>();
    for (const c of m.circulars) {
      const key = circularKey(c.number, c.kind);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let entry = circulars.get(key);
      if (!entry) circulars.set(key, (entry = { spellings: new Map(), kinds: new Map(), mentions: 0, first: i }));
      bump(entry.spellings, c.number);
      bump(entry.kinds, c.kind);
      entry.mentions++;
    }
  });

  const officials = new Map<string, Tally & { positions: Map<string, number> }>();
  let order = 0;
  for (const m of sorted) {
    const seen = new Set<string>();
    for (const o of m.officials) {
      const key = persons.resolve(o.name);
      if (key === null) continue;
      let entry = officials.get(key);
      if (!entry) officials.set(key, (entry = { spellings: new Map(), positions: new Map(), mentions: 0, first: order++ }));
      bump(entry.spellings, o.name);
      if (o.position) bump(entry.positions, o.position);
      if (!seen.has(key)) entry.mentions++;
      seen.add(key);
    }
  }

  const byWeight = <T extends { mentions: number; first: number }>(a: [string, T], b: [string, T]) =>
    b[1].mentions - a[1].mentions || a[1].first - b[1].first;
  const last = sorted[sorted.length - 1];
  return {
    region: last.region,
    eventDate,
    dateMin,
    dateMax,
    firstPublished,
    lastPublished,
    commitments: sorted.length,
    articles: new Set(sorted.map((m) => m.articleId)).size,
    sites: new Set(sorted.map(siteOf)).size,
    measures: orderedMeasures,
    measuresMask: orderedMeasures.reduce((mask, t) => mask | (1 << MEASURES.indexOf(t)), 0),
    circulars: [...circulars.entries()].sort(byWeight).map(([key, e]) => ({
      key,
      number: pickSpelling(e.spellings),
      kind: pickSpelling(e.kinds) as CircularKind,
      mentions: e.mentions,
    })),
    officials: [...officials.entries()].sort(byWeight).map(([key, e]) => ({
      key,
      name: pickSpelling(e.spellings),
      position: e.positions.size ? pickSpelling(e.positions) : '',
      mentions: e.mentions,
      spellings: Object.fromEntries([...e.spellings.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    })),
  };
}
