/**
 * Saving several records in one transaction (`saveArticleRecords`) and the worker's group commit over it
 * (`batchedRecordWriter`): the same rows and events as saving page by page, all or nothing per batch, and one
 * bad record never failing the others' jobs. Both dialects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticleRecord, migrate, saveArticleRecord, saveArticleRecords, savePage } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { PageNotFoundError, StoreValidationError } from '../../src/store/index.js';
import { batchedRecordWriter } from '../../src/worker/index.js';
import { DIALECTS, clone, createTestDb, demoRecords, postgresAvailable, tableCounts } from './helpers.js';
import type { DemoPageRecord, TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

async function storePage(store: Store, p: DemoPageRecord): Promise<string> {
  return savePage(store, { url: p.url, status: 200, body: p.body, contentType: p.contentType });
}

/** Everything a save writes, in a comparable form: table counts, events by region with their article count. */
async function snapshot(store: Store) {
  const events = await store.db
    .selectFrom('events')
    .select(['region_code', 'articles', 'measures', 'circulars'])
    .orderBy('region_code')
    .orderBy('articles')
    .orderBy('measures')
    .execute();
  const members = await store.db.selectFrom('event_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const done = await store.db.selectFrom('pages').select('id').where('extract_state', '=', 'done').execute();
  return { counts: await tableCounts(store), events, members: Number(members.n), done: done.length };
}

describe.each(DIALECTS)('saving records in batches on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let one: TestDb;
  let batch: TestDb;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    if (skip) return;
    [one, batch] = await Promise.all([createTestDb(dialect), createTestDb(dialect)]);
    [a, b] = [one.open(), batch.open()];
    await Promise.all([migrate(a), migrate(b)]);
  });
  afterEach(async () => {
    if (skip) return;
    await Promise.all([one.cleanup(), batch.cleanup()]);
  });

  it.skipIf(skip)('stores the same rows and events as saving page by page', async () => {
    const { relevant, other } = demoRecords();
    const pages = [...relevant, ...other];
    const idsA: string[] = [];
    for (const p of pages) idsA.push(await storePage(a, p));
    for (const [i, p] of pages.entries()) await saveArticleRecord(a, idsA[i], p.record);
    const idsB: string[] = [];
    for (const p of pages) idsB.push(await storePage(b, p));
    await saveArticleRecords(b, pages.slice(0, 7).map((p, i) => ({ pageId: idsB[i], record: p.record })));
    await saveArticleRecords(b, pages.slice(7).map((p, i) => ({ pageId: idsB[i + 7], record: p.record })));
    const expected = await snapshot(a);
    expect(expected.counts.commitments).toBeGreaterThan(0);
    expect(expected.events.length).toBeGreaterThan(0);
    expect(await snapshot(b)).toEqual(expected);
    for (const [i, p] of pages.entries()) expect(await loadArticleRecord(b, idsB[i])).toEqual(p.record);
    // Again, as a retried batch would: nothing duplicated.
    await saveArticleRecords(b, pages.map((p, i) => ({ pageId: idsB[i], record: clone(p.record) })));
    const again = await snapshot(b);
    expect(again.counts).toEqual(expected.counts);
    expect(again.events).toEqual(expected.events);
  });

  it.skipIf(skip)('is all or nothing: an unknown page or an invalid record stores nothing of the batch', async () => {
    const { relevant } = demoRecords();
    const ids: string[] = [];
    for (const p of relevant.slice(0, 3)) ids.push(await storePage(b, p));
    const before = await snapshot(b);
    const items = relevant.slice(0, 3).map((p, i) => ({ pageId: ids[i], record: p.record }));
    await expect(saveArticleRecords(b, [...items, { pageId: 'no-such-page', record: relevant[3].record }])).rejects.toBeInstanceOf(PageNotFoundError);
    expect(await snapshot(b)).toEqual(before);
    const broken = clone(relevant[0].record);
    (broken.commitments[0] as { region: unknown }).region = { code: "'; drop table pages; --" };
    await expect(saveArticleRecords(b, [...items.slice(1), { pageId: ids[0], record: broken }])).rejects.toBeInstanceOf(StoreValidationError);
    expect(await snapshot(b)).toEqual(before);
  });

  it.skipIf(skip)('the worker writer commits concurrent saves together, and a bad one fails alone', async () => {
    const { relevant, other } = demoRecords();
    const pages = [...relevant, ...other];
    const ids: string[] = [];
    for (const p of pages) ids.push(await storePage(b, p));
    const save = batchedRecordWriter(b);
    const results = await Promise.allSettled([
      ...pages.map((p, i) => save(ids[i], p.record)),
      save('no-such-page', relevant[0].record),
    ]);
    expect(results.slice(0, -1).every((r) => r.status === 'fulfilled')).toBe(true);
    const last = results.at(-1)!;
    expect(last.status).toBe('rejected');
    expect((last as PromiseRejectedResult).reason).toBeInstanceOf(PageNotFoundError);
    for (const [i, p] of pages.entries()) expect(await loadArticleRecord(b, ids[i])).toEqual(p.record);
    const idsA: string[] = [];
    for (const p of pages) idsA.push(await storePage(a, p));
    for (const [i, p] of pages.entries()) await saveArticleRecord(a, idsA[i], p.record);
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });
});
