/**
 * Export formats on both dialects: CSV (RFC 4180, read back), NDJSON and parquet (read back with hyparquet), and
 * CSV quoting of awkward values.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTo } from '../../src/cli/export-command.js';
import { EXPORT_COLUMNS, csvLine } from '../../src/query/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, createTestDb, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { csvObjects, parseCsv } from './csv-parse.js';
import { seed } from './seed.js';

const pgUp = await postgresAvailable();

it('quotes CSV fields per RFC 4180', () => {
  const line = csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 3, ['x', 'y'], 'Kendarí ✓']);
  expect(line).toBe('plain,"a,b","say ""hi""","two\nlines",,3,x; y,Kendarí ✓\r\n');
  expect(parseCsv(line)).toEqual([['plain', 'a,b', 'say "hi"', 'two\nlines', '', '3', 'x; y', 'Kendarí ✓']]);
});

describe.each(DIALECTS)('export on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await seed(store);
    dir = mkdtempSync(join(tmpdir(), 'pantau-export-'));
  });
  afterAll(async () => {
    if (skip) return;
    await tdb.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('writes CSV with a header row, one row per event and per source', async () => {
    const file = join(dir, 'out.csv');
    expect(await exportTo(store, 'csv', file)).toBe(16);
    const rows = csvObjects(readFileSync(file, 'utf8'));
    expect(Object.keys(rows[0])).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(rows.filter((r) => r.row_type === 'event')).toHaveLength(6);
    const src = rows.find((r) => r.source_url === 'https://kaltimpost.test/se')!;
    expect(src).toMatchObject({ region_code: '64.02', source_officials: "Edi D'Amran (Bupati)", source_title: 'Bupati Kukar Terbitkan Surat Edaran Netralitas' });
    const pact = rows.find((r) => r.row_type === 'event' && r.articles === '4')!;
    expect(pact.measures).toBe('integrity_pact; sanction');
    expect(pact.source_url).toBe('');
  });

  it.skipIf(skip)('writes NDJSON with lists as arrays', async () => {
    const file = join(dir, 'out.ndjson');
    await exportTo(store, 'ndjson', file);
    const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(16);
    expect(rows.find((r) => r.articles === 4 && r.row_type === 'event').measures).toEqual(['integrity_pact', 'sanction']);
  });

  it.skipIf(skip)('writes parquet that a reader reads back', async () => {
    const file = join(dir, 'out.parquet');
    await exportTo(store, 'parquet', file);
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Record<string, unknown>[];
    expect(rows).toHaveLength(16);
    expect(Object.keys(rows[0]).sort()).toEqual(EXPORT_COLUMNS.map((c) => c.name).sort());
    const pact = rows.find((r) => r.row_type === 'event' && r.articles === 4)!;
    expect(pact).toMatchObject({ region_code: '74.71', measures: 'integrity_pact; sanction', sites: 3, source_url: null });
    expect(rows.filter((r) => r.source_id === 'kendaripos')).toHaveLength(3);
  });
});
