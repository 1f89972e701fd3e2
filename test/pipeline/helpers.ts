/**
 * Test support for whole-pipeline runs: a configuration pointing at a test database, a test Redis and a unique
 * queue prefix, and reading what the store holds back as comparable records.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/index.js';
import type { PantauConfig } from '../../src/config/index.js';
import { canonicalUrl } from '../../src/crawl/url/index.js';
import type { TruthArticle } from '../../src/demo-site/index.js';
import type { Store } from '../../src/store/index.js';
import type { TestDb } from '../store/helpers.js';

export function pipelineConfig(db: TestDb, redisUrl: string, queuePrefix: string, extra: Partial<PantauConfig> = {}): PantauConfig {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-pipeline-'));
  const flags: Partial<Record<keyof PantauConfig, unknown>> = {
    ...(db.options.databaseUrl ? { databaseUrl: db.options.databaseUrl } : { db: db.options.sqlitePath }),
    redisUrl,
    queuePrefix,
    dataDir,
    politenessMs: 0,
    lockDurationMs: 5000,
    ...extra,
  };
  return resolveConfig({ flags, env: {} }).config;
}

/** A commitment as the comparison sees it: everything but evidence, lists sorted where order is not defined. */
export interface Comparable {
  url: string;
  region_code: string;
  officials: string[];
  event_date: string | null;
  circulars: string[];
  measures: string[];
}

export function truthComparables(truth: TruthArticle[]): Comparable[] {
  return truth
    .flatMap((t) =>
      t.commitments.map((c) => ({
        url: canonicalUrl(t.url),
        region_code: c.region_code,
        officials: c.officials,
        event_date: c.event_date,
        circulars: [...c.circulars].sort(),
        measures: [...new Set(c.measures)].sort(),
      })),
    )
    .sort(byKey);
}

function byKey(a: Comparable, b: Comparable): number {
  return `${a.url} ${a.region_code}`.localeCompare(`${b.url} ${b.region_code}`);
}

/** Every stored commitment, read back from the tables (not from the extractor), in comparable form. */
export async function storedComparables(store: Store): Promise<Comparable[]> {
  const db = store.db;
  const commitments = await db
    .selectFrom('commitments')
    .innerJoin('pages', 'pages.id', 'commitments.article_id')
    .select(['commitments.id', 'pages.url', 'commitments.region_code', 'commitments.event_date'])
    .execute();
  const officials = await db.selectFrom('officials').select(['commitment_id', 'name', 'ordinal']).orderBy('ordinal').execute();
  const circulars = await db.selectFrom('circulars').select(['commitment_id', 'number']).execute();
  const measures = await db.selectFrom('measures').select(['commitment_id', 'type']).execute();
  return commitments
    .map((c) => ({
      url: c.url,
      region_code: c.region_code,
      officials: officials.filter((o) => o.commitment_id === c.id).map((o) => o.name),
      event_date: c.event_date,
      circulars: circulars.filter((x) => x.commitment_id === c.id).map((x) => x.number).sort(),
      measures: [...new Set(measures.filter((m) => m.commitment_id === c.id).map((m) => m.type))].sort(),
    }))
    .sort(byKey);
}
