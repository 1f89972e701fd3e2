/**
 * The whole dataset as rows for export: for each event, one `event` row, then one `source` row per commitment
 * grouped into it (an article reporting the event), carrying the event's columns too. Streamed in batches of
 * events (keyset by id), so memory stays flat however large the store.
 */
import type { Store } from '../store/index.js';

/** A column of the export: name, kind, and its codebook line. */
export interface ExportColumn {
  name: string;
  /** `list`: an array in ndjson, `; `-joined in CSV and parquet. */
  kind: 'string' | 'integer' | 'list';
  description: string;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'row_type', kind: 'string', description: '`event` (one per event) or `source` (one per event and reporting article)' },
  { name: 'event_id', kind: 'string', description: 'event id (`ev_` + 16 hex digits), stable while the event has commitments' },
  { name: 'region_code', kind: 'string', description: 'Kemendagri code of the region (`74.71`; `74` for a province government)' },
  { name: 'region_name', kind: 'string', description: 'official name (`Kota Kendari`)' },
  { name: 'region_level', kind: 'string', description: '`province`, `regency` or `city`' },
  { name: 'province_code', kind: 'string', description: 'province code (`74`)' },
  { name: 'province_name', kind: 'string', description: 'province name (`Sulawesi Tenggara`)' },
  { name: 'event_date', kind: 'string', description: 'YYYY-MM-DD: the date most sources give, else the first publication date' },
  { name: 'date_min', kind: 'string', description: 'earliest source date (event date, else publication date)' },
  { name: 'date_max', kind: 'string', description: 'latest source date' },
  { name: 'first_published', kind: 'string', description: 'earliest publication date among the sources' },
  { name: 'last_published', kind: 'string', description: 'latest publication date among the sources' },
  { name: 'commitments', kind: 'integer', description: 'commitments grouped into the event' },
  { name: 'articles', kind: 'integer', description: 'distinct articles reporting it' },
  { name: 'sites', kind: 'integer', description: 'distinct outlets (sites) reporting it' },
  { name: 'measures', kind: 'list', description: 'measure types of the event (vocabulary below), vocabulary order' },
  { name: 'circulars', kind: 'list', description: 'circular numbers cited, most cited first' },
  { name: 'officials', kind: 'list', description: 'officials named (most frequent spelling), most mentioned first' },
  { name: 'source_commitment_id', kind: 'string', description: '`source` rows: the commitment (article × region)' },
  { name: 'source_article_id', kind: 'string', description: '`source` rows: the stored page id of the article' },
  { name: 'source_id', kind: 'string', description: '`source` rows: the outlet id from the registry, when crawled from one' },
  { name: 'source_url', kind: 'string', description: '`source` rows: article URL' },
  { name: 'source_site', kind: 'string', description: '`source` rows: site host' },
  { name: 'source_published_at', kind: 'string', description: '`source` rows: publication date (YYYY-MM-DD)' },
  { name: 'source_title', kind: 'string', description: '`source` rows: article title' },
  { name: 'source_event_date', kind: 'string', description: '`source` rows: the event date this article gives (empty when none)' },
  { name: 'source_measures', kind: 'list', description: '`source` rows: measures this article reports' },
  { name: 'source_circulars', kind: 'list', description: '`source` rows: circular numbers as this article prints them' },
  { name: 'source_officials', kind: 'list', description: '`source` rows: officials as this article spells them, `Name (Position)`' },
  { name: 'source_evidence', kind: 'list', description: '`source` rows: the quotes supporting its officials, circulars and measures' },
];

export type ExportValue = string | number | string[] | null;
export type ExportRow = Record<string, ExportValue>;

export interface ExportOptions {
  /** Events read per batch (default 500). */
  batchSize?: number;
}

const byOrdinal = (a: { ordinal: number }, b: { ordinal: number }) => a.ordinal - b.ordinal;

