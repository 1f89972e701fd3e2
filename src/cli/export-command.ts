/**
 * `pantau export --format csv|ndjson|parquet --out FILE`: the whole dataset, one row per event and one per event
 * and source (columns: EXPORT_COLUMNS, the README codebook), streamed from the store.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ParquetWriter, fileWriter, schemaFromColumnData } from 'hyparquet-writer';
import { EXPORT_COLUMNS, csvLine, exportRows } from '../query/index.js';
import type { ExportRow } from '../query/index.js';
import type { ResolvedConfig } from '../config/index.js';
import type { Store } from '../store/index.js';
import { UsageError, openConfiguredStore, runChecked } from './query-command.js';

export const EXPORT_FORMATS = ['csv', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCommandOptions {
  format?: string;
  /** Output file (required; `-` for stdout with csv and ndjson). */
  out?: string;
}

/** Rows per parquet row group. */
const PARQUET_GROUP = 10_000;

async function writeText(store: Store, format: 'csv' | 'ndjson', path: string): Promise<number> {
  const stream = path === '-' ? process.stdout : createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  let n = 0;
  if (format === 'csv') await write(csvLine(EXPORT_COLUMNS.map((c) => c.name)));
  for await (const row of exportRows(store)) {
    await write(format === 'csv' ? csvLine(EXPORT_COLUMNS.map((c) => row[c.name])) : `${JSON.stringify(row)}\n`);
    n++;
  }
  if (stream !== process.stdout) {
    stream.end();
    await once(stream, 'finish');
  }
  return n;
}

function parquetValue(v: ExportRow[string], kind: string): string | number | null {
  if (v === null || v === undefined) return null;
  if (kind === 'list') return (v as string[]).join('; ');
  return v as string | number;
}

async function writeParquet(store: Store, path: string): Promise<number> {
  const columnSpec = (data: unknown[][]) =>
    EXPORT_COLUMNS.map((c, i) => ({ name: c.name, data: data[i] as never, type: c.kind === 'integer' ? ('INT32' as const) : ('STRING' as const), nullable: true }));
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: schemaFromColumnData({ columnData: columnSpec(EXPORT_COLUMNS.map(() => [])) }),
    createdBy: 'pantau',
  });
  let columns: unknown[][] = EXPORT_COLUMNS.map(() => []);
  let pending = 0;
  let n = 0;
  const flush = async () => {
    if (pending === 0) return;
    await writer.write({ columnData: columnSpec(columns), rowGroupSize: PARQUET_GROUP });
    columns = EXPORT_COLUMNS.map(() => []);
    pending = 0;
  };
  for await (const row of exportRows(store)) {
    EXPORT_COLUMNS.forEach((c, i) => columns[i].push(parquetValue(row[c.name], c.kind)));
    pending++;
    n++;
    if (pending >= PARQUET_GROUP) await flush();
  }
  await flush();
  await writer.finish();
  return n;
}

/** Writes the export; resolves to the number of rows. */
export async function exportTo(store: Store, format: ExportFormat, path: string): Promise<number> {
  return format === 'parquet' ? writeParquet(store, path) : writeText(store, format, path);
}

export async function runExport(config: ResolvedConfig['config'], opts: ExportCommandOptions): Promise<number> {
  return runChecked('export', async () => {
    const format = opts.format;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format ${format ?? '(missing)'}: use ${EXPORT_FORMATS.join(', ')}`);
    }
    if (!opts.out) throw new UsageError('--out FILE is required');
    if (opts.out === '-' && format === 'parquet') throw new UsageError('--out -: parquet needs a file');
    const store = await openConfiguredStore(config);
    try {
      const n = await exportTo(store, format as ExportFormat, opts.out);
      if (opts.out !== '-') process.stderr.write(`pantau export: ${n} rows written to ${opts.out}\n`);
      return 0;
    } finally {
      await store.close();
    }
  });
}
