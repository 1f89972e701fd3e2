/**
 * The record pantau produces for one article. Every other stage (crawl, queue, store, cli) depends on
 * these types; this module depends on nothing.
 */

/** The fixed measure vocabulary (see the codebook in README.md). */
export const MEASURES = [
  'circular',
  'instruction',
  'integrity_pact',
  'pledge',
  'mou',
  'grant',
  'socialization',
  'oversight',
  'sanction',
] as const;
export type MeasureType = (typeof MEASURES)[number];

/**
 * Where a value was read: `quote === record[field].slice(start, end)`.
 */
export interface Evidence {
  field: 'title' | 'text';
  start: number;
  end: number;
  quote: string;
}

export type RegionLevel = 'province' | 'regency' | 'city';

/** A region from the Kemendagri list (idn-area-data), e.g. `74.71` Kota Kendari. */
export interface RegionRef {
  /** Kemendagri code: `74` for a province, `74.71` for a regency or city. */
  code: string;
  /** Official name in title case: `Kota Kendari`, `Kabupaten Buru`, `Sulawesi Tenggara`. */
  name: string;
  level: RegionLevel;
  /** The province the region belongs to (itself for a province). */
  province: { code: string; name: string };
}

export interface OfficialRecord {
  /** Name without titles or degrees. */
  name: string;
  /** Position as written, normalised in case: `Pj Bupati`, `Sekda`, `Kepala BKPSDM`. */
  position: string;
  evidence: Evidence;
}

/** What kind of document a circular number belongs to. */
export type CircularKind = 'surat_edaran' | 'instruksi' | 'keputusan' | 'peraturan' | 'other';

export interface CircularRecord {
  /** The number as printed after "Nomor"/"No.", spaces trimmed. */
  number: string;
  kind: CircularKind;
  evidence: Evidence;
}

export interface MeasureRecord {
  type: MeasureType;
  evidence: Evidence;
}

export interface Commitment {
  region: RegionRef;
  /** Head of region first, then other officials speaking for the government. */
  officials: OfficialRecord[];
  /** YYYY-MM-DD, or null when the text gives no date for the event. */
  event_date: string | null;
  circulars: CircularRecord[];
  measures: MeasureRecord[];
}

/** The record for one successfully read article. */
export interface ArticleRecord {
  /** The input argument as given (path or URL). */
  input: string;
  /** Canonical URL when the page declares one, else the URL it was read from (null for a local text). */
  url: string | null;
  title: string;
  site: string | null;
  /** YYYY-MM-DD or null. */
  published_at: string | null;
  /** BCP-47 language tag from the page, or a guess from the text (`id`, `en`), or null. */
  language: string | null;
  text: string;
  relevant: boolean;
  /** Relevance score in [0, 1]; `relevant` is `relevance >= 0.5`. */
  relevance: number;
  commitments: Commitment[];
  extractor_version: string;
}

/** What an input that could not be read or parsed yields instead of a record. */
export interface ErrorRecord {
  input: string;
  error: string;
}

export type ExtractOutput = ArticleRecord | ErrorRecord;

export function isErrorRecord(r: ExtractOutput): r is ErrorRecord {
  return (r as ErrorRecord).error !== undefined && (r as ArticleRecord).text === undefined;
}
