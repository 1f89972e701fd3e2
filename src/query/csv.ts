/** CSV per RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */

/** One field: quoted (quotes doubled) when needed; null is empty; lists are `; `-joined. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
