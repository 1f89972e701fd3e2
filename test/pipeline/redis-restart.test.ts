/**
 * Acceptance: Redis going away in the middle of a crawl. Restarted, the run resumes and ends with every article
 * extracted exactly once; gone for good, the run stops with a clear error and nothing stored is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/crawl/url/index.js';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite } from '../../src/demo-site/index.js';
import { openPipeline, RedisOutageError, runCrawl } from '../../src/pipeline/index.js';
import { sleep, uniquePrefix, waitFor } from '../queue/helpers.js';
import { createTestDb, tableCounts } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { pipelineConfig, storedComparables, truthComparables } from './helpers.js';
import { TestRedis } from './redis-server.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite({ politeness: false, articles: 120 });
});
afterAll(async () => {
  await site?.close();
});

async function storedPages(db: TestDb): Promise<number> {
  const store = db.open();
  const row = await store.db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a Redis restart in the middle of a crawl', () => {
  let db: TestDb;
  let redis: TestRedis;
  beforeAll(async () => {
    db = await createTestDb('sqlite');
    redis = await TestRedis.create();
  });
  afterAll(async () => {
    await redis?.destroy();
    await db?.cleanup();
  });

  it('resumes: every article is stored and extracted exactly once', async () => {
    site.reset();
    // Slow enough (50 ms per host) that the restart lands mid-crawl.
    const config = pipelineConfig(db, redis.url, uniquePrefix('restart'), { politenessMs: 50, lockDurationMs: 3000 });
    const p = await openPipeline(config);
    try {
      const run = runCrawl(p, { sources: site.sources, redisOutageMs: 30_000 });
      await waitFor('some pages stored', async () => (await storedPages(db)) >= 20, 30_000);
      await redis.stop('SIGKILL');
      await sleep(1500);
      await redis.start();
      const result = await run;

      expect(result.sources.every((s) => s.state === 'completed')).toBe(true);
      const truthUrls = new Set(site.truth.map((t) => canonicalUrl(t.url)));
      const pages = await p.store.db.selectFrom('pages').select(['url', 'extract_state']).where('content_hash', 'is not', null).execute();
      expect(new Set(pages.map((x) => x.url))).toEqual(truthUrls);
      expect(pages.filter((x) => x.extract_state !== 'done')).toEqual([]);
      const counts = await tableCounts(p.store);
      expect(counts.articles).toBe(truthUrls.size);
      expect(await storedComparables(p.store)).toEqual(truthComparables(site.truth));
    } finally {
      await p.close();
    }
  }, 120_000);

  it('gone for good: stops with a clear error naming Redis, and keeps what was stored', async () => {
    site.reset();
    const fresh = await createTestDb('sqlite');
    const config = pipelineConfig(fresh, redis.url, uniquePrefix('outage'), { politenessMs: 50, lockDurationMs: 3000 });
    const p = await openPipeline(config);
    try {
      const run = runCrawl(p, { sources: site.sources, redisOutageMs: 2000 });
      const outcome = run.then(
        () => undefined,
        (err: unknown) => err,
      );
      await waitFor('some pages stored', async () => (await storedPages(fresh)) >= 10, 30_000);
      await redis.stop('SIGKILL');
      const before = await storedPages(fresh);
      const err = await outcome;
      expect(err).toBeInstanceOf(RedisOutageError);
      expect(String((err as Error).message)).toMatch(new RegExp(`127\\.0\\.0\\.1:${redis.port}.*unreachable`));
      const after = await tableCounts(p.store);
      expect(after.pages).toBeGreaterThanOrEqual(before);
    } finally {
      await p.close();
      await redis.start();
      await fresh.cleanup();
    }
  }, 120_000);
});
