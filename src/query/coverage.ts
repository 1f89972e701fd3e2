/**
 * The coverage gap: which regencies and cities have events, and which have none.
 */
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

/** Regencies and cities (of a province, or all) with their event counts, in code order. */
export async function regionCoverage(store: Store, options: RegionCoverageOptions = {}): Promise<RegionCoverage[]> {
  let q = store.db
    .selectFrom('events')
    .select(['region_code', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('event_date').as('latest')])
    .where('region_level', '<>', 'province')
    .groupBy('region_code');
  if (options.province) q = q.where('province_code', '=', options.province.code);
  const counts = new Map((await q.execute()).map((r) => [r.region_code, { n: Number(r.n), latest: r.latest as string | null }]));
  return regenciesAndCities(options.province?.code)
    .map((region) => ({ region, events: counts.get(region.code)?.n ?? 0, latest: counts.get(region.code)?.latest ?? null }))
    .filter((r) => !options.withoutCommitments || r.events === 0);
}
