/**
 * The store on both dialects: the same suite runs on SQLite (temp dir) and PostgreSQL (a fresh schema per test).
 */
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../src/demo-site/index.js';
import {
  LATEST_MIGRATION,
  PageNotFoundError,
  StoreValidationError,
  counts,
  hasPage,
  knownUrls,
  listSources,
  loadArticleRecord,
  loadPage,
  markExtractFailed,
  migrate,
  pendingPages,
  saveArticleRecord,
  savePage,
  schemaVersion,
  upsertSource,
} from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import type { ArticleRecord } from '../../src/types/record.js';
import {
  DIALECTS,
  clone,
  createTestDb,
  demoRecords,
  expectedRows,
  postgresAvailable,
  richestRecord,
  tableCounts,
} from './helpers.js';
import type { DemoPageRecord, TestDb } from './helpers.js';

const execFileAsync = promisify(execFile);
const pgUp = await postgresAvailable();

async function storePage(store: Store, p: DemoPageRecord): Promise<string> {
  return savePage(store, { url: p.url, status: 200, body: p.body, contentType: p.contentType });
}

/** Makes inserting an evidence row quoted 'BOOM' fail inside the database (a failure validation cannot see). */
async function installFailingTrigger(store: Store): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql`create trigger boom before insert on evidence when new.quote = 'BOOM' begin select raise(abort, 'boom'); end`.execute(
      store.db,
    );
  } else {
    await sql`create function boom() returns trigger language plpgsql as $$ begin if new.quote = 'BOOM' then raise exception 'boom'; end if; return new; end $$`.execute(
      store.db,
    );
    await sql`create trigger boom before insert on evidence for each row execute function boom()`.execute(store.db);
  }
}

