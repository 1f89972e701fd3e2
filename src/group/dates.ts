/**
 * Day arithmetic on `YYYY-MM-DD` strings, in whole UTC days (no time zones: the record's dates are calendar days).
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, or null when there is none or it is malformed. */
export function dayNumber(day: string | null | undefined): number | null {
  if (!day) return null;
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/** The `YYYY-MM-DD` date `days` after (before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}
