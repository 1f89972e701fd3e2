/**
 * How an extract worker stores records: a group commit over `saveArticleRecords`. The records of the jobs a
 * worker finishes within a few milliseconds of each other (its concurrent jobs) are written in one transaction,
 * since on SQLite the commit costs more than a record's statements. A batch that fails is written again page by
 * page, so each job gets its own outcome (one bad record never fails the others).
 */
import { groupCommit } from '../lib/group-commit.js';
import { saveArticleRecord, saveArticleRecords } from '../store/index.js';
import type { RecordToSave, Store } from '../store/index.js';
import type { ArticleRecord } from '../types/record.js';

/** Stores one page's record (replacing any earlier one); resolves once it is committed. */
export type SaveRecord = (pageId: string, record: ArticleRecord) => Promise<void>;

/** Records per transaction at most by default (16: above any sensible extract concurrency per process). */
export const RECORD_BATCH = 16;

/**
 * How long a finished record waits for others to share its transaction by default, in ms. A worker's jobs finish
 * one at a time (its extraction thread runs one page after another), so without waiting most transactions held
 * one record: 5,000 pages went in about 3,100 commits (1.6 records each) and the worker spent 5.5 ms of CPU per
 * page; waiting up to 15 ms gave 6.7 records per commit and 4.2 ms per page. The wait adds at most this much to
 * a job's time, and none when every job in flight is waiting (a full batch is written at once). It saves CPU, not
 * time: in paired bench:pipeline runs on two busy cores the pages per second did not change measurably, since the
 * extraction thread, not the commits, sets the pace.
 */
export const RECORD_LINGER_MS = 20;

export interface RecordWriterOptions {
  /**
   * Records per transaction at most (default `RECORD_BATCH`, 16). Give the jobs the worker runs at once: a batch
   * holding all of them is written without lingering.
   */
  maxBatch?: number;
  /** How long a record waits for others, in ms (default `RECORD_LINGER_MS`, 20; 0: one event-loop turn). */
  lingerMs?: number;
}

export function batchedRecordWriter(store: Store, options: RecordWriterOptions = {}): SaveRecord {
  const one = (it: RecordToSave) => saveArticleRecord(store, it.pageId, it.record, { extractedAt: it.extractedAt });
  const write = groupCommit<RecordToSave, void>(async (items) => {
    if (items.length === 1) return [await one(items[0])];
    try {
      await saveArticleRecords(store, items);
      return items.map(() => undefined);
    } catch {
      return items.map(one);
    }
  }, { maxBatch: options.maxBatch ?? RECORD_BATCH, lingerMs: options.lingerMs ?? RECORD_LINGER_MS });
  return (pageId, record) => write({ pageId, record, extractedAt: new Date() });
}
