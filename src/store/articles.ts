/**
 * Extraction results: one article per page and its commitments, officials, circulars, measures and evidence.
 * Saving replaces everything stored for the page in one transaction, so processing a page twice (a retried
 * job, two workers racing) never duplicates rows, and a failed save leaves the previous rows intact.
 */
import type { CompiledQuery } from 'kysely';
import type { ArticleRecord, CircularKind, Commitment, Evidence, MeasureType, RegionLevel } from '../types/record.js';
import { PageNotFoundError, StoreValidationError } from './errors.js';
import { assignEventsProgram } from './events/assign.js';
import { lockRegions } from './events/locks.js';
import { rowsOf } from './events/steps.js';
import { refreshEventSearch } from './events/search.js';
import { runTransactionProgram } from './open.js';
import type { Store, TransactionProgram } from './open.js';
import type {
  ArticlesTable,
  CircularsTable,
  CommitmentsTable,
  Database,
  EvidenceOwnerKind,
  EvidenceTable,
  ExtractState,
  MeasuresTable,
  OfficialsTable,
} from './schema.js';
import { validateArticleRecord } from './validate.js';

interface Rows {
  article: ArticlesTable;
  commitments: CommitmentsTable[];
  officials: OfficialsTable[];
  circulars: CircularsTable[];
  measures: MeasuresTable[];
  evidence: EvidenceTable[];
}

/**
 * Row ids are derived from the page id and positions (`<page>:0`, `<page>:0:o1`, `<page>:0:m2:e`), so the same
 * record always gives the same rows, and a racing duplicate insert hits a primary key instead of adding rows.
 */
function toRows(pageId: string, r: ArticleRecord, extractedAt: string): Rows {
  const rows: Rows = {
    article: {
      page_id: pageId,
      input: r.input,
      url: r.url,
      title: r.title,
      site: r.site,
      published_at: r.published_at,
      language: r.language,
      text: r.text,
      relevant: r.relevant ? 1 : 0,
      relevance: r.relevance,
      extractor_version: r.extractor_version,
      extracted_at: extractedAt,
    },
    commitments: [],
    officials: [],
    circulars: [],
    measures: [],
    evidence: [],
  };
  const addEvidence = (ownerKind: EvidenceOwnerKind, ownerId: string, e: Evidence) =>
    rows.evidence.push({
      id: `${ownerId}:e`,
      article_id: pageId,
      owner_kind: ownerKind,
      owner_id: ownerId,
      field: e.field,
      start: e.start,
      end: e.end,
      quote: e.quote,
    });
  r.commitments.forEach((c, i) => {
    const cid = `${pageId}:${i}`;
    rows.commitments.push({
      id: cid,
      article_id: pageId,
      ordinal: i,
      region_code: c.region.code,
      region_name: c.region.name,
      region_level: c.region.level,
      province_code: c.region.province.code,
      province_name: c.region.province.name,
      event_date: c.event_date,
      // Set by grouping (./events), in the same transaction when the save groups.
      event_id: null,
    });
    c.officials.forEach((o, j) => {
      const id = `${cid}:o${j}`;
      rows.officials.push({ id, commitment_id: cid, ordinal: j, name: o.name, position: o.position });
      addEvidence('official', id, o.evidence);
    });
    c.circulars.forEach((x, j) => {
      const id = `${cid}:c${j}`;
      rows.circulars.push({ id, commitment_id: cid, ordinal: j, number: x.number, kind: x.kind });
      addEvidence('circular', id, x.evidence);
    });
    c.measures.forEach((m, j) => {
      const id = `${cid}:m${j}`;
      rows.measures.push({ id, commitment_id: cid, ordinal: j, type: m.type });
      addEvidence('measure', id, m.evidence);
    });
  });
  return rows;
}

const CHUNK = 200;

function inserts<T extends keyof Database & string>(store: Store, table: T, rows: Database[T][]): CompiledQuery[] {
  const out: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    out.push(store.db.insertInto(table).values(rows.slice(i, i + CHUNK) as any).compile());
  }
  return out;
}

export interface SaveRecordOptions {
  /** When the record was extracted (default now). */
  extractedAt?: Date;
  /**
   * Group the article's commitments into events (`assignEvents`) in the same transaction, so readers never see
   * the article saved but ungrouped (default true). False saves the record alone, as before grouping existed.
   */
  group?: boolean;
}

/** One page's record to store with `saveArticleRecords`. */
export interface RecordToSave {
  pageId: string;
  record: ArticleRecord;
  /** When the record was extracted (default now). */
  extractedAt?: Date;
}