/** Every event and source row, events in id order (see the module comment). */
export async function* exportRows(store: Store, options: ExportOptions = {}): AsyncGenerator<ExportRow> {
  const db = store.db;
  const batch = Math.max(1, options.batchSize ?? 500);
  let after = '';
  for (;;) {
    const events = await db.selectFrom('events').selectAll().where('id', '>', after).orderBy('id').limit(batch).execute();
    if (events.length === 0) return;
    after = events[events.length - 1].id;
    const ids = events.map((e) => e.id);
    const commitments = await db
      .selectFrom('commitments as c')
      .innerJoin('articles as a', 'a.page_id', 'c.article_id')
      .leftJoin('pages as p', 'p.id', 'a.page_id')
      .select(['c.id', 'c.event_id', 'c.article_id', 'c.event_date', 'a.url', 'a.site', 'a.published_at', 'a.title', 'p.source_id'])
      .where('c.event_id', 'in', ids)
      .execute();
    const cids = commitments.map((c) => c.id);
    const articleIds = [...new Set(commitments.map((c) => c.article_id))];
    const [officials, circulars, measures, evidence] = cids.length
      ? await Promise.all([
          db.selectFrom('officials').selectAll().where('commitment_id', 'in', cids).execute(),
          db.selectFrom('circulars').selectAll().where('commitment_id', 'in', cids).execute(),
          db.selectFrom('measures').selectAll().where('commitment_id', 'in', cids).execute(),
          db.selectFrom('evidence').select(['owner_id', 'quote']).where('article_id', 'in', articleIds).execute(),
        ])
      : [[], [], [], []];
    const group = <T extends { commitment_id: string; ordinal: number }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.commitment_id, [...(m.get(r.commitment_id) ?? []), r]);
      for (const list of m.values()) list.sort(byOrdinal);
      return m;
    };
    const officialsOf = group(officials);
    const circularsOf = group(circulars);
    const measuresOf = group(measures);
    const quoteOf = new Map(evidence.map((e) => [e.owner_id, e.quote]));
    const sourcesOf = new Map<string, typeof commitments>();
    for (const c of commitments) sourcesOf.set(c.event_id!, [...(sourcesOf.get(c.event_id!) ?? []), c]);

    for (const e of events) {
      const event: ExportRow = {
        row_type: 'event',
        event_id: e.id,
        region_code: e.region_code,
        region_name: e.region_name,
        region_level: e.region_level,
        province_code: e.province_code,
        province_name: e.province_name,
        event_date: e.event_date,
        date_min: e.date_min,
        date_max: e.date_max,
        first_published: e.first_published,
        last_published: e.last_published,
        commitments: Number(e.commitments),
        articles: Number(e.articles),
        sites: Number(e.sites),
        measures: JSON.parse(e.measures) as string[],
        circulars: JSON.parse(e.circulars) as string[],
        officials: JSON.parse(e.officials) as string[],
      };
      const empty = Object.fromEntries(EXPORT_COLUMNS.filter((c) => c.name.startsWith('source_')).map((c) => [c.name, null]));
      yield { ...event, ...empty };
      const sources = (sourcesOf.get(e.id) ?? []).sort(
        (a, b) => (a.published_at ?? '\uffff').localeCompare(b.published_at ?? '\uffff') || a.id.localeCompare(b.id),
      );
      for (const c of sources) {
        const os = officialsOf.get(c.id) ?? [];
        const xs = circularsOf.get(c.id) ?? [];
        const ms = measuresOf.get(c.id) ?? [];
        yield {
          ...event,
          row_type: 'source',
          source_commitment_id: c.id,
          source_article_id: c.article_id,
          source_id: c.source_id ?? null,
          source_url: c.url,
          source_site: c.site,
          source_published_at: c.published_at,
          source_title: c.title,
          source_event_date: c.event_date,
          source_measures: ms.map((m) => m.type),
          source_circulars: xs.map((x) => x.number),
          source_officials: os.map((o) => `${o.name} (${o.position})`),
          source_evidence: [...os, ...xs, ...ms].map((r) => quoteOf.get(r.id)).filter((q): q is string => q !== undefined),
        };
      }
    }
    if (events.length < batch) return;
  }
}
