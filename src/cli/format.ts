import type { ExtractOutput } from '../types/record.js';
import { isErrorRecord } from '../types/record.js';

export const FORMATS = ['json', 'ndjson', 'table'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** `json` on a terminal, `ndjson` when piped, unless the user chose. */
export function defaultFormat(isTTY: boolean | undefined): OutputFormat {
  return isTTY ? 'json' : 'ndjson';
}

export function parseFormat(value: string): OutputFormat {
  if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new Error(`--format ${value}: unknown format (use ${FORMATS.join(', ')})`);
}

/** Renders records as an aligned text table: one row per commitment, or one row for an article without any. */
export function renderTable(records: ExtractOutput[]): string {
  const rows: string[][] = [['input', 'relevant', 'score', 'region', 'officials', 'event_date', 'circulars', 'measures']];
  for (const r of records) {
    if (isErrorRecord(r)) {
      rows.push([r.input, 'ERROR', '', r.error, '', '', '', '']);
      continue;
    }
    const base = [r.input, r.relevant ? 'yes' : 'no', r.relevance.toFixed(2)];
    if (r.commitments.length === 0) rows.push([...base, '-', '', '', '', '']);
    for (const c of r.commitments) {
      rows.push([
        ...base,
        `${c.region.code} ${c.region.name}`,
        c.officials.map((o) => `${o.name} (${o.position})`).join('; '),
        c.event_date ?? '-',
        c.circulars.map((x) => x.number).join('; '),
        c.measures.map((m) => m.type).join(', '),
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((row) => row[i].length))));
  return rows
    .map((row) => row.map((cell, i) => truncate(cell, widths[i]).padEnd(widths[i])).join('  ').trimEnd())
    .join('\n');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Serialises one record for ndjson. */
export function toNdjsonLine(r: ExtractOutput): string {
  return JSON.stringify(r);
}
