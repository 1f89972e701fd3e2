/**
 * The analysts' query layer, shared by the CLI (`pantau query|stats|regions|export`) and the HTTP API:
 *
 *   const filters = parseQueryFilters({ region: 'Kukar', measure: ['pledge'], since: '2024-01-01' }); // QueryParamError
 *   const { total, totalCapped, items } = await queryEvents(store, filters);   // one item per event, with its sources;
 *                                                                 // counted up to 1,000 unless { exactTotal: true }
 *   const event = await getEvent(store, id);                      // a merged id resolves
 *   const s = await stats(store, filters);
 *   const gap = await regionCoverage(store, { province: filters.province, withoutCommitments: true });
 *   for await (const row of exportRows(store)) ...
 *
 * Every value reaches SQL as a binding (Kysely), never as text.
 */
export { QueryParamError } from './errors.js';
export {
  parseQueryFilters,
  FILTER_PARAMS,
  SORTS,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_PARAM_LENGTH,
  MAX_REPEAT,
  MIN_TEXT_LENGTH,
  MAX_OFFSET,
} from './filters.js';
export type { QueryFilters, SortKey } from './filters.js';
export { resolveProvince, resolveRegion, regenciesAndCities } from './regions.js';
export { queryEvents, getEvent, TOTAL_CAP } from './events.js';
export type { EventItem, EventPage, EventSourceRef, QueryEventsOptions } from './events.js';
export { stats } from './stats.js';
export type { Stats } from './stats.js';
export { regionCoverage } from './coverage.js';
export type { RegionCoverage, RegionCoverageOptions } from './coverage.js';
export { exportRows, EXPORT_COLUMNS } from './export.js';
export type { ExportColumn, ExportOptions, ExportRow, ExportValue } from './export.js';
export { csvField, csvLine } from './csv.js';
