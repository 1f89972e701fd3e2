/**
 * Incremental grouping: after an article is saved, its commitments join, start, bridge or leave events. Only the
 * events its commitments can link to (same circular key, or dated within the window) and those they belonged to
 * are read and rewritten, under the lock of their region.
 */
import { WINDOW_DAYS, addDays, circularKey, memberDate, regroup } from '../../group/index.js';
import type { EventState, GroupMember } from '../../group/index.js';
import type { ArticleRecord } from '../../types/record.js';
import { runTransactionProgram } from '../open.js';
import type { Store, TransactionProgram } from '../open.js';
import { lockRegions } from './locks.js';
import { loadMembers, memberContent, membersFromRecord, parseMember, serializeMember } from './members.js';
import { chunks, exec, rowsOf } from './steps.js';
import { refreshEventSearch } from './search.js';
import { writePlan } from './write.js';
import type { WriteResult } from './write.js';

/** What grouping an article did. */
export interface AssignResult {
  /** The event of each of the article's commitments, by commitment id. */
  events: Record<string, string>;
  /** New event ids. */
  created: string[];
  /** Existing events rewritten (their rows replaced). */
  updated: string[];
  /** Ids merged into another event (now aliases). */
  merged: { from: string; into: string }[];
  /** Ids left without commitments (no longer resolve). */
  dissolved: string[];
  /** False when nothing about the article's commitments changed since it was last grouped (nothing rewritten). */
  changed: boolean;
}

/** One region's part of an article's change. */
interface RegionChange {
  /** New or changed members. */
  upserts: GroupMember[];
  /** Keys of members gone. */
  removed: string[];
  /** Events the changed or removed members were in. */
  previous: Set<string>;
}

/** The events a member could link to: sharing a circular key, or with a member dated within the window. */
function* candidateEvents(store: Store, region: string, members: GroupMember[]): TransactionProgram<Set<string>> {
  const db = store.db;
  const keys = new Set<string>();
  for (const m of members) {
    for (const c of m.circulars) {
      const k = circularKey(c.number, c.kind);
      if (k) keys.add(k);
    }
  }
  const days = [...new Set(members.map(memberDate).filter((d): d is string => d !== null))].sort();
  const queries = [
    ...chunks([...keys].sort()).map((batch) =>
      db.selectFrom('event_circulars').select('event_id as id').where('circular_key', 'in', batch).where('region_code', '=', region),
    ),
    ...days.map((day) =>
      db
        .selectFrom('events')
        .select('id')
        .where('region_code', '=', region)
        .where('date_min', '<=', addDays(day, WINDOW_DAYS))
        .where('date_max', '>=', addDays(day, -WINDOW_DAYS)),
    ),
  ];
  if (queries.length === 0) return new Set();
  // One round trip: a commitment has a date or two and a circular or two.
  const rows = yield* rowsOf(queries.reduce((all, q) => all.union(q)).compile());
  return new Set(rows.map((r) => r.id));
}

/** Existing events by id: their state for `regroup`, creation times, and their current members. */
export function* loadEvents(
  store: Store,
  ids: Iterable<string>,
): TransactionProgram<{ states: EventState[]; createdAt: Map<string, string>; members: GroupMember[] }> {
  const db = store.db;
  const states = new Map<string, EventState>();
  const createdAt = new Map<string, string>();
  const members: GroupMember[] = [];
  for (const batch of chunks([...ids].sort())) {
    const rows = yield* rowsOf(
      db
        .selectFrom('events as e')
        .leftJoin('event_members as m', 'm.event_id', 'e.id')
        .select(['e.id', 'e.seq', 'e.created_at', 'm.member_key', 'm.member'])
        .where('e.id', 'in', batch)
        .compile(),
    );
    for (const r of rows) {
      let state = states.get(r.id);
      if (!state) {
        states.set(r.id, (state = { id: r.id, seq: Number(r.seq), memberKeys: [] }));
        createdAt.set(r.id, r.created_at);
      }
      if (r.member_key !== null && r.member !== null) {
        state.memberKeys.push(r.member_key);
        members.push(parseMember(r.member));
      }
    }
  }
  return { states: [...states.values()], createdAt, members };
}

/** Regroups one region after some of its members changed: reads the events concerned, writes the plan. */
export function* regroupRegion(store: Store, region: string, change: RegionChange, now: string): TransactionProgram<WriteResult> {
  const candidates = yield* candidateEvents(store, region, change.upserts);
  for (const id of change.previous) candidates.add(id);
  const { states, createdAt, members } = yield* loadEvents(store, candidates);
  const replaced = new Set([...change.upserts.map((m) => m.key), ...change.removed]);
  const pool = [...members.filter((m) => !replaced.has(m.key)), ...change.upserts];
  const plan = regroup({ events: states, members: pool, changedKeys: new Set(change.upserts.map((m) => m.key)) });
  return yield* writePlan(store, region, plan, { now, createdAt });
}

/**
 * The grouping part of a transaction for one article (page): compares its current commitments with what was
 * grouped for it, and regroups the regions where something changed. `held` are the regions already locked by
 * the caller; the others are locked here.
 */
