/**
 * Grouping rebuilt from the stored commitments, region by region (one transaction each, under the region's lock).
 */
import { regroup } from '../../group/index.js';
import type { EventState, RegroupPlan } from '../../group/index.js';
import { runTransactionProgram } from '../open.js';
import type { Store, TransactionProgram } from '../open.js';
import { lockRegions } from './locks.js';
import { loadMembers } from './members.js';
import { exec, rowsOf } from './steps.js';
import { writePlan } from './write.js';
import type { WriteResult } from './write.js';

export interface RegroupAllOptions {
  /**
   * Keep the ids of existing events (default true): each rebuilt event keeps the id of the oldest existing event
   * holding most of its commitments, exactly as incremental grouping names events, and ids that disappear become
   * aliases. False forgets every id and alias: events are named from their first commitment, the same in any
   * database holding the same articles.
   */
  keepIds?: boolean;
  /** Only these region codes (default every region with commitments or events). */
  regions?: string[];
  /** Called after each region. */
  onRegion?: (region: string, done: number, total: number) => void;
}

export interface RegroupAllResult {
  regions: number;
  /** Events after the rebuild, and commitments in them. */
  events: number;
  commitments: number;
  /** Events named anew, ids merged into others, ids dropped. */
  created: number;
  merged: number;
  dissolved: number;
}

function* regroupRegionFromScratch(
  store: Store,
  region: string,
  keepIds: boolean,
  now: string,
): TransactionProgram<{ plan: RegroupPlan; written: WriteResult }> {
  const db = store.db;
  yield* lockRegions(store, [region], new Set());
  const members = yield* loadMembers(store, { regionCode: region });
  const states: EventState[] = [];
  const createdAt = new Map<string, string>();
  if (keepIds) {
    const events = yield* rowsOf(
      db.selectFrom('events').select(['id', 'seq', 'created_at']).where('region_code', '=', region).compile(),
    );
    const rows = yield* rowsOf(
      db.selectFrom('event_members').select(['event_id', 'member_key']).where('region_code', '=', region).compile(),
    );
    const keysOf = new Map<string, string[]>();
    for (const r of rows) keysOf.set(r.event_id, [...(keysOf.get(r.event_id) ?? []), r.member_key]);
    for (const e of events) {
      states.push({ id: e.id, seq: Number(e.seq), memberKeys: keysOf.get(e.id) ?? [] });
      createdAt.set(e.id, e.created_at);
    }
  } else {
    yield* exec(
      db.deleteFrom('event_aliases').where('region_code', '=', region).compile(),
      db.deleteFrom('events').where('region_code', '=', region).compile(),
      db.deleteFrom('persons').where('region_code', '=', region).compile(),
      db.updateTable('commitments').set({ event_id: null }).where('region_code', '=', region).compile(),
    );
  }
  // Every member counts as changed: every event of the region is rewritten.
  const plan = regroup({ events: states, members, changedKeys: new Set(members.map((m) => m.key)) });
  const written = yield* writePlan(store, region, plan, {
    now,
    createdAt,
    resolve: keepIds ? 'known' : 'fresh',
    recount: 'region',
  });
  return { plan, written };
}

/** Region codes with commitments or events. */
async function allRegions(store: Store): Promise<string[]> {
  const db = store.db;
  const rows = await db
    .selectFrom('commitments')
    .select('region_code')
    .union(db.selectFrom('events').select('region_code'))
    .execute();
  return [...new Set(rows.map((r) => r.region_code))].sort();
}

/**
 * Rebuilds events from the stored commitments. The grouping (which commitments form one event) is a function of
 * the commitments alone: the same as incremental grouping reached, whatever order the articles arrived in.
 * Ids: see `keepIds`. With ids kept, an event whose commitments did not change keeps its id; a rebuild of an
 * up-to-date store changes no id. Regions are rebuilt one transaction each, so saves elsewhere go on meanwhile.
 */
export async function regroupAll(store: Store, options: RegroupAllOptions = {}): Promise<RegroupAllResult> {
  const keepIds = options.keepIds ?? true;
  const regions = options.regions ? [...new Set(options.regions)].sort() : await allRegions(store);
  const result: RegroupAllResult = { regions: regions.length, events: 0, commitments: 0, created: 0, merged: 0, dissolved: 0 };
  const now = new Date().toISOString();
  for (const [i, region] of regions.entries()) {
    const { plan, written } = await runTransactionProgram(store, () => regroupRegionFromScratch(store, region, keepIds, now));
    result.events += plan.events.length;
    result.commitments += plan.events.reduce((n, e) => n + e.members.length, 0);
    result.created += written.created.length;
    result.merged += written.merged.length;
    result.dissolved += written.dissolved.length;
    options.onRegion?.(region, i + 1, regions.length);
  }
  return result;
}
