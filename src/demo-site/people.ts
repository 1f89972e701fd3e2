/**
 * Invented people and Indonesian date phrasing for the demo site. Names are combinations of common first names
 * and surnames from across the archipelago; no combination is meant to denote a real person.
 */
import type { Rng } from './prng.js';

const FIRST = [
  'Ahmad', 'Andi', 'Bambang', 'Budi', 'Dedi', 'Dewi', 'Eko', 'Fajar', 'Gusti', 'Hendra', 'Herlina', 'Indah', 'Irwan',
  'Joko', 'Kadek', 'Lukman', 'Maria', 'Marthen', 'Nurhayati', 'Nyoman', 'Ramli', 'Ratna', 'Rizal', 'Sri', 'Syamsul',
  'Taufik', 'Teguh', 'Wahyu', 'Yohanes', 'Yulianti', 'Zainal', 'Hasan', 'Ketut', 'Agustinus', 'Fransiskus', 'Ilham',
  'Rusdi', 'Darmawan', 'Sitti', 'Abdul',
];
const LAST = [
  'Pakaya', 'Simanjuntak', 'Wiranata', 'Lamusu', 'Tandiarrang', 'Hasibuan', 'Mokodompit', 'Saputra', 'Kaunang',
  'Sitompul', 'Wattimena', 'Pratama', 'Bachtiar', 'Latuconsina', 'Gobel', 'Purba', 'Nasution', 'Harahap', 'Siregar',
  'Manurung', 'Rumbewas', 'Tamher', 'Lapudooh', 'Karim', 'Sumantri', 'Hidayat', 'Kurniawan', 'Setiawan', 'Marpaung',
  'Halawa', 'Sembiring', 'Rangkuti', 'Lubis', 'Tumbelaka', 'Mamonto', 'Raharjo', 'Sudirja', 'Ningsih', 'Pattinama',
  'Bakri',
];
const TITLES = ['', '', '', 'Drs. ', 'Ir. ', 'H. ', 'Dr. ', 'Hj. '];
const DEGREES = ['', '', '', ', S.Sos', ', M.Si', ', S.H., M.H.', ', S.STP, M.Si', ', S.E.', ', M.AP'];
/** First names too common to be used alone for the person. */
const GENERIC_FIRST = new Set(['Ahmad', 'Andi', 'Sri', 'Gusti', 'Kadek', 'Nyoman', 'Ketut', 'Abdul', 'Sitti']);

export interface Person {
  /** First name and surname, no title: `Ramli Pakaya`. */
  plain: string;
  /** With titles and degrees as press releases print them: `Drs. Ramli Pakaya, M.Si`. */
  formal: string;
  /** How later sentences call the person: `Ramli` (or the surname when the first name is generic). */
  call: string;
}

export function person(rng: Rng, used?: Set<string>): Person {
  for (let attempt = 0; ; attempt++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const plain = `${first} ${last}`;
    if (used && (used.has(first) || used.has(last)) && attempt < 20) continue;
    used?.add(first);
    used?.add(last);
    let title = rng.pick(TITLES);
    if (title === 'Hj. ' && !/(Dewi|Herlina|Indah|Maria|Nurhayati|Ratna|Sri|Yulianti|Sitti)/.test(first)) title = 'H. ';
    return { plain, formal: `${title}${plain}${rng.pick(DEGREES)}`, call: GENERIC_FIRST.has(first) ? last : first };
  }
}

export const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
export const MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];

/** A calendar day. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export function dayFromIso(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

export function iso(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

export function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function weekday(day: Day): string {
  return DAYS[new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay()];
}

/** `Senin, 30 Oktober 2023` */
export function longDate(day: Day): string {
  return `${weekday(day)}, ${day.d} ${MONTHS[day.m - 1]} ${day.y}`;
}

/**
 * The event date as news writes it: `Senin (30/10/2023)`, `Senin (30/10/23)`, `Senin, 30 Oktober 2023`, or
 * `Senin (30/10)` when the publication is in the same month (the reader takes the year from the dateline).
 */
export function eventDatePhrase(rng: Rng, day: Day, published: Day): string {
  const w = weekday(day);
  const forms = [
    `${w} (${day.d}/${day.m}/${day.y})`,
    `${w} (${day.d}/${day.m}/${String(day.y).slice(2)})`,
    `${w}, ${day.d} ${MONTHS[day.m - 1]} ${day.y}`,
    `${w} (${String(day.d).padStart(2, '0')}/${String(day.m).padStart(2, '0')}/${day.y})`,
  ];
  if (published.y === day.y && published.m === day.m) forms.push(`${w} (${day.d}/${day.m})`);
  return rng.pick(forms);
}
