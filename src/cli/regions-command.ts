/** `pantau regions [--without-commitments] [--province X]`: regencies and cities with their event counts. */
import { csvLine, parseQueryFilters, regionCoverage } from '../query/index.js';
import type { ResolvedConfig } from '../config/index.js';
import { openConfiguredStore, pickFormat, renderTextTable, runChecked } from './query-command.js';
import type { Output } from './query-command.js';

export interface RegionsOptions {
  /** Only regions with no event (the coverage gap). Default: all, with counts. */
  withoutCommitments?: boolean;
  /** Code, name or abbreviation of a province. Default: all 38. */
  province?: string;
  /** table (default on a terminal) | csv | json | ndjson (default when piped). */
  format?: string;
}

export async function runRegions(config: ResolvedConfig['config'], opts: RegionsOptions, io: Output = {}): Promise<number> {
  const out = io.out ?? ((t: string) => process.stdout.write(t));
  return runChecked('regions', async () => {
    const format = pickFormat(opts.format, ['table', 'csv', 'json', 'ndjson'] as const, io.isTTY ?? process.stdout.isTTY, 'ndjson');
    const { province } = parseQueryFilters({ province: opts.province });
    const store = await openConfiguredStore(config);
    try {
      const list = await regionCoverage(store, { province, withoutCommitments: Boolean(opts.withoutCommitments) });
      const flat = list.map((r) => ({
        code: r.region.code,
        name: r.region.name,
        level: r.region.level,
        province_code: r.region.province.code,
        province_name: r.region.province.name,
        events: r.events,
        latest: r.latest,
      }));
      if (format === 'json') out(`${JSON.stringify(flat, null, 2)}\n`);
      else if (format === 'ndjson') for (const r of flat) out(`${JSON.stringify(r)}\n`);
      else if (format === 'csv') {
        const cols = ['code', 'name', 'level', 'province_code', 'province_name', 'events', 'latest'] as const;
        out(csvLine(cols));
        for (const r of flat) out(csvLine(cols.map((c) => r[c])));
      } else {
        const rows = [['CODE', 'REGION', 'PROVINCE', 'EVENTS', 'LATEST']];
        for (const r of flat) rows.push([r.code, r.name, r.province_name, String(r.events), r.latest ?? '-']);
        out(`${renderTextTable(rows)}\n\n${flat.length} regencies/cities${opts.withoutCommitments ? ' without any commitment' : ''}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  });
}
