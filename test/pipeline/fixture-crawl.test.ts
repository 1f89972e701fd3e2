/**
 * Acceptance: the demo site crawled through the whole pipeline (Crawlee crawl jobs in BullMQ on real Redis, raw
 * pages in SQLite / PostgreSQL, extraction workers) stores exactly the expected articles and commitments, and a
 * second crawl fetches no article page again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/crawl/url/index.js';
import { startDemoSite } from '../../src/demo-site/index.js';
import type { DemoSite } from '../../src/demo-site/index.js';
import { openPipeline, runCrawl } from '../../src/pipeline/index.js';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../queue/helpers.js';
import { createTestDb, postgresAvailable, tableCounts } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { pipelineConfig, storedComparables, truthComparables } from './helpers.js';

let site: DemoSite;
const hasPostgres = await postgresAvailable();

beforeAll(async () => {
  site = await startDemoSite({ politeness: false });
});
afterAll(async () => {
  await site?.close();
});

describe.each(['sqlite', 'postgres'] as const)('crawling the demo site into %s', (dialect) => {
  let db: TestDb;
  const prefix = uniquePrefix(`accept-${dialect}`);

  beforeAll(async () => {
    if (dialect === 'postgres' && !hasPostgres) return;
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.cleanup();
    await deletePrefix(prefix);
  });

  it.skipIf(dialect === 'postgres' && !hasPostgres)(
    'stores exactly the expected articles and commitments, and a second crawl fetches no article page',
    async () => {
      site.reset();
      const config = pipelineConfig(db, REDIS_URL, prefix);
      const p = await openPipeline(config);
      try {
        const first = await runCrawl(p, { sources: site.sources });
        expect(first.sources.map((s) => [s.sourceId, s.state])).toEqual(site.sources.map((s) => [s.id, 'completed']));
        const truthUrls = new Set(site.truth.map((t) => canonicalUrl(t.url)));

        // Articles: one per truth page, nothing else, with the truth's relevance.
        const articles = await p.store.db.selectFrom('articles').select(['url', 'relevant']).execute();
        const stored = await p.store.db.selectFrom('articles').innerJoin('pages', 'pages.id', 'articles.page_id').select(['pages.url']).execute();
        expect(new Set(stored.map((a) => a.url))).toEqual(truthUrls);
        expect(stored).toHaveLength(truthUrls.size);
        expect(articles.filter((a) => a.relevant === 1)).toHaveLength(site.truth.filter((t) => t.relevant).length);
        expect(first.extraction).toMatchObject({ failed: 0, pending: 0 });
        expect(first.extraction.done).toBe(truthUrls.size);

        // Commitments: region, officials, date, circulars and measures as the truth has them.
        expect(await storedComparables(p.store)).toEqual(truthComparables(site.truth));

        // The traps that cannot give an article are stored as failed pages with the reason, not as articles.
        const failedPages = await p.store.db.selectFrom('pages').select(['url', 'error']).where('content_hash', 'is', null).execute();
        expect(failedPages.length).toBeGreaterThanOrEqual(3);
        for (const f of failedPages) expect(f.error, f.url).toBeTruthy();

        // Second crawl: nothing new is fetched, nothing changes.
        const before = await tableCounts(p.store);
        site.reset();
        const second = await runCrawl(p, { sources: site.sources });
        const articleRequests = site.requests.filter((r) => truthUrls.has(canonicalUrl(r.url)));
        expect(articleRequests.map((r) => r.url)).toEqual([]);
        expect(second.sources.every((s) => s.saved === 0 && s.state === 'completed')).toBe(true);
        expect(await tableCounts(p.store)).toEqual({ ...before, sources: before.sources });
      } finally {
        await p.close();
      }
    },
    120_000,
  );
});
