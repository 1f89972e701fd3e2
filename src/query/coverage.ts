/**
 * The coverage gap: which regencies and cities have events, and which have none.
 */
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import type { RegionRef } from '../types/record.js';
import type { QueryFilters } from './filters.js';
import { regenciesAndCities } from './regions.js';

export interface RegionCoverageOptions {
  /** Only this province's regencies and cities (default: all 514). */
  province?: QueryFilters['province'];
  /** Only the regions with no event (default false: every region, with its count). */
  withoutCommitments?: boolean;
}

export interface RegionCoverage {
  region: RegionRef;
  /** Events in the region. */
  events: number;
  /** Latest event date there (null when none). */
  latest: string | null;
}

/**
 * Event count and latest event date per region, from the `region_events` summary (migration 0006, kept by triggers
 * on `events`): one row per region, however many events.
 */
export async function regionEventCounts(store: Store, codes?: string[]): Promise<Map<string, { n: number; latest: string | null }>> {
  if (codes?.length === 0) return new Map();
  const where = codes ? sql`where region_code in (${sql.join(codes)})` : sql``;
  const rows = (await sql<{ region_code: string; events: number | string; latest: string | null }>`
    select region_code, events, latest from region_events ${where}`.execute(store.db)).rows;
  return new Map(rows.map((r) => [r.region_code, { n: Number(r.events), latest: r.latest }]));
}

/** Regencies and cities (of a province, or all) with their event counts, in code order. */
export async function regionCoverage(store: Store, options: RegionCoverageOptions = {}): Promise<RegionCoverage[]> {
  const regions = regenciesAndCities(options.province?.code);
  const counts = await regionEventCounts(store, options.province ? regions.map((r) => r.code) : undefined);
  return regions
    .map((region) => ({ region, events: counts.get(region.code)?.n ?? 0, latest: counts.get(region.code)?.latest ?? null }))
    .filter((r) => !options.withoutCommitments || r.events === 0);
}
