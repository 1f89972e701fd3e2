/**
 * The extract worker end to end, on SQLite and PostgreSQL: pages stored, jobs queued, workers running against
 * the real Redis and database.
 */
import Sqlite from 'better-sqlite3';
import { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { PermanentJobError, enqueueCrawl, enqueueExtract, listFailedJobs } from '../../src/queue/index.js';
import { loadArticleRecord, loadPage, savePage } from '../../src/store/index.js';
import type { StoreDialect } from '../../src/store/index.js';
import { closeOnSignals, extractPage, notHtmlReason, startWorkers } from '../../src/worker/index.js';
import type { StartWorkersOptions, WorkerEvent } from '../../src/worker/index.js';
import { DIALECTS, postgresAvailable, tableCounts } from '../store/helpers.js';
import { REDIS_URL, waitFor } from '../queue/helpers.js';
import { fixturePages, workerEnv } from './helpers.js';
import type { WorkerEnv } from './helpers.js';

const pgUp = await postgresAvailable();

/** A small page of our own: a regency's circular on ASN neutrality. */
const OWN_PAGE = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Bupati Konawe Terbitkan Surat Edaran Netralitas ASN | Kabar Sultra</title></head><body>
<nav>Beranda | Politik | Daerah</nav>
<article><h1>Bupati Konawe Terbitkan Surat Edaran Netralitas ASN</h1>
<p>UNAAHA — Bupati Konawe Harmin Ramba menerbitkan Surat Edaran Nomor 800/1234/BKPSDM/2023 tentang netralitas aparatur sipil negara (ASN) pada Pemilu 2024, Senin (4/12/2023).</p>
<p>Dalam surat edaran itu, Pemerintah Kabupaten Konawe meminta seluruh ASN menjaga netralitas dan tidak terlibat politik praktis selama tahapan kampanye.</p>
<p>"ASN yang terbukti melanggar akan kami beri sanksi sesuai aturan," kata Harmin.</p>
</article><footer>© Kabar Sultra</footer></body></html>`;

function rowsOf(html: string, url: string) {
  const r = extract(html, url, { input: url });
  const sum = (f: (c: (typeof r.commitments)[number]) => number) => r.commitments.reduce((n, c) => n + f(c), 0);
  return { commitments: r.commitments.length, measures: sum((c) => c.measures.length), officials: sum((c) => c.officials.length) };
}

describe.each(DIALECTS)('extract worker on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let env: WorkerEnv;
  let events: WorkerEvent[];

  beforeEach(async () => {
    if (skip) return;
    env = await workerEnv(dialect);
    events = [];
  });
  afterEach(async () => {
    if (skip) return;
    await env.cleanup();
  });

  function start(extra: Partial<StartWorkersOptions> = {}) {
    const handle = startWorkers({
      redisUrl: REDIS_URL,
      prefix: env.prefix,
      store: env.store,
      concurrency: 2,
      backoff: { baseMs: 20, capMs: 100 },
      onEvent: (e) => events.push(e),
      ...extra,
    } as StartWorkersOptions);
    env.handles.push(handle);
    return handle;
  }

  async function storeFixtures() {
    const pages = [...fixturePages(), { name: 'own', url: 'https://kabarsultra.example.id/konawe-se', html: OWN_PAGE }];
    const ids: string[] = [];
    for (const p of pages) ids.push(await savePage(env.store, { url: p.url, status: 200, body: p.html, contentType: 'text/html; charset=utf-8' }));
    const expected = pages.map((p) => rowsOf(p.html, p.url));
    const total = (k: keyof (typeof expected)[number]) => expected.reduce((n, e) => n + e[k], 0);
    return { pages, ids, expected: { commitments: total('commitments'), measures: total('measures'), officials: total('officials') } };
  }

  const completed = () => env.queues.extract.getCompletedCount();

  it.skipIf(skip)('extracts queued pages and stores each record once; running a page again changes nothing', async () => {
    const { pages, ids, expected } = await storeFixtures();
    expect(expected.commitments).toBeGreaterThan(3);
    await enqueueExtract(env.queues, ids, 'run-e2e');
    start();
    await waitFor('all extracted', async () => (await completed()) === ids.length);

    const after = await tableCounts(env.store);
    expect(after).toMatchObject({ pages: ids.length, articles: ids.length, ...expected });
    for (const [i, id] of ids.entries()) {
      const page = await loadPage(env.store, id);
      expect(page).toMatchObject({ extractState: 'done', extractError: null, attempts: 1 });
      expect(await loadArticleRecord(env.store, id)).toEqual(extract(pages[i].html, pages[i].url, { input: pages[i].url }));
    }
    const done = events.filter((e) => e.type === 'completed');
    expect(done).toHaveLength(ids.length);
    const own = done.find((e) => e.type === 'completed' && (e.data as { pageId: string }).pageId === ids.at(-1));
    expect(own).toMatchObject({ result: { pageId: ids.at(-1), relevant: true, commitments: 1 } });

    // Again, after completion: processed a second time, same rows.
    const again = await enqueueExtract(env.queues, ids);
    expect(again.added).toBe(ids.length);
    await waitFor('extracted again', async () => (await completed()) === 2 * ids.length);
    expect(await tableCounts(env.store)).toEqual(after);
    expect((await loadPage(env.store, ids[0]))?.attempts).toBe(2);
  });

  it.skipIf(skip)('with an extraction thread, stores the same records as extracting on the main thread', async () => {
    const { pages, ids, expected } = await storeFixtures();
    await enqueueExtract(env.queues, ids, 'run-threads');
    start({ extractThreads: 1 });
    await waitFor('all extracted', async () => (await completed()) === ids.length);
    expect(await tableCounts(env.store)).toMatchObject({ pages: ids.length, articles: ids.length, ...expected });
    for (const [i, id] of ids.entries()) {
      expect(await loadArticleRecord(env.store, id)).toEqual(extract(pages[i].html, pages[i].url, { input: pages[i].url }));
    }
  });

  it.skipIf(skip)('fails a missing page permanently, after one attempt, with the reason listed', async () => {
    await enqueueExtract(env.queues, ['no-such-page']);
    start();
    await waitFor('failed', async () => (await env.queues.extract.getFailedCount()) === 1);
    const [failed] = await listFailedJobs(env.queues);
    expect(failed).toMatchObject({ queue: 'extract', data: { pageId: 'no-such-page' }, attemptsMade: 1 });
    expect(failed.reason).toContain('no stored page with id "no-such-page"');
    expect(events.find((e) => e.type === 'failed')).toMatchObject({ final: true, attemptsMade: 1 });
  });

  it.skipIf(skip)('records why a page cannot be extracted: no body, not HTML', async () => {
    const pdf = await savePage(env.store, {
      url: 'https://x.example.id/laporan.pdf',
      status: 200,
      body: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      contentType: 'application/pdf',
    });
    const empty = await savePage(env.store, { url: 'https://x.example.id/gone', status: 404, body: null, error: 'HTTP 404' });
    const ok = await savePage(env.store, { url: 'https://x.example.id/ok', status: 200, body: OWN_PAGE, contentType: 'text/html' });
    await enqueueExtract(env.queues, [pdf, empty, ok]);
    start();
    await waitFor('two failed', async () => (await env.queues.extract.getFailedCount()) === 2);
    await waitFor('one done', async () => (await completed()) === 1);
    const failed = await listFailedJobs(env.queues);
    expect(failed.every((f) => f.attemptsMade === 1)).toBe(true);
    const reasons = Object.fromEntries(failed.map((f) => [(f.data as { pageId: string }).pageId, f.reason]));
    expect(reasons[pdf]).toMatch(/not HTML \(PDF data, content type application\/pdf\)/);
    expect(reasons[empty]).toMatch(/has no body \(HTTP 404: HTTP 404\)/);
    expect(await loadPage(env.store, pdf)).toMatchObject({ extractState: 'failed', extractError: reasons[pdf] });
    expect(await loadPage(env.store, empty)).toMatchObject({ extractState: 'failed', extractError: reasons[empty] });
    expect((await tableCounts(env.store)).articles).toBe(1);
  });

  it.skipIf(skip)('fails malformed job data permanently, naming the field', async () => {
    await env.queues.extract.add('extract', { pageId: 7 } as never);
    start();
    await waitFor('failed', async () => (await env.queues.extract.getFailedCount()) === 1);
    const [failed] = await listFailedJobs(env.queues);
    expect(failed.attemptsMade).toBe(1);
    expect(failed.reason).toMatch(/^invalid extract job \S+: pageId: /);
  });

  it.skipIf(skip)('retries a transient failure (ECONNRESET) and then succeeds', async () => {
    const calls: { attempt: number; sourceId: string }[] = [];
    start({
      queues: ['crawl'],
      handlers: {
        crawl: async (data, job) => {
          calls.push({ attempt: job.attemptsMade + 1, sourceId: data.sourceId });
          if (calls.length === 1) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
          return { fetched: 3 };
        },
      },
    });
    const [jobId] = await enqueueCrawl(env.queues, { sourceId: 'kendaripos', runId: 'r', maxPages: 3 });
    await waitFor('crawl done', async () => (await env.queues.crawl.getCompletedCount()) === 1);
    expect(calls).toEqual([
      { attempt: 1, sourceId: 'kendaripos' },
      { attempt: 2, sourceId: 'kendaripos' },
    ]);
    const job = await Job.fromId(env.queues.crawl, jobId);
    expect(job).toMatchObject({ attemptsMade: 2, returnvalue: { fetched: 3 } });
    expect(events.map((e) => e.type)).toEqual(['failed', 'completed']);
    expect(events[0]).toMatchObject({ type: 'failed', final: false, error: 'read ECONNRESET' });
  });

  it.skipIf(skip)('does not retry a crawl handler\'s permanent error', async () => {
    let calls = 0;
    start({
      queues: ['crawl'],
      handlers: {
        crawl: async () => {
          calls++;
          throw new PermanentJobError('unknown source "nope"');
        },
      },
    });
    await enqueueCrawl(env.queues, { sourceId: 'nope', runId: 'r' });
    await waitFor('failed', async () => (await env.queues.crawl.getFailedCount()) === 1);
    expect(calls).toBe(1);
    expect((await listFailedJobs(env.queues, { queue: 'crawl' }))[0]).toMatchObject({ reason: 'unknown source "nope"', attemptsMade: 1 });
  });

  it.skipIf(skip)('closes gracefully: stops taking jobs, lets the active one finish', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    const handle = start({
      queues: ['crawl'],
      handlers: {
        crawl: async () => {
          started++;
          await gate;
          return 'finished';
        },
      },
    });
    await enqueueCrawl(env.queues, [
      { sourceId: 'a', runId: 'r' },
      { sourceId: 'b', runId: 'r' },
      { sourceId: 'c', runId: 'r' },
    ]);
    await waitFor('two active', async () => (await env.queues.crawl.getActiveCount()) === 2);
    let closed = false;
    void handle.closed.then(() => (closed = true));
    const closing = handle.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
    expect(started).toBe(2);
    expect(await env.queues.crawl.getJobCounts('completed', 'waiting', 'active')).toEqual({ completed: 2, waiting: 1, active: 0 });
  });

  it.skipIf(skip)('closes on the first signal and forces exit on the second', async () => {
    const handle = start();
    const exits: number[] = [];
    const seen: string[] = [];
    const dispose = closeOnSignals(handle, { signals: ['SIGUSR2'], exit: (c) => exits.push(c), onSignal: (s, mode) => seen.push(`${s}:${mode}`) });
    try {
      process.emit('SIGUSR2', 'SIGUSR2');
      await handle.closed;
      process.emit('SIGUSR2', 'SIGUSR2');
      expect(seen).toEqual(['SIGUSR2:graceful', 'SIGUSR2:force']);
      expect(exits).toEqual([128 + 12]);
    } finally {
      dispose();
    }
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });
});

describe('extract worker on sqlite, database locked', () => {
  let env: WorkerEnv;
  beforeEach(async () => {
    env = await workerEnv('sqlite', { busyTimeoutMs: 50 });
  });
  afterEach(async () => {
    await env.cleanup();
  });

  it('retries while another process holds the write lock (SQLITE_BUSY), then stores the record', async () => {
    const id = await savePage(env.store, { url: 'https://x.example.id/a', status: 200, body: OWN_PAGE, contentType: 'text/html' });
    const other = new Sqlite(env.tdb.options.sqlitePath!);
    other.exec('BEGIN IMMEDIATE');
    const events: WorkerEvent[] = [];
    try {
      env.handles.push(
        startWorkers({ redisUrl: REDIS_URL, prefix: env.prefix, store: env.store, backoff: { baseMs: 100, capMs: 200 }, onEvent: (e) => events.push(e) }),
      );
      await enqueueExtract(env.queues, [id]);
      await waitFor('a failed attempt', () => events.some((e) => e.type === 'failed'));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await waitFor('done', async () => (await env.queues.extract.getCompletedCount()) === 1);
    const failed = events.find((e) => e.type === 'failed');
    expect(failed).toMatchObject({ final: false });
    expect((failed as { error: string }).error).toMatch(/database is locked/);
    expect(await loadPage(env.store, id)).toMatchObject({ extractState: 'done' });
    expect((await tableCounts(env.store)).articles).toBe(1);
  });
});

describe('extractPage and notHtmlReason', () => {
  it('tells HTML from other bodies', () => {
    const page = (contentType: string | null, body: string | Buffer) => ({ contentType, body: Buffer.from(body) });
    expect(notHtmlReason(page('text/html; charset=utf-8', '<p>x</p>'))).toBeUndefined();
    expect(notHtmlReason(page('application/xhtml+xml', '<html/>'))).toBeUndefined();
    expect(notHtmlReason(page(null, '<!DOCTYPE html><html><body>x'))).toBeUndefined();
    expect(notHtmlReason(page('text/plain', '\n  <html><body>mislabelled'))).toBeUndefined();
    expect(notHtmlReason(page('application/pdf', '%PDF-1.4'))).toMatch(/PDF data/);
    expect(notHtmlReason(page(null, '%PDF-1.4'))).toBe('not HTML (PDF data)');
    expect(notHtmlReason(page('image/jpeg', 'whatever'))).toBe('not HTML (content type image/jpeg)');
    expect(notHtmlReason(page('text/plain', 'just words, no markup'))).toMatch(/no markup/);
    expect(notHtmlReason(page(null, Buffer.from([0x3c, 0x70, 0, 1, 2])))).toMatch(/binary/);
    expect(notHtmlReason({ contentType: 'text/html', body: Buffer.alloc(0) })).toBe('empty body');
  });

  it.each(DIALECTS)('works without a queue (%s)', async (dialect) => {
    if (dialect === 'postgres' && !pgUp) return;
    const env = await workerEnv(dialect);
    try {
      const id = await savePage(env.store, { url: 'https://x.example.id/b', status: 200, body: OWN_PAGE, contentType: 'text/html' });
      expect(await extractPage(env.store, id)).toEqual({ pageId: id, relevant: true, commitments: 1 });
      await expect(extractPage(env.store, 'missing')).rejects.toBeInstanceOf(PermanentJobError);
    } finally {
      await env.cleanup();
    }
  });
});

describe('startWorkers options', () => {
  const store = {} as StartWorkersOptions['store'];
  it.each([
    [{ redisUrl: REDIS_URL, store, queues: [] }, /at least one queue/],
    [{ redisUrl: REDIS_URL, store, queues: ['extract', 'parse'] }, /unknown "parse"/],
    [{ redisUrl: REDIS_URL, store, queues: ['crawl'] }, /handlers\.crawl/],
    [{ redisUrl: REDIS_URL, store, concurrency: 0 }, /concurrency for extract/],
    [{ redisUrl: REDIS_URL, store, concurrency: { extract: 1.5 } }, /concurrency for extract/],
    [{ redisUrl: REDIS_URL, store, extractThreads: -1 }, /extractThreads: expected an integer >= 0/],
    [{ store }, /either redisUrl or connection/],
    [{ store, redisUrl: REDIS_URL, connection: () => undefined as never }, /either redisUrl or connection/],
  ])('refuses %j before starting anything', (options, message) => {
    expect(() => startWorkers(options as StartWorkersOptions)).toThrow(message);
  });
});
