/**
 * Counts for the analysts: events by province, by measure and by month, and how many of the 514 regencies and
 * cities (and of the 38 provinces) have at least one event — all under optional filters.
 *
 * Three grouped reads: events by region (the total is their sum; province and level follow from the region code),
 * by month of their date, and `event_measures` rows by measure. With filters on region, province or dates each is
 * a range of an index of migration 0006 read alone; without any filter, the per-region counts come from the
 * `region_events` summary.
 */
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import { MEASURES } from '../types/record.js';
import type { MeasureType } from '../types/record.js';
import { driverConditions, whereClause } from './conditions.js';
import { regionEventCounts } from './coverage.js';
import type { QueryFilters } from './filters.js';
import { resolveSemiJoins } from './plan.js';
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

type Counted<K extends string> = Record<K, string | null> & { n: number | string };

/** Whether any filter narrows the events (paging and sort aside). */
function filtered(filters: Partial<QueryFilters>): boolean {
  return Boolean(
    filters.regions?.length || filters.province || filters.measures?.length || filters.since || filters.until || filters.official || filters.source || filters.text,
  );
}

/** Statistics of the events matching `filters` (paging and sort ignored); all events when omitted. */
export async function stats(store: Store, filters: Partial<QueryFilters> = {}): Promise<Stats> {
  const resolved = await resolveSemiJoins(store, filters);
  const none = resolved?.ids.length === 0;
  const events = whereClause(driverConditions(store, filters, 'events', { resolved }));
  const measureRows = whereClause(driverConditions(store, filters, 'event_measures', { everyMeasure: true, resolved }));
  const month = sql`substr(d.event_date, 1, 7)`;
  const [byRegion, byMonth, byMeasure] = none
    ? [[], [], []]
    : await Promise.all([
        filtered(filters)
          ? sql<Counted<'region_code'>>`select d.region_code, count(*) as n from events d ${events} group by d.region_code`
              .execute(store.db)
              .then((r) => r.rows)
          : regionEventCounts(store).then((m) => [...m].map(([region_code, c]) => ({ region_code, n: c.n }))),
        sql<Counted<'month'>>`select ${month} as month, count(*) as n from events d ${events} group by ${month}`.execute(store.db).then((r) => r.rows),
        sql<Counted<'measure'>>`select d.measure, count(*) as n from event_measures d ${measureRows} group by d.measure`
          .execute(store.db)
          .then((r) => r.rows),
      ]);
  const g = getGazetteer();
  const provinces = new Map<string, { events: number; covered: number }>();
  let regionsCovered = 0;
  let total = 0;
  for (const r of byRegion) {
    const n = Number(r.n);
    if (n <= 0) continue;
    total += n;
    // Kemendagri codes: a province `74`, its regencies and cities `74.xx`.
    const code = r.region_code!;
    const provinceCode = code.split('.')[0];
    const p = provinces.get(provinceCode) ?? { events: 0, covered: 0 };
    p.events += n;
    if (code.includes('.')) {
      p.covered++;
      regionsCovered++;
    }
    provinces.set(provinceCode, p);
  }
  const measureCounts = new Map(byMeasure.map((m) => [m.measure, Number(m.n)]));
  const scope = filters.province ? [filters.province] : g.provinces();
  return {
    events: total,
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
