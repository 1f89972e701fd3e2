/**
 * Regrouping some members of a region and deciding which events keep their ids. Stable ids: an event keeps the
 * id it was first given for as long as any of its members remain and it is not merged; when a commitment bridges
 * two events the older
 * one (smaller `seq`) survives and the other id is merged into it (it becomes an alias); when removing or
 * changing a commitment splits an event, the part holding most of its members keeps the id and the rest become
 * new events.
 */
import { connectedGroups } from './components.js';
import type { EventState, GroupMember, PlannedEvent, RegroupPlan } from './types.js';

export interface RegroupInput {
  /**
   * The existing events concerned, with their member keys as stored. Their current members must all be in
   * `members` (a member key missing from `members` means the commitment is gone).
   */
  events: readonly EventState[];
  /** The pool: current members of those events, and new or changed members to place. */
  members: readonly GroupMember[];
  /** Keys of members that are new or whose content changed (default: none). Only used to flag `changed`. */
  changedKeys?: ReadonlySet<string>;
}

function olderFirst(a: EventState, b: EventState): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Groups the pool (./components.ts) and names each group. Old events are visited oldest first; each names the
 * group holding most of its remaining members (ties: the group whose first member comes first), or, when an
 * older event already named that group, is merged into it. An old event with no remaining member is dissolved.
 * Groups left unnamed are new events (`id: null`).
 */
export function regroup(input: RegroupInput): RegroupPlan {
  const groups = connectedGroups(input.members);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((m) => groupOf.set(m.key, i)));
  const named: ({ id: string; seq: number; old: EventState } | undefined)[] = groups.map(() => undefined);
  const merged: RegroupPlan['merged'] = [];
  const dissolved: string[] = [];

  for (const event of [...input.events].sort(olderFirst)) {
    const count = new Map<number, number>();
    for (const k of event.memberKeys) {
      const g = groupOf.get(k);
      if (g !== undefined) count.set(g, (count.get(g) ?? 0) + 1);
    }
    if (count.size === 0) {
      dissolved.push(event.id);
      continue;
    }
    let best = -1;
    for (const [g, n] of count) if (best < 0 || n > count.get(best)! || (n === count.get(best)! && g < best)) best = g;
    const owner = named[best];
    if (owner) merged.push({ from: event.id, into: owner.id });
    else named[best] = { id: event.id, seq: event.seq, old: event };
  }

  const changedKeys = input.changedKeys ?? new Set<string>();
  const events = groups.map((members, i): PlannedEvent => {
    const name = named[i];
    const oldKeys = name && new Set(name.old.memberKeys);
    const same =
      oldKeys !== undefined &&
      oldKeys.size === members.length &&
      members.every((m) => !changedKeys.has(m.key) && oldKeys.has(m.key));
    return { id: name?.id ?? null, seq: name?.seq ?? null, members, changed: !same };
  });
  return { events, merged, dissolved };
}

/** Where one new commitment goes among candidate events of its region. */
export interface Placement {
  /** The event it joins, or null when it starts a new one. */
  eventId: string | null;
  /** Candidate events it bridges into `eventId` (each becomes an alias of it). */
  merged: string[];
}

/**
 * Decides which event a new commitment joins, given candidate events of the same region with their members:
 * none (a new event), one, or several — then they are merged into the oldest, which it joins.
 */
export function placeCommitment(
  member: GroupMember,
  candidates: readonly { event: EventState; members: readonly GroupMember[] }[],
): Placement {
  const pool = candidates.flatMap((c) => c.members.filter((m) => m.key !== member.key));
  const plan = regroup({ events: candidates.map((c) => c.event), members: [...pool, member], changedKeys: new Set([member.key]) });
  const own = plan.events.find((e) => e.members.some((m) => m.key === member.key))!;
  return {
    eventId: own.id,
    merged: own.id === null ? [] : plan.merged.filter((x) => x.into === own.id).map((x) => x.from),
  };
}
