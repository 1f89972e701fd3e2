/**
 * Dates as discovery sources write them, normalised to YYYY-MM-DD (the calendar date as written, no time-zone
 * shift): ISO 8601 / W3C (`2023-10-30T10:00:00+07:00`), RFC 822 in English or Indonesian
 * (`Sen, 30 Okt 2023 10:00:00 +0700`, two-digit years too), Indonesian long dates (`Senin, 30 Oktober 2023`),
 * numeric day-first dates (`30/10/2023`), and Unix timestamps (read in WIB, UTC+7).
 */
import { MONTHS, isoDate, validDayMonth } from '../../extract/dates/calendar.js';
import { normalizeDateValue } from '../../extract/dates/index.js';

const RFC822_SHORT_YEAR = /(?:^|[\s,])(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2})(?:\s|$)/;
const WIB_MS = 7 * 3600 * 1000;

/** YYYY-MM-DD for a date value of a sitemap, feed or listing, or undefined when it cannot be read. */
export function parseLooseDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v) return undefined;
  if (/^\d{10}(?:\d{3})?$/.test(v)) {
    const ms = v.length === 13 ? Number(v) : Number(v) * 1000;
    const d = new Date(ms + WIB_MS);
    const y = d.getUTCFullYear();
    return y >= 1990 && y <= 2100 ? isoDate(y, d.getUTCMonth() + 1, d.getUTCDate()) : undefined;
  }
  const normal = normalizeDateValue(v);
  if (normal) {
    const y = Number(normal.slice(0, 4));
    return y >= 1990 && y <= 2100 ? normal : undefined;
  }
  const m = RFC822_SHORT_YEAR.exec(v);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    const day = Number(m[1]);
    const year = 2000 + Number(m[3]);
    if (month && validDayMonth(day, month, year)) return isoDate(year, month, day);
  }
  return undefined;
}

/** The later of two YYYY-MM-DD dates (either may be missing). */
export function laterDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}
