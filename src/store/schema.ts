/**
 * The database schema as Kysely types. Column types are the portable subset shared by SQLite and PostgreSQL:
 * text ids, integers (booleans as 0/1), ISO dates as text, `double precision`, JSON as text, and the raw page
 * body as a BLOB / bytea (gzip). The DDL lives in ./migrations.
 */
import type { Generated } from 'kysely';

/** Extraction state of a stored page. */
export const EXTRACT_STATES = ['pending', 'done', 'failed'] as const;
export type ExtractState = (typeof EXTRACT_STATES)[number];

/** What an evidence row belongs to. */
export const EVIDENCE_OWNERS = ['official', 'circular', 'measure'] as const;
export type EvidenceOwnerKind = (typeof EVIDENCE_OWNERS)[number];

export interface SourcesTable {
  id: string;
  name: string;
  home: string;
  region_code: string | null;
  /** 0 or 1. */
  verified: number;
  /** The whole `Source` entry as JSON. */
  config: string;
  updated_at: string;
}

export interface PagesTable {
  id: string;
  source_id: string | null;
  /** Canonical URL; unique. */
  url: string;
  /** Where the request ended after redirects, when different. */
  final_url: string | null;
  /** HTTP status (0 when no response). */
  status: number;
  /** ISO timestamp. */
  fetched_at: string;
  /** sha256 (hex) of the raw, uncompressed body. */
  content_hash: string | null;
  content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  /** Response headers that matter, JSON object. */
  headers: string;
  /** Raw body, gzip. */
  body: Buffer | null;
  /** Size of the raw body in bytes. */
  body_size: number | null;
  /** Fetch error. */
  error: string | null;
  extract_state: ExtractState;
  extract_error: string | null;
  /** Extraction attempts so far. */
  attempts: number;
}

export interface ArticlesTable {
  /** The page the article was extracted from; also the article's id. */
  page_id: string;
  input: string;
  url: string | null;
  title: string;
  site: string | null;
  published_at: string | null;
  language: string | null;
  text: string;
  /** 0 or 1. */
  relevant: number;
  relevance: number;
  extractor_version: string;
  /** ISO timestamp. */
  extracted_at: string;
}

export interface CommitmentsTable {
  id: string;
  article_id: string;
  ordinal: number;
  region_code: string;
  region_name: string;
  region_level: string;
  province_code: string;
  province_name: string;
  event_date: string | null;
  /** The event the commitment belongs to (`events.id`); null until grouped. */
  event_id: string | null;
}

export interface OfficialsTable {
  id: string;
  commitment_id: string;
  ordinal: number;
  name: string;
  position: string;
}

export interface CircularsTable {
  id: string;
  commitment_id: string;
  ordinal: number;
  number: string;
  kind: string;
}

export interface MeasuresTable {
  id: string;
  commitment_id: string;
  ordinal: number;
  type: string;
}

export interface EvidenceTable {
  id: string;
  /** The article the owner belongs to (for replacing an article's rows at once). */
  article_id: string;
  owner_kind: EvidenceOwnerKind;
  owner_id: string;
  field: string;
  start: number;
  end: number;
  quote: string;
}

/** HTTP validators of a discovery resource (sitemap, feed), for conditional requests. */
export interface FetchValidatorsTable {
  /** The resource URL as requested. */
  url: string;
  etag: string | null;
  last_modified: string | null;
  /** ISO timestamp of the response that carried them. */
  fetched_at: string;
}

