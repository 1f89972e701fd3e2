/**
 * Writing a regroup plan (src/group `regroup`) of one region: the events that changed are replaced (row, measure,
 * circular, official and member rows), merged ids become aliases, dissolved ids are dropped, commitments point at
 * their events, and the persons of the officials involved are recounted. Runs inside the region's lock.
 */
import type { Insertable } from 'kysely';
import { PersonDirectory, eventIdCandidates, pickSpelling, summarizeEvent } from '../../group/index.js';
import type { GroupMember, RegroupPlan } from '../../group/index.js';
import type { Store, TransactionProgram } from '../open.js';
import type {
  EventCircularsTable,
  EventMeasuresTable,
  EventMembersTable,
  EventOfficialsTable,
  EventsTable,
  PersonsTable,
} from '../schema.js';
import { serializeMember } from './members.js';
import { refreshEventSearch } from './search.js';
import { chunks, exec, rowsOf } from './steps.js';

export interface WritePlanOptions {
  /** ISO timestamp for `created_at` / `updated_at` / `merged_at`. */
  now: string;
  /** `created_at` of the existing events in the plan, by id (kept for the ids that survive). */
  createdAt: ReadonlyMap<string, string>;
  /**
   * How officials become persons. `known`: names resolve against the region's stored persons first, so person
   * keys stay as they were (default). `fresh`: from scratch, in plan order (a rebuild forgetting ids).
   */
  resolve?: 'known' | 'fresh';
  /** Which persons to recount: those of the events written (default), or every person of the region. */
  recount?: 'touched' | 'region';
}

export interface WriteResult {
  /** Ids given to new events. */
  created: string[];
  /** Existing events rewritten. */
  updated: string[];
  merged: RegroupPlan['merged'];
  dissolved: string[];
  /** The event of every member in the plan, by member key. */
  eventOf: Map<string, string>;
}

/** The first candidate id not used by an event or alias, nor given out earlier in this plan. */
function* freeEventId(store: Store, region: string, first: GroupMember, taken: Set<string>): TransactionProgram<string> {
  const db = store.db;
  const candidates = eventIdCandidates(region, first);
  for (;;) {
    const batch: string[] = [];
    while (batch.length < 4) {
      const id = candidates.next().value as string;
      if (!taken.has(id)) batch.push(id);
    }
    const used = yield* rowsOf(
      db
        .selectFrom('events')
        .select('id')
        .where('id', 'in', batch)
        .union(db.selectFrom('event_aliases').select('alias_id as id').where('alias_id', 'in', batch))
        .compile(),
    );
    const usedIds = new Set(used.map((r) => r.id));
    const free = batch.find((id) => !usedIds.has(id));
    if (free !== undefined) {
      taken.add(free);
      return free;
    }
  }
}

