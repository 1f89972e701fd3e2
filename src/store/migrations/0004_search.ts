/**
 * 0004: indexes for the analysts' queries (src/query).
 *
 * - Text search (`--text`, a case-insensitive substring of an article title or an evidence quote, 3 characters or
 *   more): on SQLite two FTS5 tables with the trigram tokenizer, external content over `articles.title` and
 *   `evidence.quote` (keyed by their rowid), kept in step by triggers; on PostgreSQL trigram GIN indexes
 *   (extension pg_trgm, created in `public` when absent) serving `ILIKE '%...%'` on the columns themselves.
 *   SQLite note: these tables have no INTEGER PRIMARY KEY, so a `VACUUM` may renumber rowids; run
 *   `insert into articles_fts(articles_fts) values ('rebuild')` (and the same for `evidence_fts`) after one.
 * - `--source`: articles by site.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** The schema holding pg_trgm (installing it in `public` when absent). */
async function trigramSchema(db: Kysely<any>): Promise<string> {
  const find = async () =>
    (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema;
  const found = await find();
  if (found) return found;
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  return (await find()) ?? 'public';
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_site_idx').on('articles').column('site').execute();
  if (isPostgres(db)) {
    const ops = sql.raw(`${JSON.stringify(await trigramSchema(db))}.gin_trgm_ops`);
    await sql`create index articles_title_trgm_idx on articles using gin (title ${ops})`.execute(db);
    await sql`create index evidence_quote_trgm_idx on evidence using gin (quote ${ops})`.execute(db);
    return;
  }
  for (const [table, column] of [
    ['articles', 'title'],
    ['evidence', 'quote'],
  ] as const) {
    const fts = `${table}_fts`;
    await sql.raw(`create virtual table ${fts} using fts5(${column}, content='${table}', content_rowid='rowid', tokenize='trigram')`).execute(db);
    await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
    await sql
      .raw(`create trigger ${table}_fts_ai after insert on ${table} begin insert into ${fts}(rowid, ${column}) values (new.rowid, new.${column}); end`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_fts_ad after delete on ${table} begin insert into ${fts}(${fts}, rowid, ${column}) values ('delete', old.rowid, old.${column}); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_fts_au after update of ${column} on ${table} begin insert into ${fts}(${fts}, rowid, ${column}) values ('delete', old.rowid, old.${column}); insert into ${fts}(rowid, ${column}) values (new.rowid, new.${column}); end`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists articles_title_trgm_idx`.execute(db);
    await sql`drop index if exists evidence_quote_trgm_idx`.execute(db);
  } else {
    for (const table of ['articles', 'evidence']) {
      for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists ${table}_fts_${t}`).execute(db);
      await sql.raw(`drop table if exists ${table}_fts`).execute(db);
    }
  }
  await db.schema.dropIndex('articles_site_idx').execute();
}
