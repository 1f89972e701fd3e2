import { findDates } from '../dates/index.js';
import type { DateMention } from '../dates/index.js';
import type { AnalysisDoc } from '../text/document.js';

// Dates of the election itself, of a campaign period or of a deadline are not when the reported event happened.
const NOT_EVENT_BEFORE =
  /\b(?:pilkada|pemilu|pemilihan|pemungutan\s+suara|pencoblosan|hari\s+h|kampanye|pelantikan|dilantik|hingga|sampai|s\.?d\.?|sejak\s+tahun|lahir|periode|masa)\b[^.;]{0,60}$/i;
const WEEKDAYS = ['minggu', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'];

/**
 * The date of the reported event: the first dated weekday ("Senin (30/10/23)", "Rabu, 17 Januari 2024") that is
 * not the publication dateline or an election date, else the first issuance/effective date ("dikeluarkan
 * tanggal 13 Mei 2024", "berlaku sejak ..."), else the first other full date; null when the text dates nothing.
 * A date without year takes it from the publication date, or, when that is unknown, from the years the text
 * names, choosing the one on which the stated weekday falls.
 */
export function eventDate(doc: AnalysisDoc, publishedAt: string | null): string | null {
  const mentions = findDates(doc.full, { reference: publishedAt }).filter((m) => m.kind !== 'weekdayOnly');
  const usable = mentions.filter((m) => !isDateline(doc, m, publishedAt) && !isElectionDate(doc, m));
  const resolved = usable
    .map((m) => ({ m, date: m.date || inferYear(doc, m) }))
    .filter((x): x is { m: DateMention; date: string } => Boolean(x.date));
  const future = publishedAt ? (d: string) => d > addDays(publishedAt, 1) : () => false;
  const candidates = resolved.filter((x) => !future(x.date));
  const withWeekday = candidates.find((x) => x.m.weekday);
  if (withWeekday) return withWeekday.date;
  const issued = candidates.find((x) =>
    /\b(?:tanggal|tgl\.?|sejak|pada|per)\s*$/i.test(doc.full.slice(Math.max(0, x.m.start - 20), x.m.start)),
  );
  if (issued) return issued.date;
  return candidates[0]?.date ?? null;
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
  return NOT_EVENT_BEFORE.test(doc.full.slice(Math.max(0, m.start - 80), m.start));
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