/** Writes the plan of one region (see the module comment); returns what it did. */
export function* writePlan(
  store: Store,
  region: string,
  plan: RegroupPlan,
  options: WritePlanOptions,
): TransactionProgram<WriteResult> {
  const db = store.db;
  const touched = plan.events.filter((e) => e.changed);
  const result: WriteResult = { created: [], updated: [], merged: plan.merged, dissolved: plan.dissolved, eventOf: new Map() };
  for (const e of plan.events) if (!e.changed && e.id) for (const m of e.members) result.eventOf.set(m.key, e.id);
  if (touched.length === 0 && plan.merged.length === 0 && plan.dissolved.length === 0) return result;

  const replaced = [
    ...touched.filter((e) => e.id !== null).map((e) => e.id!),
    ...plan.merged.map((m) => m.from),
    ...plan.dissolved,
  ];
  const personKeys = new Set<string>();
  for (const ids of chunks(replaced)) {
    const rows = yield* rowsOf(
      db.selectFrom('event_officials').select('person_key').distinct().where('event_id', 'in', ids).compile(),
    );
    for (const r of rows) personKeys.add(r.person_key);
  }

  let directory: PersonDirectory;
  if (options.resolve === 'fresh') {
    directory = new PersonDirectory();
  } else {
    const known = yield* rowsOf(
      db.selectFrom('persons').select(['person_key as key', 'name']).where('region_code', '=', region).compile(),
    );
    directory = new PersonDirectory(known);
  }

  // New events: ids not used before, seq after every event of the region.
  const top = yield* rowsOf(
    db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('region_code', '=', region)
      .compile(),
  );
  let nextSeq = Number(top[0]?.seq ?? 0) + 1;
  const taken = new Set<string>();
  const named: { id: string; seq: number; members: GroupMember[] }[] = [];
  for (const e of touched) {
    if (e.id !== null) {
      named.push({ id: e.id, seq: e.seq!, members: e.members });
      result.updated.push(e.id);
    } else {
      const id = yield* freeEventId(store, region, e.members[0], taken);
      named.push({ id, seq: nextSeq++, members: e.members });
      result.created.push(id);
    }
  }

  // Deleting an event deletes its member, measure, circular and official rows.
  for (const ids of chunks(replaced)) yield* exec(db.deleteFrom('events').where('id', 'in', ids).compile());

  const events: Insertable<EventsTable>[] = [];
  const members: EventMembersTable[] = [];
  const measures: EventMeasuresTable[] = [];
  const circulars: EventCircularsTable[] = [];
  const officials: EventOfficialsTable[] = [];
  for (const e of named) {
    const s = summarizeEvent(e.members, directory);
    const where = { region_code: s.region.code, province_code: s.region.province.code, event_date: s.eventDate };
    events.push({
      id: e.id,
      region_code: s.region.code,
      region_name: s.region.name,
      region_level: s.region.level,
      province_code: s.region.province.code,
      province_name: s.region.province.name,
      event_date: s.eventDate,
      date_min: s.dateMin,
      date_max: s.dateMax,
      first_published: s.firstPublished,
      last_published: s.lastPublished,
      commitments: s.commitments,
      articles: s.articles,
      sites: s.sites,
      measures: JSON.stringify(s.measures),
      measures_mask: s.measuresMask,
      circulars: JSON.stringify(s.circulars.map((c) => c.number)),
      officials: JSON.stringify(s.officials.map((o) => o.name)),
      seq: e.seq,
      created_at: options.createdAt.get(e.id) ?? options.now,
      updated_at: options.now,
    });
    for (const m of e.members) {
      members.push({
        member_key: m.key,
        event_id: e.id,
        region_code: m.region.code,
        article_id: m.articleId,
        commitment_id: m.commitmentId,
        member: serializeMember(m),
      });
      result.eventOf.set(m.key, e.id);
    }
    for (const t of s.measures) measures.push({ event_id: e.id, measure: t, ...where });
    for (const c of s.circulars) {
      circulars.push({ event_id: e.id, circular_key: c.key, number: c.number, kind: c.kind, mentions: c.mentions, ...where });
    }
    for (const o of s.officials) {
      personKeys.add(o.key);
      officials.push({
        event_id: e.id,
        person_key: o.key,
        name: o.name,
        position: o.position,
        mentions: o.mentions,
        spellings: JSON.stringify(o.spellings),
        ...where,
      });
    }
  }
  // Events first: the other rows reference them.
  for (const rows of chunks(events, 100)) yield* exec(db.insertInto('events').values(rows).compile());
  // Upserted: a member row left behind by an inconsistent earlier state is taken over, not a conflict.
  for (const rows of chunks(members, 200)) {
    yield* exec(
      db
        .insertInto('event_members')
        .values(rows)
        .onConflict((oc) =>
          oc.column('member_key').doUpdateSet((eb) => ({
            event_id: eb.ref('excluded.event_id'),
            region_code: eb.ref('excluded.region_code'),
            article_id: eb.ref('excluded.article_id'),
            commitment_id: eb.ref('excluded.commitment_id'),
            member: eb.ref('excluded.member'),
          })),
        )
        .compile(),
    );
  }
  for (const rows of chunks(measures)) yield* exec(db.insertInto('event_measures').values(rows).compile());
  for (const rows of chunks(circulars, 200)) yield* exec(db.insertInto('event_circulars').values(rows).compile());
  for (const rows of chunks(officials, 200)) yield* exec(db.insertInto('event_officials').values(rows).compile());

  for (const { from, into } of plan.merged) {
    yield* exec(
      db
        .insertInto('event_aliases')
        .values({ alias_id: from, event_id: into, region_code: region, merged_at: options.now })
        .compile(),
      // Aliases stay one hop deep: what pointed at the merged id now points at the survivor.
      db.updateTable('event_aliases').set({ event_id: into }).where('event_id', '=', from).compile(),
    );
  }
  for (const ids of chunks(plan.dissolved)) yield* exec(db.deleteFrom('event_aliases').where('event_id', 'in', ids).compile());

  for (const e of named) {
    for (const ids of chunks(e.members.map((m) => m.commitmentId))) {
      // The region check keeps a stale snapshot (an article re-saved without grouping, its ordinals shifted) from
      // pointing another region's commitment here; that article's own grouping sets its rows right.
      yield* exec(
        db.updateTable('commitments').set({ event_id: e.id }).where('id', 'in', ids).where('region_code', '=', region).compile(),
      );
    }
  }

  yield* recountPersons(store, region, options.recount === 'region' ? null : [...personKeys]);
  // After the commitments point at their events: the search rows and the sources (`[]` in the rows inserted above)
  // read through them.
  yield* refreshEventSearch(store, named.map((e) => e.id));
  return result;
}

/** Rebuilds the `persons` rows of a region from its event officials: those of `keys`, or all when null. */
function* recountPersons(store: Store, region: string, keys: string[] | null): TransactionProgram<void> {
  const db = store.db;
  const batches = keys === null ? [null] : chunks(keys.sort());
  for (const batch of batches) {
    if (batch !== null && batch.length === 0) continue;
    let read = db
      .selectFrom('event_officials')
      .select(['person_key', 'position', 'mentions', 'spellings'])
      .where('region_code', '=', region);
    let drop = db.deleteFrom('persons').where('region_code', '=', region);
    if (batch !== null) {
      read = read.where('person_key', 'in', batch);
      drop = drop.where('person_key', 'in', batch);
    }
    const rows = yield* rowsOf(read.compile());
    type Tally = { spellings: Map<string, number>; positions: Map<string, number>; events: number; mentions: number };
    const persons = new Map<string, Tally>();
    for (const r of rows) {
      let p = persons.get(r.person_key);
      if (!p) persons.set(r.person_key, (p = { spellings: new Map(), positions: new Map(), events: 0, mentions: 0 }));
      p.events++;
      p.mentions += r.mentions;
      if (r.position) p.positions.set(r.position, (p.positions.get(r.position) ?? 0) + r.mentions);
      for (const [spelling, n] of Object.entries(JSON.parse(r.spellings) as Record<string, number>)) {
        p.spellings.set(spelling, (p.spellings.get(spelling) ?? 0) + n);
      }
    }
    yield* exec(drop.compile());
    const out: PersonsTable[] = [...persons.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([key, p]) => ({
        region_code: region,
        person_key: key,
        name: pickSpelling(p.spellings),
        position: p.positions.size ? pickSpelling(p.positions) : '',
        events: p.events,
        mentions: p.mentions,
        spellings: JSON.stringify(Object.fromEntries([...p.spellings.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))),
      }));
    for (const rows of chunks(out, 200)) yield* exec(db.insertInto('persons').values(rows).compile());
  }
}
