import {
  MONTHS, MONTH_ALT, WEEKDAYS, WEEKDAY_ALT, fullYear, isoDate, resolveYear, validDayMonth,
} from './calendar.js';

/**
 * A date written in a text. `date` is YYYY-MM-DD, or '' when no year could be resolved (no year in
 * the text and no reference date) and for weekday-only mentions: callers that need a date ignore
 * those, callers that need to know a weekday was named still see them.
 */
export interface DateMention {
  start: number;
  end: number;
  date: string;
  /** True when the text itself gives the year. */
  hasYear: boolean;
  /** Canonical Indonesian weekday name (`Senin` ... `Minggu`) when one is written with the date. */
  weekday: string | null;
  /** full: month by name with year; numeric: digits only; dayMonth: month by name, no year; weekdayOnly. */
  kind: 'full' | 'numeric' | 'dayMonth' | 'weekdayOnly';
}

export interface FindDatesOptions {
  /** Publication date YYYY-MM-DD, used to give a year to dates written without one. */
  reference?: string | null;
}

// Boundaries: no letter or digit may touch a match, so `2023` in `20231` or `Mei` in `Meikarta` fail.
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const WD = `(?:(${WEEKDAY_ALT})\\s*,?\\s*)`;
const YEAR = "(\\d{4}|'\\d{2})";

type Parts = { weekday?: string; day: string; month: number; year?: string; kind: DateMention['kind'] };

/** A date pattern and how to read its match; the year is resolved afterwards against the reference. */
interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray): Parts | null;
  /**
   * A cheap regex that matches inside every match of `re`: a text without it is not scanned with `re`, whose
   * leading look-behind and weekday names make a scan slow.
   */
  needs?: RegExp;
}

function weekdayName(raw: string | undefined): string | null {
  return raw ? WEEKDAYS[raw.toLowerCase()] ?? null : null;
}

