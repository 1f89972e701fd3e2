/**
 * 0008: drops 0004's text-search indexes over `articles.title` and `evidence.quote` (SQLite: the `articles_fts`
 * and `evidence_fts` trigram tables and their triggers; PostgreSQL: the two trigram GIN indexes).
 *
 * Since 0007 every text search reads `event_search`; nothing reads these any more, yet every record saved paid
 * for them (on SQLite about a third of the pages a first save writes to the WAL went to the two FTS tables).
 * `down` builds them again, filled from the rows present.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

const COLUMNS = [
  ['articles', 'title'],
  ['evidence', 'quote'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists articles_title_trgm_idx`.execute(db);
    await sql`drop index if exists evidence_quote_trgm_idx`.execute(db);
    return;
  }
  for (const [table] of COLUMNS) {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists ${table}_fts_${t}`).execute(db);
    await sql.raw(`drop table if exists ${table}_fts`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    const schema = (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema;
    const ops = sql.raw(`${JSON.stringify(schema ?? 'public')}.gin_trgm_ops`);
    await sql`create index if not exists articles_title_trgm_idx on articles using gin (title ${ops})`.execute(db);
    await sql`create index if not exists evidence_quote_trgm_idx on evidence using gin (quote ${ops})`.execute(db);
    return;
  }
  for (const [table, column] of COLUMNS) {
    const fts = `${table}_fts`;
    await sql.raw(`create virtual table ${fts} using fts5(${column}, content='${table}', content_rowid='rowid', tokenize='trigram')`).execute(db);
    await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
    await sql.raw(`create trigger ${table}_fts_ai after insert on ${table} begin insert into ${fts}(rowid, ${column}) values (new.rowid, new.${column}); end`).execute(db);
    await sql
      .raw(`create trigger ${table}_fts_ad after delete on ${table} begin insert into ${fts}(${fts}, rowid, ${column}) values ('delete', old.rowid, old.${column}); end`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_fts_au after update of ${column} on ${table} begin insert into ${fts}(${fts}, rowid, ${column}) values ('delete', old.rowid, old.${column}); insert into ${fts}(rowid, ${column}) values (new.rowid, new.${column}); end`,
      )
      .execute(db);
  }
}
