/**
 * Reading events: resolving an id (merged ids are aliases of their survivor) and loading an event with its
 * sources and the evidence for what it says.
 */
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { CircularKind, MeasureType, RegionLevel, RegionRef } from '../../types/record.js';
import type { Store } from '../open.js';
import type { EventsTable } from '../schema.js';

/** One article reporting the event: its commitment, with the quotes supporting each value. */
export interface EventSource {
  commitmentId: string;
  articleId: string;
  url: string | null;
  site: string | null;
  publishedAt: string | null;
  title: string;
  /** The commitment's own event date (null when the article gives none). */
  eventDate: string | null;
  officials: { name: string; position: string; quote: string }[];
  circulars: { number: string; kind: CircularKind; quote: string }[];
  measures: { type: MeasureType; quote: string }[];
}

export interface StoredEvent {
  /** The event's id (the survivor's when an alias was asked for). */
  id: string;
  /** Ids merged into this event. */
  aliases: string[];
  region: RegionRef;
  eventDate: string | null;
  dateMin: string | null;
  dateMax: string | null;
  firstPublished: string | null;
  lastPublished: string | null;
  commitments: number;
  articles: number;
  sites: number;
  measures: MeasureType[];
  circulars: { key: string; number: string; kind: CircularKind; mentions: number }[];
  officials: { personKey: string; name: string; position: string; mentions: number; spellings: Record<string, number> }[];
  createdAt: string;
  updatedAt: string;
  /** Oldest publication first. */
  sources: EventSource[];
}

/**
 * The id an event is known by now: the id itself for a live event, the survivor's for an id merged into another,
 * undefined for an unknown id or an event that lost all its commitments.
 */
/** The region of an `events` row, as records carry it. */
export function eventRegion(row: Pick<EventsTable, 'region_code' | 'region_name' | 'region_level' | 'province_code' | 'province_name'>): RegionRef {
  return {
    code: row.region_code,
    name: row.region_name,
    level: row.region_level as RegionLevel,
    province: { code: row.province_code, name: row.province_name },
  };
}

export async function resolveEventId(store: Store, id: string): Promise<string | undefined> {
  const db = store.db;
  const live = await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst();
  if (live) return live.id;
  const alias = await db
    .selectFrom('event_aliases')
    .innerJoin('events', 'events.id', 'event_aliases.event_id')
    .select('events.id')
    .where('event_aliases.alias_id', '=', id)
    .executeTakeFirst();
  return alias?.id;
}

const byOrdinal = (a: { ordinal: number }, b: { ordinal: number }) => a.ordinal - b.ordinal;

/** The events row of an id or of the survivor of a merged id, in one read (undefined when neither). */
async function eventRow(store: Store, id: string): Promise<Selectable<EventsTable> | undefined> {
  // The id itself, else what it was merged into: two index lookups whatever the planner (no OR over a subquery).
  const rows = await sql<Selectable<EventsTable>>`select e.* from events e
    where e.id in (select cast(${id} as text) union all select a.event_id from event_aliases a where a.alias_id = ${id})`.execute(store.db);
  return rows.rows.find((r) => r.id === id) ?? rows.rows[0];
}

/**
 * An event by id or alias, with its sources and their evidence; undefined when the id does not resolve. The row
 * is read with the id's resolution, then everything else at once (a page of the API costs two round trips).
 */
export async function loadEvent(store: Store, id: string): Promise<StoredEvent | undefined> {
  const db = store.db;
  const event = await eventRow(store, id);
  if (event === undefined) return undefined;
  const eventId = event.id;
  const commitmentIds = db.selectFrom('commitments').select('id').where('event_id', '=', eventId);
  const articleIds = db.selectFrom('commitments').select('article_id').where('event_id', '=', eventId);
  const [aliases, circulars, officials, commitments, officialRows, circularRows, measureRows, evidence] = await Promise.all([
    db.selectFrom('event_aliases').select('alias_id').where('event_id', '=', eventId).orderBy('alias_id').execute(),
    db.selectFrom('event_circulars').selectAll().where('event_id', '=', eventId).execute(),
    db.selectFrom('event_officials').selectAll().where('event_id', '=', eventId).execute(),
    db
      .selectFrom('commitments as c')
      .innerJoin('articles as a', 'a.page_id', 'c.article_id')
      .select(['c.id', 'c.article_id', 'c.event_date', 'a.url', 'a.site', 'a.published_at', 'a.title'])
      .where('c.event_id', '=', eventId)
      .execute(),
    db.selectFrom('officials').selectAll().where('commitment_id', 'in', commitmentIds).execute(),
    db.selectFrom('circulars').selectAll().where('commitment_id', 'in', commitmentIds).execute(),
    db.selectFrom('measures').selectAll().where('commitment_id', 'in', commitmentIds).execute(),
    db.selectFrom('evidence').select(['owner_id', 'quote']).where('article_id', 'in', articleIds).execute(),
  ]);
  const quoteOf = new Map(evidence.map((e) => [e.owner_id, e.quote]));
  const quote = (ownerId: string) => quoteOf.get(ownerId) ?? '';
  const of = <T extends { commitment_id: string; ordinal: number }>(rows: T[], cid: string) =>
    rows.filter((r) => r.commitment_id === cid).sort(byOrdinal);
  const text = (v: string | null) => v ?? '\uffff';
  const sources = commitments
    .map(
      (c): EventSource => ({
        commitmentId: c.id,
        articleId: c.article_id,
        url: c.url,
        site: c.site,
        publishedAt: c.published_at,
        title: c.title,
        eventDate: c.event_date,
        officials: of(officialRows, c.id).map((o) => ({ name: o.name, position: o.position, quote: quote(o.id) })),
        circulars: of(circularRows, c.id).map((x) => ({ number: x.number, kind: x.kind as CircularKind, quote: quote(x.id) })),
        measures: of(measureRows, c.id).map((m) => ({ type: m.type as MeasureType, quote: quote(m.id) })),
      }),
    )
    .sort(
      (a, b) =>
        text(a.publishedAt).localeCompare(text(b.publishedAt)) ||
        text(a.url).localeCompare(text(b.url)) ||
        a.commitmentId.localeCompare(b.commitmentId),
    );
  return {
    id: event.id,
    aliases: aliases.map((a) => a.alias_id),
    region: eventRegion(event),
    eventDate: event.event_date,
    dateMin: event.date_min,
    dateMax: event.date_max,
    firstPublished: event.first_published,
    lastPublished: event.last_published,
    commitments: Number(event.commitments),
    articles: Number(event.articles),
    sites: Number(event.sites),
    measures: JSON.parse(event.measures) as MeasureType[],
    circulars: circulars
      .sort((a, b) => b.mentions - a.mentions || a.circular_key.localeCompare(b.circular_key))
      .map((c) => ({ key: c.circular_key, number: c.number, kind: c.kind as CircularKind, mentions: Number(c.mentions) })),
    officials: officials
      .sort((a, b) => b.mentions - a.mentions || a.person_key.localeCompare(b.person_key))
      .map((o) => ({
        personKey: o.person_key,
        name: o.name,
        position: o.position,
        mentions: Number(o.mentions),
        spellings: JSON.parse(o.spellings) as Record<string, number>,
      })),
    createdAt: event.created_at,
    updatedAt: event.updated_at,
    sources,
  };
}
