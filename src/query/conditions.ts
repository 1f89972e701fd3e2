/**
 * The filters as conditions on `events`, for both dialects. Every value is a binding: identifiers are fixed here,
 * and LIKE patterns and FTS5 phrases are escaped so that user text matches literally.
 */
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, Store } from '../store/index.js';
import { officialKey } from '../group/index.js';
import type { QueryFilters } from './filters.js';

type EB = ExpressionBuilder<Database, 'events'>;

/** `%value%` with LIKE's wildcards and the escape character taken literally (escape `\`). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 string: the whole text as one phrase (trigram tokenizer: a substring), quotes doubled. */
export function ftsPhrase(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Case-insensitive "contains" on a column. */
function contains(store: Store, column: string, value: string) {
  const pattern = containsPattern(value);
  return store.dialect === 'postgres'
    ? sql`${sql.ref(column)} ilike ${pattern}`
    : sql`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** Ids of the events some article of which matches the text (title or evidence quote). */
function textEventIds(store: Store, text: string) {
  if (store.dialect === 'postgres') {
    return sql`select c.event_id from commitments c where c.article_id in (
      select ev.article_id from evidence ev where ${contains(store, 'ev.quote', text)}
      union select a.page_id from articles a where ${contains(store, 'a.title', text)})`;
  }
  const phrase = ftsPhrase(text);
  return sql`select c.event_id from commitments c where c.article_id in (
    select ev.article_id from evidence ev where ev.rowid in (select rowid from evidence_fts where evidence_fts match ${phrase})
    union select a.page_id from articles a where a.rowid in (select rowid from articles_fts where articles_fts match ${phrase}))`;
}

/** The conditions of `filters` (all of them must hold); an empty list matches every event. */
export function filterConditions(store: Store, filters: Partial<QueryFilters>, eb: EB): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filters.regions?.length) where.push(eb('events.region_code', 'in', filters.regions.map((r) => r.code)));
  if (filters.province) where.push(eb('events.province_code', '=', filters.province.code));
  if (filters.since) where.push(eb('events.event_date', '>=', filters.since));
  if (filters.until) where.push(eb('events.event_date', '<=', filters.until));
  if (filters.measures?.length) {
    // Through event_measures, with the other per-event columns it carries, so its indexes can do the work.
    let sub = eb.selectFrom('event_measures as em').select('em.event_id').where('em.measure', 'in', filters.measures);
    if (filters.province) sub = sub.where('em.province_code', '=', filters.province.code);
    if (filters.regions?.length) sub = sub.where('em.region_code', 'in', filters.regions.map((r) => r.code));
    if (filters.since) sub = sub.where('em.event_date', '>=', filters.since);
    if (filters.until) sub = sub.where('em.event_date', '<=', filters.until);
    where.push(eb('events.id', 'in', sub));
  }
  if (filters.official) {
    const key = officialKey(filters.official);
    const match = sql`select eo.event_id from event_officials eo join persons p
      on p.region_code = eo.region_code and p.person_key = eo.person_key
      where ${contains(store, 'p.spellings', filters.official)} or p.person_key = ${key}`;
    where.push(sql<SqlBool>`${sql.ref('events.id')} in (${match})`);
  }
  if (filters.source) {
    const site = filters.source.toLowerCase();
    const articles = sql`select page_id from articles where site = ${site} union select id from pages where source_id = ${filters.source}`;
    where.push(sql<SqlBool>`${sql.ref('events.id')} in (select c.event_id from commitments c where c.article_id in (${articles}))`);
  }
  if (filters.text) where.push(sql<SqlBool>`${sql.ref('events.id')} in (${textEventIds(store, filters.text)})`);
  return where;
}