function monthNumber(raw: string): number {
  return MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function makeBuilder(reference: string | null | undefined) {
  return (p: Parts): Omit<DateMention, 'start' | 'end'> | null => {
    const day = Number(p.day);
    const weekday = weekdayName(p.weekday);
    if (p.year !== undefined) {
      const year = fullYear(p.year);
      if (!validDayMonth(day, p.month, year)) return null;
      return { date: isoDate(year, p.month, day), hasYear: true, weekday, kind: p.kind };
    }
    if (!validDayMonth(day, p.month, null)) return null;
    const year = resolveYear(day, p.month, reference);
    return { date: year === null ? '' : isoDate(year, p.month, day), hasYear: false, weekday, kind: p.kind };
  };
}

// Compiled once: the patterns are large alternations, and findDates runs several times per article.
// They are global regexes, so findDates resets `lastIndex` before each scan.
const PATTERNS: Pattern[] = [
  // 2024-05-21 (also the date part of 2024-05-21T10:00).
  {
    re: new RegExp(`${L}(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{N}])`, 'gu'),
    read: (m) => ({ day: m[3], month: Number(m[2]), year: m[1], kind: 'numeric' }),
  },
  // Rabu (17/1/2024), Minggu (15/9), (30/10/23).
  {
    re: new RegExp(`${L}(?:(${WEEKDAY_ALT})\\s*)?\\(\\s*(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?\\s*\\)`, 'giu'),
    read: (m) => (!m[1] && !m[4] ? null : { weekday: m[1], day: m[2], month: Number(m[3]), year: m[4], kind: 'numeric' }),
    needs: /\(\s*\d{1,2}\//,
  },
  // Senin, 30 Oktober 2023 / 30 Okt. 2023 / 17 Januari.
  {
    re: new RegExp(`${L}${WD}?(\\d{1,2})\\s+(${MONTH_ALT})\\.?${R}(?:\\s*,?\\s*${YEAR}${R})?`, 'giu'),
    read: (m) => ({ weekday: m[1], day: m[2], month: monthNumber(m[3]), year: m[4], kind: m[4] ? 'full' : 'dayMonth' }),
    needs: new RegExp(`\\d\\s+(?:${MONTH_ALT})`, 'iu'),
  },
  // Oktober 30, 2023 / Monday, November 18, 2019 / November 18.
  {
    re: new RegExp(`${L}${WD}?(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${R}(?:\\s*,?\\s*(\\d{4})${R})?`, 'giu'),
    read: (m) => ({ weekday: m[1], day: m[3], month: monthNumber(m[2]), year: m[4], kind: m[4] ? 'full' : 'dayMonth' }),
  },
  // 21-05-2024, 21/05/2024, 21.05.2024, and 30/10/23 with slashes only.
  {
    re: new RegExp(`${L}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${R}|${L}(\\d{1,2})/(\\d{1,2})/(\\d{2})${R}`, 'gu'),
    read: (m) =>
      m[1]
        ? { day: m[1], month: Number(m[3]), year: m[4], kind: 'numeric' }
        : { day: m[5], month: Number(m[6]), year: m[7], kind: 'numeric' },
  },
];

/** `Minggu` is also the word for "week": as a bare weekday it needs a capital and no week-like follower. */
const WEEKDAY_ONLY = new RegExp(`${L}(${WEEKDAY_ALT})${R}`, 'giu');
const WEEK_SENSE = /^\s*(?:lalu|depan|ini|ke-?|kemarin|pertama|kedua|ketiga|terakhir|sebelumnya|berikutnya)/i;

/**
 * Finds dates written in Indonesian or English text: `Senin, 30 Oktober 2023`, `30 Okt 2023`,
 * `Oktober 30, 2023`, `Rabu (17/1/2024)`, `(30/10/23)`, `Minggu (15/9)`, `17 Januari`, `2024-05-21`,
 * `21-05-2024`, `21/05/2024`, `21.05.2024`, and bare weekdays (`pada Kamis`). Impossible dates
 * (31/2) are skipped. Dates without a year take one from `opts.reference` (see {@link resolveYear});
 * without a reference their `date` is ''. Mentions are returned in text order and never overlap.
 */
export function findDates(text: string, opts: FindDatesOptions = {}): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const build = makeBuilder(opts.reference);
  for (const { re, read, needs } of PATTERNS) {
    if (needs && !needs.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const parts = read(m);
      const mention = parts && build(parts);
      if (!mention) continue;
      found.push({ start, end, ...mention });
      taken.push([start, end]);
    }
  }
  WEEKDAY_ONLY.lastIndex = 0;
  for (let m = WEEKDAY_ONLY.exec(text); m; m = WEEKDAY_ONLY.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const word = m[1];
    if (word[0] !== word[0].toUpperCase()) continue;
    if (word.toLowerCase() === 'minggu' && WEEK_SENSE.test(text.slice(end, end + 20))) continue;
    found.push({ start, end, date: '', hasYear: false, weekday: weekdayName(word), kind: 'weekdayOnly' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** How far into a body a dateline can sit (after a city name, outlet tag and byline). */
const DATELINE_WINDOW = 300;
/** What may precede a dateline on its line: `KENDARI, KOMPAS.com -`, `JAKARTA |`, `Jakarta:`. */
const DATELINE_PREFIX = /^[\p{L}\s.,'’()]{2,60}\s*[-–—|:]\s*$/u;

/**
 * The date of a dateline at the start of an article body, as YYYY-MM-DD, or null. Accepted are dates
 * with a written year in the first ~300 characters that open a line (`Selasa, 21 Mei 2024 19:21`),
 * follow a `CITY, OUTLET -` lead-in, or use the weekday-parenthesis style of Indonesian news ledes
 * (`KENDARI, KOMPAS - ... Rabu (17/1/2024)`). A date inside a sentence ("digelar pada 27 November
 * 2024") is what the article talks about, not when it was written, and is ignored.
 */
export function parseDateline(text: string): string | null {
  const head = text.slice(0, DATELINE_WINDOW);
  for (const m of findDates(head, {})) {
    if (!m.hasYear || !m.date) continue;
    const lineStart = head.lastIndexOf('\n', m.start - 1) + 1;
    const before = head.slice(lineStart, m.start).trim();
    if (!before || DATELINE_PREFIX.test(before) || (m.weekday && m.kind === 'numeric')) return m.date;
  }
  return null;
}

/**
 * Normalises a date value from page metadata (`2024-05-21T23:30:00+07:00`, `2024/05/21`, `20240521`,
 * `Selasa, 21 Mei 2024`) to YYYY-MM-DD, keeping the local date as written (no time-zone shift).
 */
export function normalizeDateValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().slice(0, 200);
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/.exec(v);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return validDayMonth(d, mo, y) && y >= 1900 && y <= 2200 ? isoDate(y, mo, d) : null;
  }
  for (const m of findDates(v, {})) if (m.hasYear && m.date) return m.date;
  return null;
}