/** A record validated and turned into its statements, ready to run inside a transaction. */
interface PreparedSave {
  pageId: string;
  clean: ArticleRecord;
  /** Marks the page done; returns its id, or nothing when there is no such page. Also takes the page's row lock. */
  markDone: CompiledQuery;
  /** Remove the rows of an earlier record of the page (none to remove on a first extraction). */
  deletes: () => CompiledQuery[];
  /** The article row (upserted) and the new rows. */
  writes: CompiledQuery[];
}

function prepareSave(store: Store, pageId: string, record: ArticleRecord, extractedAt: Date | undefined): PreparedSave {
  if (typeof pageId !== 'string' || pageId === '') throw new StoreValidationError('pageId', 'expected a page id');
  const clean = validateArticleRecord(record);
  const rows = toRows(pageId, clean, (extractedAt ?? new Date()).toISOString());
  const db = store.db;
  const commitmentIds = db.selectFrom('commitments').select('id').where('article_id', '=', pageId);
  const { page_id: _key, ...articleUpdate } = rows.article;
  const markDone = db
    .updateTable('pages')
    .set((eb) => ({ extract_state: 'done' as ExtractState, extract_error: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', pageId)
    .returning('id')
    .compile();
  const deletes = () => [
    db.deleteFrom('evidence').where('article_id', '=', pageId).compile(),
    db.deleteFrom('officials').where('commitment_id', 'in', commitmentIds).compile(),
    db.deleteFrom('circulars').where('commitment_id', 'in', commitmentIds).compile(),
    db.deleteFrom('measures').where('commitment_id', 'in', commitmentIds).compile(),
    db.deleteFrom('commitments').where('article_id', '=', pageId).compile(),
  ];
  const writes: CompiledQuery[] = [
    db
      .insertInto('articles')
      .values(rows.article)
      .onConflict((oc) => oc.column('page_id').doUpdateSet(articleUpdate))
      .compile(),
    ...inserts(store, 'commitments', rows.commitments),
    ...inserts(store, 'officials', rows.officials),
    ...inserts(store, 'circulars', rows.circulars),
    ...inserts(store, 'measures', rows.measures),
    ...inserts(store, 'evidence', rows.evidence),
  ];
  return { pageId, clean, markDone, deletes, writes };
}

/** The writes of one prepared record and its grouping, inside a transaction whose region locks are in `held`. */
function* saveProgram(store: Store, save: PreparedSave, held: Set<string>, now: string): TransactionProgram<void> {
  // Region locks before the page row lock and the deletes: every grouping transaction takes them first, so
  // none waits for a region while holding rows another grouping transaction needs.
  const grouped = yield* rowsOf(
    store.db.selectFrom('event_members').select('region_code').where('article_id', '=', save.pageId).compile(),
  );
  const regions = [...save.clean.commitments.map((c) => c.region.code), ...grouped.map((r) => r.region_code)];
  yield* lockRegions(store, regions, held);
  // First write: the page row, which takes its row lock (PostgreSQL) under the write lock (SQLite), so what is
  // read next about the page's earlier record cannot change before commit.
  if ((yield save.markDone).length === 0) throw new PageNotFoundError(save.pageId);
  const earlier = yield* rowsOf(store.db.selectFrom('articles').select('page_id').where('page_id', '=', save.pageId).compile());
  // Every row of a record hangs off its article row: without one there is nothing to delete.
  if (earlier.length > 0) for (const q of save.deletes()) yield q;
  for (const q of save.writes) yield q;
  yield* assignEventsProgram(store, save.pageId, held, now, { pageLocked: true, record: save.clean });
}

/**
 * Stores the record extracted from a page, replacing whatever was stored for it, and marks the page `done`
 * (one more attempt, error cleared). Idempotent and atomic: validation happens before any write, and the writes
 * run in one transaction whose first statement locks the page row, so concurrent saves of the same page
 * serialize. Throws `StoreValidationError` (naming the field) for a malformed record and `PageNotFoundError` for
 * an unknown page id; in both cases, as on any failure, nothing stored changes.
 *
 * With `group` (the default) the same transaction then groups the article's commitments into events (see
 * `assignEvents`), holding the grouping lock of every region concerned from before its first write, so two
 * workers saving reports of one pledge at once give one event.
 */
export async function saveArticleRecord(
  store: Store,
  pageId: string,
  record: ArticleRecord,
  options: SaveRecordOptions = {},
): Promise<void> {
  const save = prepareSave(store, pageId, record, options.extractedAt);
  if (options.group === false) {
    await runTransactionProgram(store, function* () {
      if ((yield save.markDone).length === 0) throw new PageNotFoundError(pageId);
      // The events the earlier record's commitments were in lose its text with them (until it is grouped again).
      const earlier = yield* rowsOf(
        store.db.selectFrom('commitments').select('event_id').distinct().where('article_id', '=', pageId).compile(),
      );
      for (const q of save.deletes()) yield q;
      for (const q of save.writes) yield q;
      yield* refreshEventSearch(store, earlier.flatMap((r) => (r.event_id === null ? [] : [r.event_id])));
    });
    return;
  }
  const now = new Date().toISOString();
  await runTransactionProgram(store, () => saveProgram(store, save, new Set(), now));
}

/**
 * Stores several records as `saveArticleRecord` does each (grouping included), in ONE transaction: all or none.
 * One commit for many pages is what a worker finishing pages at a high rate wants (a commit costs more than a
 * record's statements). Every record is validated before anything is written; the first invalid one, or any
 * failure (an unknown page id), throws and stores nothing, so a caller wanting per-page outcomes saves the
 * pages of a failed batch one by one.
 */
export async function saveArticleRecords(store: Store, items: readonly RecordToSave[]): Promise<void> {
  if (items.length === 0) return;
  const saves = items.map((it) => prepareSave(store, it.pageId, it.record, it.extractedAt));
  const now = new Date().toISOString();
  await runTransactionProgram(store, function* () {
    const held = new Set<string>();
    // Every page's regions locked up front, in code order (see lockRegions), before any page's writes.
    yield* lockRegions(
      store,
      saves.flatMap((s) => s.clean.commitments.map((c) => c.region.code)),
      held,
    );
    for (const save of saves) yield* saveProgram(store, save, held, now);
  });
}

/** Rebuilds the stored record of a page (as saved, `extracted_at` aside); undefined when none is stored. */
export async function loadArticleRecord(store: Store, pageId: string): Promise<ArticleRecord | undefined> {
  const db = store.db;
  const article = await db.selectFrom('articles').selectAll().where('page_id', '=', pageId).executeTakeFirst();
  if (!article) return undefined;
  const commitments = await db
    .selectFrom('commitments')
    .selectAll()
    .where('article_id', '=', pageId)
    .orderBy('ordinal')
    .execute();
  const ids = db.selectFrom('commitments').select('id').where('article_id', '=', pageId);
  const [officials, circulars, measures, evidence] = await Promise.all([
    db.selectFrom('officials').selectAll().where('commitment_id', 'in', ids).orderBy('ordinal').execute(),
    db.selectFrom('circulars').selectAll().where('commitment_id', 'in', ids).orderBy('ordinal').execute(),
    db.selectFrom('measures').selectAll().where('commitment_id', 'in', ids).orderBy('ordinal').execute(),
    db.selectFrom('evidence').selectAll().where('article_id', '=', pageId).execute(),
  ]);
  const evidenceOf = new Map(evidence.map((e) => [e.owner_id, e]));
  const ev = (ownerId: string): Evidence => {
    const e = evidenceOf.get(ownerId);
    if (!e) throw new Error(`stored record of page ${pageId}: no evidence for ${ownerId}`);
    return { field: e.field as Evidence['field'], start: e.start, end: e.end, quote: e.quote };
  };
  const byCommitment = <T extends { commitment_id: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.commitment_id === id);
  return {
    input: article.input,
    url: article.url,
    title: article.title,
    site: article.site,
    published_at: article.published_at,
    language: article.language,
    text: article.text,
    relevant: article.relevant === 1,
    relevance: article.relevance,
    commitments: commitments.map(
      (c): Commitment => ({
        region: {
          code: c.region_code,
          name: c.region_name,
          level: c.region_level as RegionLevel,
          province: { code: c.province_code, name: c.province_name },
        },
        officials: byCommitment(officials, c.id).map((o) => ({ name: o.name, position: o.position, evidence: ev(o.id) })),
        event_date: c.event_date,
        circulars: byCommitment(circulars, c.id).map((x) => ({
          number: x.number,
          kind: x.kind as CircularKind,
          evidence: ev(x.id),
        })),
        measures: byCommitment(measures, c.id).map((m) => ({ type: m.type as MeasureType, evidence: ev(m.id) })),
      }),
    ),
    extractor_version: article.extractor_version,
  };
}