describe.each(DIALECTS)('store on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;

  beforeEach(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
  });
  afterEach(async () => {
    if (skip) return;
    await tdb.cleanup();
  });

  describe.skipIf(skip)('migrations', () => {
    it('creates every table from an empty database', async () => {
      expect(store.dialect).toBe(dialect);
      expect(await schemaVersion(store)).toBeNull();
      const result = await migrate(store);
      expect(result.applied).toEqual(Object.keys(MIGRATIONS));
      expect(result.version).toBe(LATEST_MIGRATION);
      // PostgreSQL lists every schema's tables: keep this test's own (other suites and benchmarks share the database).
      const own = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0].s : undefined;
      const all = (await store.db.introspection.getTables())
        .filter((t) => own === undefined || t.schema === own)
        .map((t) => t.name)
        .sort();
      // SQLite's text search (0004, 0007, 0011): FTS5 tables and their shadow tables.
      const fts = all.filter((t) => /_(fts|terms)(_|$)/.test(t));
      expect(fts.length > 0).toBe(dialect === 'sqlite');
      const tables = all.filter((t) => !fts.includes(t));
      expect(tables).toEqual(
        [
          'articles',
          'circulars',
          'commitments',
          'event_aliases',
          'event_circulars',
          'event_measures',
          'event_members',
          'event_officials',
          'event_search',
          'events',
          'evidence',
          'fetch_validators',
          'measures',
          'officials',
          'pages',
          'persons',
          'region_events',
          'sources',
        ].sort(),
      );
      const pages = (await store.db.introspection.getTables()).find((t) => t.name === 'pages')!;
      expect(pages.columns.map((c) => c.name)).toEqual(
        expect.arrayContaining(['url', 'content_hash', 'body', 'headers', 'extract_state', 'attempts', 'etag']),
      );
      expect(await tableCounts(store)).toEqual({
        sources: 0,
        pages: 0,
        articles: 0,
        commitments: 0,
        officials: 0,
        circulars: 0,
        measures: 0,
        evidence: 0,
      });
    });

    it('re-migrates idempotently, keeping data', async () => {
      await migrate(store);
      const p = demoRecords().relevant[0];
      const id = await storePage(store, p);
      await saveArticleRecord(store, id, p.record);
      const before = await tableCounts(store);
      expect((await migrate(store)).applied).toEqual([]);
      const other = tdb.open();
      expect((await migrate(other)).applied).toEqual([]);
      expect(await tableCounts(store)).toEqual(before);
      expect(await schemaVersion(other)).toBe(LATEST_MIGRATION);
    });

    it('migrates once when several connections start at the same time', async () => {
      const stores = [store, tdb.open(), tdb.open()];
      const results = await Promise.all(stores.map((s) => migrate(s)));
      expect(results.flatMap((r) => r.applied)).toEqual(Object.keys(MIGRATIONS));
      for (const s of stores) expect(await schemaVersion(s)).toBe(LATEST_MIGRATION);
    });
  });

  describe.skipIf(skip)('sources', () => {
    it('upserts the demo outlets and updates them by id', async () => {
      await migrate(store);
      const sources = demoRecords().site.sources;
      for (const s of sources) await upsertSource(store, s);
      for (const s of sources) await upsertSource(store, s);
      expect((await listSources(store)).map((s) => s.id)).toEqual(sources.map((s) => s.id).sort());
      await upsertSource(store, { ...sources[0], name: 'Renamed', verified: true });
      const row = await store.db.selectFrom('sources').selectAll().where('id', '=', sources[0].id).executeTakeFirstOrThrow();
      expect(row.name).toBe('Renamed');
      expect(row.verified).toBe(1);
      expect(JSON.parse(row.config)).toEqual({ ...sources[0], name: 'Renamed', verified: true });
      await expect(upsertSource(store, { ...sources[0], id: 42 as unknown as string })).rejects.toThrow(/source\.id/);
    });
  });

  describe.skipIf(skip)('pages', () => {
    beforeEach(async () => {
      if (!skip) await migrate(store);
    });

    it('round-trips a page: body gzipped, sha256 hash, metadata and headers', async () => {
      const p = demoRecords().relevant[0];
      const source = demoRecords().site.sources.find((s) => p.url.startsWith(s.home.replace(/\/$/, '')));
      if (source) await upsertSource(store, source);
      const id = await savePage(store, {
        url: p.url,
        sourceId: source?.id ?? null,
        finalUrl: `${p.url}?from=redirect`,
        status: 200,
        fetchedAt: '2024-02-01T03:04:05.000Z',
        contentType: p.contentType,
        etag: '"abc"',
        lastModified: 'Thu, 01 Feb 2024 03:00:00 GMT',
        headers: { 'content-type': p.contentType, 'x-cache': 'HIT' },
        body: p.body,
      });
      expect(await hasPage(store, p.url)).toBe(true);
      expect(await hasPage(store, `${p.url}-nope`)).toBe(false);

      const raw = await store.db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const bytes = Buffer.from(p.body as string, 'utf8');
      expect(raw.body![0]).toBe(0x1f);
      expect(raw.body![1]).toBe(0x8b);
      expect(raw.body!.length).toBeLessThan(bytes.length);
      expect(gunzipSync(raw.body!).equals(bytes)).toBe(true);
      expect(raw.content_hash).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(raw.body_size).toBe(bytes.length);

      const page = (await loadPage(store, id))!;
      expect(page).toMatchObject({
        id,
        sourceId: source?.id ?? null,
        url: p.url,
        finalUrl: `${p.url}?from=redirect`,
        status: 200,
        fetchedAt: '2024-02-01T03:04:05.000Z',
        contentType: p.contentType,
        etag: '"abc"',
        lastModified: 'Thu, 01 Feb 2024 03:00:00 GMT',
        headers: { 'content-type': p.contentType, 'x-cache': 'HIT' },
        extractState: 'pending',
        extractError: null,
        attempts: 0,
        error: null,
      });
      expect(page.body!.equals(bytes)).toBe(true);
      expect(page.html).toBe(p.html);
      expect(await loadPage(store, 'no-such-page')).toBeUndefined();
    });

    it('keeps raw bytes and decodes a windows-1252 page', async () => {
      const html =
        '<html><head><meta charset="windows-1252"><title>Bupati — “netral”</title></head><body><p>Café – ASN</p></body></html>';
      const bytes = encodeWindows1252(html);
      const id = await savePage(store, { url: 'http://demo.test/cp1252', status: 200, body: bytes, contentType: 'text/html' });
      const page = (await loadPage(store, id))!;
      expect(page.body!.equals(Buffer.from(bytes))).toBe(true);
      expect(page.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(page.html).toBe(html);
    });

    it('updates by canonical URL: same id, unchanged body keeps its state, a new body is pending again', async () => {
      const [a, b] = demoRecords().relevant;
      const id = await storePage(store, a);
      expect(await storePage(store, a)).toBe(id);
      await saveArticleRecord(store, id, a.record);
      expect(await storePage(store, a)).toBe(id);
      expect((await loadPage(store, id))!).toMatchObject({ extractState: 'done', attempts: 1 });

      expect(await savePage(store, { url: a.url, status: 200, body: b.body, contentType: b.contentType })).toBe(id);
      const changed = (await loadPage(store, id))!;
      expect(changed).toMatchObject({ extractState: 'pending', attempts: 0 });
      expect(changed.html).toBe(b.html);
      expect((await tableCounts(store)).pages).toBe(1);
    });

    it('stores failed fetches as failed, never over a stored body', async () => {
      const a = demoRecords().relevant[0];
      const failed = await savePage(store, { url: 'http://demo.test/500', status: 500, error: 'HTTP 500' });
      expect((await loadPage(store, failed))!).toMatchObject({ body: null, html: null, extractState: 'failed', extractError: 'HTTP 500' });
      const id = await storePage(store, a);
      expect(await savePage(store, { url: a.url, status: 0, error: 'timeout' })).toBe(id);
      const page = (await loadPage(store, id))!;
      expect(page.html).toBe(a.html);
      expect(page.error).toBeNull();
      expect(page.extractState).toBe('pending');
      // A later successful fetch replaces a failed one.
      expect(await savePage(store, { url: 'http://demo.test/500', status: 200, body: a.body })).toBe(failed);
      expect((await loadPage(store, failed))!.extractState).toBe('pending');
    });

    it('lists pending pages oldest first, and records extraction failures', async () => {
      const pages = demoRecords().other.slice(0, 5);
      const ids: string[] = [];
      for (const [i, p] of pages.entries()) {
        ids.push(
          await savePage(store, {
            url: p.url,
            status: 200,
            body: p.body,
            fetchedAt: new Date(Date.UTC(2024, 0, 10 - i)),
          }),
        );
      }
      expect((await pendingPages(store, 10)).map((p) => p.id)).toEqual([...ids].reverse());
      expect(await pendingPages(store, 2)).toHaveLength(2);
      await saveArticleRecord(store, ids[0], pages[0].record);
      await markExtractFailed(store, ids[1], 'extractor crashed: RangeError');
      const pending = await pendingPages(store, 10);
      expect(pending.map((p) => p.id).sort()).toEqual(ids.slice(2).sort());
      expect(pending[0]).toMatchObject({ url: pages[4].url, sourceId: null, attempts: 0 });
      expect((await loadPage(store, ids[1]))!).toMatchObject({
        extractState: 'failed',
        extractError: 'extractor crashed: RangeError',
        attempts: 1,
      });
      await expect(markExtractFailed(store, 'missing', 'x')).rejects.toBeInstanceOf(PageNotFoundError);
      expect(await knownUrls(store, [pages[0].url, 'http://demo.test/unknown', pages[3].url])).toEqual(
        new Set([pages[0].url, pages[3].url]),
      );
      const c = await counts(store);
      expect(c.pages).toEqual({ total: 5, pending: 3, done: 1, failed: 1 });
    });

    it('rejects bad pages naming the field', async () => {
      await expect(savePage(store, { url: '', status: 200 })).rejects.toThrow(/page\.url/);
      await expect(savePage(store, { url: 'http://x.test/', status: '200' as unknown as number })).rejects.toThrow(
        /page\.status/,
      );
      await expect(savePage(store, { url: 'http://x.test/', status: 200, body: 5 as unknown as string })).rejects.toThrow(
        /page\.body/,
      );
      expect((await tableCounts(store)).pages).toBe(0);
    });
  });

  describe.skipIf(skip)('article records', () => {
    beforeEach(async () => {
      if (!skip) await migrate(store);
    });

    it('stores real records and reads them back unchanged', async () => {
      const all = [...demoRecords().relevant, ...demoRecords().other];
      for (const p of all) await saveArticleRecord(store, await storePage(store, p), p.record);
      for (const p of all) {
        const page = (await store.db.selectFrom('pages').select('id').where('url', '=', p.url).executeTakeFirstOrThrow()).id;
        expect(await loadArticleRecord(store, page)).toEqual(p.record);
      }
      const rows = all.map((p) => expectedRows(p.record));
      const total = (k: keyof ReturnType<typeof expectedRows>) => rows.reduce((n, r) => n + r[k], 0);
      expect(await tableCounts(store)).toMatchObject({
        pages: all.length,
        articles: all.length,
        commitments: total('commitments'),
        officials: total('officials'),
        circulars: total('circulars'),
        measures: total('measures'),
        evidence: total('evidence'),
      });
      expect(total('commitments')).toBeGreaterThanOrEqual(12);
      expect(total('circulars')).toBeGreaterThan(0);

      const c = await counts(store);
      expect(c.articles).toBe(all.length);
      expect(c.relevant).toBe(all.filter((p) => p.record.relevant).length);
      expect(c.commitments).toBe(total('commitments'));
      const byProvince = new Map<string, number>();
      const byMeasure = new Map<string, number>();
      for (const p of all) {
        for (const cm of p.record.commitments) {
          byProvince.set(cm.region.province.code, (byProvince.get(cm.region.province.code) ?? 0) + 1);
          for (const t of new Set(cm.measures.map((m) => m.type))) byMeasure.set(t, (byMeasure.get(t) ?? 0) + 1);
        }
      }
      expect(new Map(c.byProvince.map((p) => [p.code, p.commitments]))).toEqual(byProvince);
      expect(new Map(c.byMeasure.map((m) => [m.type, m.commitments]))).toEqual(byMeasure);
      expect(c.byProvince[0].name).toMatch(/\S/);
      const sorted = c.byProvince.map((p) => p.commitments);
      expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    });

    it('saving the same record twice stores the same rows', async () => {
      const p = richestRecord();
      const id = await storePage(store, p);
      await saveArticleRecord(store, id, p.record);
      const once = await tableCounts(store);
      const ids = await store.db.selectFrom('evidence').select('id').orderBy('id').execute();
      await saveArticleRecord(store, id, p.record);
      await saveArticleRecord(store, id, clone(p.record));
      expect(await tableCounts(store)).toEqual(once);
      expect(await store.db.selectFrom('evidence').select('id').orderBy('id').execute()).toEqual(ids);
      expect(once).toMatchObject(expectedRows(p.record));
      expect(await loadArticleRecord(store, id)).toEqual(p.record);
      expect((await loadPage(store, id))!.attempts).toBe(3);
    });

    it('a changed record replaces the stored one', async () => {
      const p = richestRecord();
      const id = await storePage(store, p);
      const other = demoRecords().relevant.find((r) => r !== p)!;
      const otherId = await storePage(store, other);
      await saveArticleRecord(store, otherId, other.record);
      await saveArticleRecord(store, id, p.record);

      const changed = clone(p.record);
      changed.title = 'Judul diperbarui';
      changed.commitments = changed.commitments.slice(0, 1);
      changed.commitments[0].measures = changed.commitments[0].measures.slice(0, 1);
      changed.commitments[0].officials.push({
        name: 'Siti Rahmawati',
        position: 'Sekda',
        evidence: { field: 'title', start: 0, end: 5, quote: 'Judul' },
      });
      await saveArticleRecord(store, id, changed);
      expect(await loadArticleRecord(store, id)).toEqual(changed);
      const counts1 = await tableCounts(store);
      const exp = [expectedRows(changed), expectedRows(other.record)];
      expect(counts1.commitments).toBe(exp[0].commitments + exp[1].commitments);
      expect(counts1.evidence).toBe(exp[0].evidence + exp[1].evidence);
      expect(counts1.measures).toBe(exp[0].measures + exp[1].measures);

      // Not relevant any more: everything but the article row goes.
      const none = { ...clone(p.record), relevant: false, relevance: 0.1, commitments: [] };
      await saveArticleRecord(store, id, none);
      expect(await loadArticleRecord(store, id)).toEqual(none);
      expect(await loadArticleRecord(store, otherId)).toEqual(other.record);
      expect(await tableCounts(store)).toMatchObject({ ...expectedRows(other.record), articles: 2 });
    });

    it('a bad record is refused naming the field, and what was stored stays', async () => {
      const p = richestRecord();
      const id = await storePage(store, p);
      await saveArticleRecord(store, id, p.record);
      const before = await tableCounts(store);

      const badTitle = { ...clone(p.record), title: 42 } as unknown as ArticleRecord;
      const err = await saveArticleRecord(store, id, badTitle).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreValidationError);
      expect((err as StoreValidationError).field).toBe('title');
      expect((err as Error).message).toMatch(/title.*string.*number/);

      const nested = clone(p.record) as unknown as { commitments: { measures: { type: string }[] }[] };
      nested.commitments[0].measures[0].type = 'bribery';
      await expect(saveArticleRecord(store, id, nested as unknown as ArticleRecord)).rejects.toThrow(
        /commitments\[0\]\.measures\[0\]\.type/,
      );
      const badEvidence = clone(p.record);
      (badEvidence.commitments[0].officials[0].evidence as { start: unknown }).start = -1;
      await expect(saveArticleRecord(store, id, badEvidence)).rejects.toThrow(/officials\[0\]\.evidence\.start/);
      await expect(saveArticleRecord(store, id, { ...clone(p.record), relevance: Number.NaN })).rejects.toThrow(/relevance/);
      await expect(saveArticleRecord(store, id, null as unknown as ArticleRecord)).rejects.toThrow(/record/);
      await expect(saveArticleRecord(store, 'no-such-page', p.record)).rejects.toBeInstanceOf(PageNotFoundError);

      expect(await tableCounts(store)).toEqual(before);
      expect(await loadArticleRecord(store, id)).toEqual(p.record);
    });

    it('a write failing inside the database rolls back the whole save', async () => {
      const p = richestRecord();
      const id = await storePage(store, p);
      await saveArticleRecord(store, id, p.record);
      const before = await tableCounts(store);
      const pageBefore = (await loadPage(store, id))!;
      await installFailingTrigger(store);

      const changed = clone(p.record);
      changed.title = 'Tidak boleh tersimpan';
      changed.commitments.push(clone(changed.commitments[0]));
      const last = changed.commitments.at(-1)!;
      last.measures.push({ type: 'sanction', evidence: { field: 'text', start: 0, end: 4, quote: 'BOOM' } });
      await expect(saveArticleRecord(store, id, changed)).rejects.toThrow(/boom/);

      expect(await tableCounts(store)).toEqual(before);
      expect(await loadArticleRecord(store, id)).toEqual(p.record);
      expect((await loadPage(store, id))!).toMatchObject({ extractState: 'done', attempts: pageBefore.attempts });
      // The store still works afterwards.
      await saveArticleRecord(store, id, p.record);
      expect(await tableCounts(store)).toEqual(before);
    });

    it('keeps unicode exactly and stores 1 MB texts', async () => {
      const p = richestRecord();
      const id = await storePage(store, p);
      const record = clone(p.record);
      const exotic = 'Pj Wali Kota 🗳️ “netralitas” — Ñandú, ßtraße, 中文, العربية, é (e\u0301), 𝔘𝔫𝔦';
      record.title = exotic;
      record.site = 'Kabar 🌏 Nusantara';
      record.text = `${exotic}\n\n${'Aparatur sipil negara wajib netral dalam pemilu 2024. 😀 '.repeat(20_000)}`;
      expect(record.text.length).toBeGreaterThan(1_000_000);
      const start = record.text.length - 100;
      record.commitments[0].measures[0].evidence = {
        field: 'text',
        start,
        end: start + 40,
        quote: record.text.slice(start, start + 40),
      };
      record.commitments[0].officials[0].evidence = { field: 'title', start: 13, end: 20, quote: exotic.slice(13, 20) };
      record.commitments[0].officials[0].name = 'Ñoño Ğüçlü 王';
      await saveArticleRecord(store, id, record);
      const back = (await loadArticleRecord(store, id))!;
      expect(back).toEqual(record);
      expect(back.text.length).toBe(record.text.length);
      const e = back.commitments[0].measures[0].evidence;
      expect(back.text.slice(e.start, e.end)).toBe(e.quote);

      // A 1 MB page body, too.
      const big = `<html><body><p>${'Netralitas ASN — 🗳️ '.repeat(60_000)}</p></body></html>`;
      const bigId = await savePage(store, { url: 'http://demo.test/big', status: 200, body: big });
      expect((await loadPage(store, bigId))!.html).toBe(big);
    });

    it('stores NUL characters and lone surrogates as U+FFFD on both dialects, keeping offsets', async () => {
      const p = demoRecords().relevant[0];
      const id = await storePage(store, p);
      const record = clone(p.record);
      record.text = `a\u0000b ${record.text}`;
      record.title = `x\u0000y\uD83D!`;
      const o = record.commitments[0].officials[0];
      o.evidence = { field: 'title', start: 0, end: 4, quote: 'x\u0000y\uD83D' };
      await saveArticleRecord(store, id, record);
      const back = (await loadArticleRecord(store, id))!;
      expect(back.title).toBe('x\uFFFDy\uFFFD!');
      expect(back.text.startsWith('a\uFFFDb ')).toBe(true);
      expect(back.commitments[0].officials[0].evidence.quote).toBe(back.title.slice(0, 4));
    });

    it('concurrent saves of the same page from two connections in one process do not duplicate', async () => {
      const p = richestRecord();
      const a = store;
      const b = tdb.open();
      const ids = await Promise.all(
        Array.from({ length: 6 }, (_, i) => storePage(i % 2 ? b : a, p)),
      );
      expect(new Set(ids).size).toBe(1);
      await Promise.all(Array.from({ length: 6 }, (_, i) => saveArticleRecord(i % 2 ? b : a, ids[0], p.record)));
      expect(await tableCounts(b)).toMatchObject({ pages: 1, ...expectedRows(p.record) });
      expect(await loadArticleRecord(b, ids[0])).toEqual(p.record);
    });

    it('concurrent saves of the same page from two processes do not duplicate', async () => {
      const p = richestRecord();
      const dir = mkdtempSync(join(tmpdir(), 'pantau-store-job-'));
      try {
        const jobFile = join(dir, 'job.json');
        const rounds = 15;
        writeFileSync(
          jobFile,
          JSON.stringify({ options: tdb.options, url: p.url, body: p.body, record: p.record, rounds, startAt: Date.now() + 2500 }),
        );
        const child = fileURLToPath(new URL('./concurrent-child.ts', import.meta.url));
        const run = () => execFileAsync(process.execPath, ['--import', 'tsx', child, jobFile], { timeout: 60_000 });
        const outputs = await Promise.all([run(), run()]);
        const ids = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
        expect(new Set(ids).size).toBe(1);
        expect(await tableCounts(store)).toMatchObject({ pages: 1, ...expectedRows(p.record) });
        expect(await loadArticleRecord(store, ids[0])).toEqual(p.record);
        expect((await loadPage(store, ids[0]))!).toMatchObject({ extractState: 'done', attempts: 2 * rounds });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
