/**
 * The database schema as Kysely types. Column types are the portable subset shared by SQLite and PostgreSQL:
 * text ids, integers (booleans as 0/1), ISO dates as text, `double precision`, JSON as text, and the raw page
 * body as a BLOB / bytea (gzip). The DDL lives in ./migrations.
 */

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
}
