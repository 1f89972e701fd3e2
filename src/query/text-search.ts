/**
 * Finding the events a text search matches, with their dates, in `event_search` (migration 0007: one row per
 * event, its articles' titles and evidence quotes joined by newlines): one lookup instead of titles, quotes, their
 * articles' commitments and then the events to order them.
 *
 * A text with a space whose words give boundary terms (migration 0011, src/store/events/search-terms.ts: the last
 * three letters of a word and the first three of the next) is looked up by all of them: every row containing the
 * text has them, and few others do (an official's name: its matches and none else). Any other text is looked up by
 * two rare trigrams (./trigrams.ts), or whole (FTS5 phrase, ILIKE) when it has no rare trigram. Either way the rows
 * found are checked for the whole text: on PostgreSQL by the same ILIKE, on SQLite in JavaScript (lowercased
 * substring, as the indexes fold case). A match never spans two titles or quotes: the text holds no newline
 * (parseQueryFilters refuses control characters).
 */
import { sql } from 'kysely';
import { textTerms } from '../store/index.js';
import type { Store } from '../store/index.js';
import { containsPattern, ftsPhrase } from './conditions.js';
import { rareTrigrams } from './trigrams.js';

/** An event a search matched, with its date (for ordering a page without reading the events). */
export interface TextMatch {
  id: string;
  event_date: string | null;
}

/** Candidates read for a text search checked in JavaScript (SQLite) before falling back to the whole lookup. */
const TEXT_CANDIDATES = 20_000;

/**
 * The events whose articles' titles or evidence quotes contain `text` (case-insensitive), up to `cap + 1` of them
 * (more than `cap` tells the caller there are too many to list).
 */
export async function textEvents(store: Store, text: string, cap: number): Promise<TextMatch[]> {
  const terms = textTerms(text);
  if (terms.length > 0 && store.dialect === 'postgres') {
    // The whole text as an expression, so that the trigram index is not read for it as well.
    return (
      await sql<TextMatch>`select s.event_id as id, s.event_date from event_search s
        where string_to_array(s.terms, ' ') @> ${terms}::text[] and (s.body || '') ilike ${containsPattern(text)} limit ${cap + 1}`.execute(store.db)
    ).rows;
  }
  const picks = terms.length > 0 ? undefined : await rareTrigrams(store, 'body', text);
  if (store.dialect === 'postgres') {
    // The whole text as a filter the index cannot serve (an expression), the trigrams as conditions it does.
    const narrow = picks ? picks.map((t) => sql`s.body ilike ${`%${t}%`}`) : [sql`s.body ilike ${containsPattern(text)}`];
    const whole = picks ? sql` and (s.body || '') ilike ${containsPattern(text)}` : sql``;
    return (
      await sql<TextMatch>`select s.event_id as id, s.event_date from event_search s
        where ${sql.join(narrow, sql` and `)}${whole} limit ${cap + 1}`.execute(store.db)
    ).rows;
  }
  const candidates =
    terms.length > 0
      ? sql`select rowid from event_search_terms where event_search_terms match ${terms.map((t) => `"${t}"`).join(' AND ')}`
      : picks
        ? sql`select rowid from event_search_fts where event_search_fts match ${picks.map((t) => `"${t}"`).join(' AND ')}`
        : undefined;
  if (candidates) {
    const rows = (
      await sql<TextMatch & { t: string }>`select s.event_id as id, s.event_date, s.body as t from event_search s
        where s.id in (${candidates}) limit ${TEXT_CANDIDATES + 1}`.execute(store.db)
    ).rows;
    if (rows.length <= TEXT_CANDIDATES) {
      const needle = text.toLowerCase();
      const out: TextMatch[] = [];
      for (const r of rows) {
        if (!r.t.toLowerCase().includes(needle)) continue;
        out.push({ id: r.id, event_date: r.event_date });
        if (out.length > cap) break;
      }
      return out;
    }
  }
  return (
    await sql<TextMatch>`select s.event_id as id, s.event_date from event_search s
      where s.id in (select rowid from event_search_fts where event_search_fts match ${ftsPhrase(text)}) limit ${cap + 1}`.execute(store.db)
  ).rows;
}
