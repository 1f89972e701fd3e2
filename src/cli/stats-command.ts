/** `pantau stats`: events by province, by measure and by month, and how many regencies/cities have one. */
import { parseQueryFilters, stats } from '../query/index.js';
import type { ResolvedConfig } from '../config/index.js';
import { filterInput, openConfiguredStore, pickFormat, renderTextTable, runChecked } from './query-command.js';
import type { Output, QueryOptions } from './query-command.js';

/** `--format table|json` (table on a terminal, json when piped) and the query filters (paging ignored). */
export async function runStats(config: ResolvedConfig['config'], opts: QueryOptions, io: Output = {}): Promise<number> {
  const out = io.out ?? ((t: string) => process.stdout.write(t));
  return runChecked('stats', async () => {
    const format = pickFormat(opts.format, ['table', 'json'] as const, io.isTTY ?? process.stdout.isTTY, 'json');
    const filters = parseQueryFilters(filterInput(opts));
    const store = await openConfiguredStore(config);
    try {
      const s = await stats(store, filters);
      if (format === 'json') {
        out(`${JSON.stringify(s, null, 2)}\n`);
        return 0;
      }
      const parts = [
        `${s.events} events; regencies/cities with at least one: ${s.regionsCovered} of ${s.regionsTotal}; provinces: ${s.provincesCovered} of ${s.provincesTotal}`,
        renderTextTable([
          ['PROVINCE', 'EVENTS', 'REGENCIES/CITIES COVERED'],
          ...s.byProvince.map((p) => [`${p.code} ${p.name}`, String(p.events), `${p.regionsCovered} of ${p.regionsTotal}`]),
        ]),
        renderTextTable([['MEASURE', 'EVENTS'], ...s.byMeasure.map((m) => [m.measure, String(m.events)])]),
        renderTextTable([['MONTH', 'EVENTS'], ...s.byMonth.map((m) => [m.month, String(m.events)])]),
      ];
      out(`${parts.join('\n\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  });
}
