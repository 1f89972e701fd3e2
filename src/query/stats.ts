/**
 * Counts for the analysts: events by province, by measure and by month, and how many of the 514 regencies and
 * cities (and of the 38 provinces) have at least one event — all under optional filters.
 */
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import { MEASURES } from '../types/record.js';
import type { MeasureType } from '../types/record.js';
import { filterConditions } from './conditions.js';
import type { QueryFilters } from './filters.js';
import { regenciesAndCities } from './regions.js';
import { getGazetteer } from '../extract/region/index.js';

export interface Stats {
  /** Events (grouped commitments) matching the filters. */
  events: number;
  /** Events by province, with its regencies / cities having at least one, most events first. */
  byProvince: { code: string; name: string; events: number; regionsCovered: number; regionsTotal: number }[];
  /** Events having each measure (an event with two measures counts for both), vocabulary order. */
  byMeasure: { measure: MeasureType; events: number }[];
  /** Events by month of their date (YYYY-MM; `unknown` for undated events), oldest first. */
  byMonth: { month: string; events: number }[];
  /** Regencies and cities with at least one event, of how many (514 without a province filter). */
  regionsCovered: number;
  regionsTotal: number;
  /** Provinces with at least one event (their own or of a regency / city), of 38. */
  provincesCovered: number;
  provincesTotal: number;
}

/** Statistics of the events matching `filters` (paging and sort ignored); all events when omitted. */
export async function stats(store: Store, filters: Partial<QueryFilters> = {}): Promise<Stats> {
  const db = store.db;
  const base = db.selectFrom('events').where((eb) => eb.and(filterConditions(store, filters, eb)));
  const month = sql<string | null>`substr(events.event_date, 1, 7)`;
  const [total, byRegion, byMonth, byMeasure] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['events.region_code', 'events.province_code', 'events.region_level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['events.region_code', 'events.province_code', 'events.region_level'])
      .execute(),
    base.select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(month).execute(),
    base
      .innerJoin('event_measures as em', 'em.event_id', 'events.id')
      .select(['em.measure', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('em.measure')
      .execute(),
  ]);
  const g = getGazetteer();
  const provinces = new Map<string, { events: number; covered: number }>();
  let regionsCovered = 0;
  for (const r of byRegion) {
    const p = provinces.get(r.province_code) ?? { events: 0, covered: 0 };
    p.events += Number(r.n);
    if (r.region_level !== 'province') {
      p.covered++;
      regionsCovered++;
    }
    provinces.set(r.province_code, p);
  }
  const measureCounts = new Map(byMeasure.map((m) => [m.measure, Number(m.n)]));
  const scope = filters.province ? [filters.province] : g.provinces();
  return {
    events: Number(total.n),
    byProvince: [...provinces.entries()]
      .map(([code, p]) => ({
        code,
        name: g.byCode(code)?.name ?? code,
        events: p.events,
        regionsCovered: p.covered,
        regionsTotal: regenciesAndCities(code).length,
      }))
      .sort((a, b) => b.events - a.events || a.code.localeCompare(b.code)),
    byMeasure: MEASURES.map((measure) => ({ measure, events: measureCounts.get(measure) ?? 0 })),
    byMonth: byMonth
      .map((m) => ({ month: m.month ?? 'unknown', events: Number(m.n) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
    regionsCovered,
    regionsTotal: scope.reduce((n, p) => n + regenciesAndCities(p.code).length, 0),
    provincesCovered: provinces.size,
    provincesTotal: scope.length,
  };
}