export function* assignEventsProgram(
  store: Store,
  pageId: string,
  held: Set<string>,
  now: string,
  options: {
    /** The page row is locked already (by the save this transaction made). */
    pageLocked?: boolean;
    /** The record just saved for the page, validated: its members are taken from it instead of read back. */
    record?: ArticleRecord;
  } = {},
): TransactionProgram<AssignResult> {
  const db = store.db;
  if (!options.pageLocked) {
    // Alone (not after a save in this transaction): lock the regions the page is in, then the page row, in the
    // order a save takes them, so that a save of this page cannot change it between our reads and writes.
    const regions = yield* rowsOf(
      db
        .selectFrom('commitments')
        .select('region_code')
        .where('article_id', '=', pageId)
        .union(db.selectFrom('event_members').select('region_code').where('article_id', '=', pageId))
        .compile(),
    );
    yield* lockRegions(store, regions.map((r) => r.region_code), held);
    if (store.dialect === 'postgres') yield db.selectFrom('pages').select('id').where('id', '=', pageId).forUpdate().compile();
  }
  let current: GroupMember[];
  let stored: { member_key: string; event_id: string; region_code: string; commitment_id: string; member: string }[];
  for (;;) {
    current = options.record ? membersFromRecord(pageId, options.record) : yield* loadMembers(store, { articleId: pageId });
    stored = yield* rowsOf(
      db
        .selectFrom('event_members')
        .select(['member_key', 'event_id', 'region_code', 'commitment_id', 'member'])
        .where('article_id', '=', pageId)
        .compile(),
    );
    // Normally every region is locked by now; if not (the page changed meanwhile), lock and read again.
    const locked = held.size;
    yield* lockRegions(store, [...current.map((m) => m.region.code), ...stored.map((s) => s.region_code)], held);
    if (held.size === locked) break;
  }

  const before = new Map(stored.map((s) => [s.member_key, s]));
  const changes = new Map<string, RegionChange>();
  const changeOf = (region: string) => {
    let c = changes.get(region);
    if (!c) changes.set(region, (c = { upserts: [], removed: [], previous: new Set() }));
    return c;
  };
  const result: AssignResult = { events: {}, created: [], updated: [], merged: [], dissolved: [], changed: false };
  const keep = new Map<string, string[]>();
  for (const m of current) {
    const old = before.get(m.key);
    if (old && memberContent(parseMember(old.member)) === memberContent(m)) {
      // Unchanged. Saving replaced the commitment row (event_id null again), and it may have a new ordinal.
      if (old.commitment_id !== m.commitmentId) {
        yield* exec(
          db
            .updateTable('event_members')
            .set({ commitment_id: m.commitmentId, member: serializeMember(m) })
            .where('member_key', '=', m.key)
            .compile(),
        );
      }
      keep.set(old.event_id, [...(keep.get(old.event_id) ?? []), m.commitmentId]);
      result.events[m.commitmentId] = old.event_id;
      continue;
    }
    const c = changeOf(m.region.code);
    c.upserts.push(m);
    if (old) c.previous.add(old.event_id);
  }
  const currentKeys = new Set(current.map((m) => m.key));
  for (const s of stored) {
    if (currentKeys.has(s.member_key)) continue;
    const c = changeOf(s.region_code);
    c.removed.push(s.member_key);
    c.previous.add(s.event_id);
  }
  for (const [eventId, ids] of keep) {
    for (const batch of chunks(ids)) {
      yield* exec(db.updateTable('commitments').set({ event_id: eventId }).where('id', 'in', batch).compile());
    }
  }

  for (const region of [...changes.keys()].sort()) {
    const written = yield* regroupRegion(store, region, changes.get(region)!, now);
    result.created.push(...written.created);
    result.updated.push(...written.updated);
    result.merged.push(...written.merged);
    result.dissolved.push(...written.dissolved);
    for (const m of current) {
      const id = written.eventOf.get(m.key);
      if (id !== undefined) result.events[m.commitmentId] = id;
    }
    result.changed = true;
  }
  // An unchanged member whose event was merged by another member's regrouping now belongs to the survivor.
  const into = new Map(result.merged.map((m) => [m.from, m.into]));
  for (const [cid, id] of Object.entries(result.events)) if (into.has(id)) result.events[cid] = into.get(id)!;
  // The article's text may have changed (or its commitments were re-linked) in events not rewritten above.
  const written = new Set([...result.created, ...result.updated]);
  const linked = new Set([...Object.values(result.events), ...stored.map((s) => s.event_id)]);
  yield* refreshEventSearch(store, [...linked].filter((id) => !written.has(id)));
  return result;
}

/**
 * Groups the commitments of a saved article (page) into events: each joins the event it reports (see src/group
 * for the rules), starts one, or bridges two (merged into the older). Idempotent: when the article's commitments
 * are what was last grouped for it, nothing is rewritten and ids do not change; when they changed, the events
 * they were and will be in are regrouped, in their regions only. An article with no commitments (left, or never
 * had) leaves every event. Runs in its own transaction holding the lock of each region concerned.
 *
 * `saveArticleRecord` does this in its own transaction (its `group` option, on by default); call this after a
 * save with `group: false`, or to catch up on articles saved before grouping existed.
 */
export async function assignEvents(store: Store, pageId: string): Promise<AssignResult> {
  const now = new Date().toISOString();
  return runTransactionProgram(store, () => assignEventsProgram(store, pageId, new Set(), now));
}
