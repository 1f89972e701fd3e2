import { findDates } from '../dates/index.js';
import type { DateMention } from '../dates/index.js';
import type { AnalysisDoc } from '../text/document.js';

// A date introduced as the day of the election, a swearing-in or a scheduled stage ("Pilkada ... pada Rabu, 27
// November 2024", "dilantik ... pada Jumat (11/10)") is not when the reported event happened.
const SCHEDULED_BEFORE =
  /\b(?:pilkada|pemilu|pemilihan|pemungutan\s+suara|pencoblosan|hari\s+h|pelantikan|dilantik|kampanye|pendaftaran|tahapan|jadwal|dijadwalkan)\b[^.;!?"“”]{0,90}\b(?:pada|tanggal|tgl\.?)\s*(?:hari\s+)?$/i;
const WEEKDAYS = ['minggu', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'];

/**
 * The date of the reported event: the first dated weekday ("Senin (30/10/23)", "Rabu, 17 Januari 2024") that is
 * not the publication dateline or an election date, else the first issuance/effective date ("dikeluarkan
 * tanggal 13 Mei 2024", "berlaku sejak ..."), else the first other full date; null when the text dates nothing
 * or dates the event by a weekday alone.
 * A date without year takes it from the publication date, or, when that is unknown, from the years the text
 * names, choosing the one on which the stated weekday falls.
 */
export function eventDate(doc: AnalysisDoc, publishedAt: string | null): string | null {
  const all = findDates(doc.full, { reference: publishedAt });
  const mentions = all.filter((m) => m.kind !== 'weekdayOnly');
  const usable = mentions.filter((m) => !isDateline(doc, m, publishedAt) && !isElectionDate(doc, m));
  const resolved = usable
    .map((m) => ({ m, date: m.date || inferYear(doc, m) }))
    .filter((x): x is { m: DateMention; date: string } => Boolean(x.date));
  const future = publishedAt ? (d: string) => d > addDays(publishedAt, 1) : () => false;
  const candidates = resolved.filter((x) => !future(x.date));
  const withWeekday = candidates.find(
    (x) => x.m.weekday || all.some((w) => w.kind === 'weekdayOnly' && datedRightAfter(doc, w, [x.m])),
  );
  if (withWeekday) return withWeekday.date;
  // "..., kata Ali di Ternate, Senin.": the event is dated by a weekday alone; other dates are background.
  if (all.some((m) => m.kind === 'weekdayOnly' && !datedRightAfter(doc, m, mentions))) return null;
  const issued = candidates.find((x) =>
    /\b(?:tanggal|tgl\.?|sejak|pada|per)\s*$/i.test(doc.full.slice(Math.max(0, x.m.start - 20), x.m.start)),
  );
  if (issued) return issued.date;
  return candidates[0]?.date ?? null;
}

/** "Senin kemarin (28/8/2023)": a weekday whose date follows a word later. */
function datedRightAfter(doc: AnalysisDoc, weekday: DateMention, dated: DateMention[]): boolean {
  return dated.some((d) => d.start >= weekday.end && /^[\s,]*(?:\p{L}+\s*)?[,(]?\s*$/u.test(doc.full.slice(weekday.end, d.start)));
}

/** The outlet's dateline at the top of the body repeats the publication date; it is not the event. */
function isDateline(doc: AnalysisDoc, m: DateMention, publishedAt: string | null): boolean {
  if (m.start < doc.textStart) return false;
  const offset = m.start - doc.textStart;
  const after = doc.full.slice(m.end, m.end + 12);
  if (/^\s*[,|-]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}/i.test(after)) return true;
  return offset < 80 && publishedAt !== null && m.date === publishedAt && !/\(/.test(doc.full.slice(m.start - 2, m.start));
}

function isElectionDate(doc: AnalysisDoc, m: DateMention): boolean {
  if (SCHEDULED_BEFORE.test(doc.full.slice(Math.max(0, m.start - 140), m.start))) return true;
  // Either end of a range ("5 Mei - 19 Agustus 2024", "27 - 29 Agustus") is a schedule, not an event.
  const before = doc.full.slice(Math.max(0, m.start - 12), m.start);
  const after = doc.full.slice(m.end, m.end + 12);
  return /(?:\d|\p{L})\s*[-–]\s*$|\b(?:hingga|sampai|s\.?d\.?)\s*$/u.test(before) || /^\s*(?:[-–]|hingga|sampai|s\.?d\.?)\s*\d/.test(after);
}

/** For "Rabu (17/1)" with no publication date: the year named in the text on which 17 January is a Wednesday. */
function inferYear(doc: AnalysisDoc, m: DateMention): string {
  if (!m.weekday) return '';
  const years = new Set<string>();
  for (const y of doc.full.matchAll(/\b(20[1-3]\d)\b/g)) years.add(y[1]);
  const surface = doc.full.slice(m.start, m.end);
  for (const year of [...years].sort().reverse()) {
    const again = findDates(surface, { reference: `${year}-12-31` })[0];
    if (!again?.date) continue;
    const day = new Date(`${again.date}T00:00:00Z`).getUTCDay();
    if (WEEKDAYS[day] === m.weekday.toLowerCase().replace("'", '').replace('ahad', 'minggu')) return again.date;
  }
  return '';
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
