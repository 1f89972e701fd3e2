/** Month names and abbreviations (Indonesian, old spellings, English) mapped to month numbers. */
export const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3, mrt: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, agst: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

/** Weekday names (Indonesian spellings and English) mapped to the canonical Indonesian name. */
export const WEEKDAYS: Record<string, string> = {
  senin: 'Senin', monday: 'Senin',
  selasa: 'Selasa', tuesday: 'Selasa',
  rabu: 'Rabu', wednesday: 'Rabu',
  kamis: 'Kamis', thursday: 'Kamis',
  jumat: 'Jumat', "jum'at": 'Jumat', 'jum’at': 'Jumat', friday: 'Jumat',
  sabtu: 'Sabtu', saturday: 'Sabtu',
  minggu: 'Minggu', ahad: 'Minggu', sunday: 'Minggu',
};

/** Longest names first so that alternation prefers `Januari` over `Jan`. */
const byLength = (names: string[]) => [...names].sort((a, b) => b.length - a.length).join('|');
export const MONTH_ALT = byLength(Object.keys(MONTHS));
export const WEEKDAY_ALT = byLength(Object.keys(WEEKDAYS));

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when day/month are in range; with an unknown year, 29 February is allowed. */
export function validDayMonth(day: number, month: number, year: number | null): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (year === null ? (month === 2 ? 29 : daysInMonth(2001, month)) : daysInMonth(year, month));
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years are this century's. */
export function fullYear(raw: string): number {
  const n = Number(raw.replace(/^'/, ''));
  return raw.replace(/^'/, '').length <= 2 ? 2000 + n : n;
}

const DAY_MS = 86_400_000;
/** A date this far past the publication date is still read as this year's (announcements of next week). */
const FUTURE_SLACK_DAYS = 7;

/**
 * The year for a day and month given without one, relative to a publication date (YYYY-MM-DD): the
 * latest year that puts the date no more than a week after the reference. So an article of 3 January
 * reads "28 Desember" as last December, one of 30 December reads "2 Januari" as the coming January,
 * and "20 Januari" in an article of 5 January as last year's. Null without a usable reference, or
 * when the day does not exist in the chosen year (29 February).
 */
export function resolveYear(day: number, month: number, reference: string | null | undefined): number | null {
  const m = reference ? /^(\d{4})-(\d{2})-(\d{2})/.exec(reference) : null;
  if (!m) return null;
  const refYear = Number(m[1]);
  const ref = Date.UTC(refYear, Number(m[2]) - 1, Number(m[3]));
  let year = refYear + 1;
  while (Date.UTC(year, month - 1, day) - ref > FUTURE_SLACK_DAYS * DAY_MS) year--;
  return validDayMonth(day, month, year) ? year : null;
}
