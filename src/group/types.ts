/**
 * The data the grouping core works on: article-level commitments ("members") and the events they form. Plain
 * data, no database: the store loads and saves it (src/store/events).
 */
import type { CircularKind, MeasureType, RegionRef } from '../types/record.js';

/** One article's commitment of one regional government, as grouping sees it. */
export interface GroupMember {
  /**
   * Stable identity of the commitment across re-extractions: the article and the region (`<article>|<region>`,
   * see `memberKey`). A re-extracted article that still reports the same region is the same member.
   */
  key: string;
  /** The stored commitment row (`<page>:<ordinal>`); may change when an article is re-extracted. */
  commitmentId: string;
  articleId: string;
  url: string | null;
  site: string | null;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  region: RegionRef;
  /** YYYY-MM-DD from the text, or null. */
  eventDate: string | null;
  /** Distinct, in vocabulary order. */
  measures: MeasureType[];
  circulars: { number: string; kind: CircularKind }[];
  officials: { name: string; position: string }[];
}

/** An existing event as the grouping core needs it: its id, its age and its members. */
export interface EventState {
  id: string;
  /** Creation order within the region: smaller is older. */
  seq: number;
  /** Keys of its members. */
  memberKeys: string[];
}

/** Why two members belong to the same event. */
export type LinkReason = 'circular' | 'measures' | 'official';

/** One event after regrouping. */
export interface PlannedEvent {
  /** The id it keeps (an existing event's), or null for a new event (the store names it). */
  id: string | null;
  /** Creation order for a kept id; null for a new event. */
  seq: number | null;
  /** Members in canonical order (see `compareMembers`). */
  members: GroupMember[];
  /** False when the event existed with exactly these members, none of them changed: nothing to write. */
  changed: boolean;
}

/** The outcome of regrouping some members of one region. */
export interface RegroupPlan {
  /** Every event of the pool, existing or new, in canonical order of their first member. */
  events: PlannedEvent[];
  /** Existing ids merged into another event: `from` becomes an alias of `into`. */
  merged: { from: string; into: string }[];
  /** Existing ids left without members (every member removed): they stop resolving. */
  dissolved: string[];
}