/** One reported pledge, however many articles report it (see migrations/0003_events.ts). */
export interface EventsTable {
  /** `ev_` and 16 hex digits; kept for the event's life (merged ids live on in `event_aliases`). */
  id: string;
  region_code: string;
  region_name: string;
  region_level: string;
  province_code: string;
  province_name: string;
  /** The date most members give, else the first publication date (YYYY-MM-DD). */
  event_date: string | null;
  /** Span of the members' dates (event date, else publication date). */
  date_min: string | null;
  date_max: string | null;
  first_published: string | null;
  last_published: string | null;
  /** Member commitments, distinct articles, distinct outlets. */
  commitments: number;
  articles: number;
  sites: number;
  /** JSON array of measure types, vocabulary order. */
  measures: string;
  /** Bit i set for MEASURES[i]. */
  measures_mask: number;
  /** JSON array of circular numbers (display spelling), most cited first. */
  circulars: string;
  /** JSON array of official names (display spelling), most mentioned first. */
  officials: string;
  /** Creation order within the region: the older event survives a merge. */
  seq: number;
  /** ISO timestamps. */
  created_at: string;
  updated_at: string;
  /**
   * The sources a listing shows (migration 0010): a JSON array of `{ url, site, published_at, title }`, one per
   * article reporting the event, oldest publication first. An insert leaves `[]`; the store writes the list after,
   * in the same transaction (src/store/events/sources.ts).
   */
  sources: Generated<string>;
}

/** An event id merged into another: resolves to `event_id`. */
export interface EventAliasesTable {
  alias_id: string;
  event_id: string;
  region_code: string;
  merged_at: string;
}

/** A commitment's membership of an event, with the snapshot grouping read from it. */
export interface EventMembersTable {
  /** `<article>|<region code>` (see src/group memberKey). */
  member_key: string;
  event_id: string;
  region_code: string;
  article_id: string;
  commitment_id: string;
  /** JSON of the `GroupMember`. */
  member: string;
}

export interface EventMeasuresTable {
  event_id: string;
  measure: string;
  region_code: string;
  province_code: string;
  event_date: string | null;
}

export interface EventCircularsTable {
  event_id: string;
  /** Normalised number (src/group circularKey). */
  circular_key: string;
  /** Display spelling. */
  number: string;
  kind: string;
  /** Members citing it. */
  mentions: number;
  region_code: string;
  province_code: string;
  event_date: string | null;
}

export interface EventOfficialsTable {
  event_id: string;
  /** Person key within the region (src/group officialKey, resolved by PersonDirectory). */
  person_key: string;
  name: string;
  position: string;
  mentions: number;
  /** JSON object: spelling -> members using it. */
  spellings: string;
  region_code: string;
  province_code: string;
  event_date: string | null;
}

/** An official of a region, all spellings resolved to one person. */
export interface PersonsTable {
  region_code: string;
  person_key: string;
  /** The most frequent spelling across the region's events, then the longest. */
  name: string;
  position: string;
  /** Events naming the person, and commitments naming them. */
  events: number;
  mentions: number;
  /** JSON object: spelling -> commitments using it. */
  spellings: string;
}

/**
 * What a text search looks through, one row per event with text (migration 0007): its articles' titles and
 * evidence quotes joined by newlines, and its date (to order matches without reading the events).
 */
export interface EventSearchTable {
  /** Row number (SQLite: the rowid the FTS5 index refers to). */
  id: Generated<number>;
  event_id: string;
  event_date: string | null;
  body: string;
  /**
   * The body's boundary terms (migration 0011, ./events/search-terms.ts), joined by single spaces: what narrows a
   * search for a text with a space.
   */
  terms: Generated<string>;
}

export interface Database {
  sources: SourcesTable;
  pages: PagesTable;
  articles: ArticlesTable;
  commitments: CommitmentsTable;
  officials: OfficialsTable;
  circulars: CircularsTable;
  measures: MeasuresTable;
  evidence: EvidenceTable;
  fetch_validators: FetchValidatorsTable;
  events: EventsTable;
  event_aliases: EventAliasesTable;
  event_members: EventMembersTable;
  event_measures: EventMeasuresTable;
  event_circulars: EventCircularsTable;
  event_officials: EventOfficialsTable;
  persons: PersonsTable;
  event_search: EventSearchTable;
}
