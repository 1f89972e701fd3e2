/**
 * How an extract worker stores records: a group commit over `saveArticleRecords`. The records of the jobs a
 * worker finishes at about the same time (its concurrent jobs) are written in one transaction, since on SQLite
 * the commit costs more than a record's statements. A batch that fails is written again page by page, so each
 * job gets its own outcome (one bad record never fails the others).
 */
import { groupCommit } from '../lib/group-commit.js';
import { saveArticleRecord, saveArticleRecords } from '../store/index.js';
import type { RecordToSave, Store } from '../store/index.js';
import type { ArticleRecord } from '../types/record.js';

/** Stores one page's record (replacing any earlier one); resolves once it is committed. */
export type SaveRecord = (pageId: string, record: ArticleRecord) => Promise<void>;

/** Records per transaction at most (default 16: above any sensible extract concurrency per process). */
export const RECORD_BATCH = 16;

export function batchedRecordWriter(store: Store, maxBatch = RECORD_BATCH): SaveRecord {
  const one = (it: RecordToSave) => saveArticleRecord(store, it.pageId, it.record, { extractedAt: it.extractedAt });
  const write = groupCommit<RecordToSave, void>(async (items) => {
    if (items.length === 1) return [await one(items[0])];
    try {
      await saveArticleRecords(store, items);
      return items.map(() => undefined);
    } catch {
      return items.map(one);
    }
  }, maxBatch);
  return (pageId, record) => write({ pageId, record, extractedAt: new Date() });
}
