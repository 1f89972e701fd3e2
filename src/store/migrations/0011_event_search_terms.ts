/**
 * 0011: `event_search.terms`, the boundary terms of each body (src/store/events/search-terms.ts: for each pair of
 * adjacent words of a line, both 3 code points or more, a hash of the left one's last 3 and the right one's first 3),
 * joined by single spaces, and an index of them: a text with a space is looked up by its own terms, which every
 * body containing it has, then checked whole as before.
 *
 * Its rarest trigrams are common: at a million events an official's name (659 matches) cost FTS5 about 2 ms to
 * intersect two lists of some 27,000 events, and reading 1,300 candidates to check; on PostgreSQL some 4.9 ms of the
 * server's CPU. Its terms found exactly the 659 matches, in 0.75 to 0.83 ms with reading them (about 3.3 ms before),
 * for some 12 terms per event and a 35 MB index.
 *
 * SQLite: an FTS5 table over the column (external content, as 0007's trigram table, `detail='none'`: a term is
 * looked up, never a phrase of them) kept by triggers. 0007's update trigger re-indexed the trigrams on any update;
 * it now fires on an update of `body` only, so filling `terms` does not re-index every body. On PostgreSQL a GIN
 * index on the terms as an array, which `@>` reads. Filled here in JavaScript, in batches by id (the store fills the
 * rows it writes, src/store/events/search.ts). On SQLite the steps run in one transaction (the migrator runs them
 * statement by statement there; see 0010). On PostgreSQL the update leaves a dead version of every row behind: a
 * `VACUUM` after it is worth running on a large database.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** Rows read and written at a time. */
const BATCH = 2000;

const SQLITE_TRIGGERS = [
  `create trigger event_search_fts_au after update of body on event_search begin
     insert into event_search_fts(event_search_fts, rowid, body) values ('delete', old.id, old.body);
     insert into event_search_fts(rowid, body) values (new.id, new.body); end`,
  `create trigger event_search_terms_ai after insert on event_search begin
     insert into event_search_terms(rowid, terms) values (new.id, new.terms); end`,
  `create trigger event_search_terms_ad after delete on event_search begin
     insert into event_search_terms(event_search_terms, rowid, terms) values ('delete', old.id, old.terms); end`,
  `create trigger event_search_terms_au after update of terms on event_search begin
     insert into event_search_terms(event_search_terms, rowid, terms) values ('delete', old.id, old.terms);
     insert into event_search_terms(rowid, terms) values (new.id, new.terms); end`,
];

/** 0007's update trigger, which `down` puts back. */
const SQLITE_0007_AU = `create trigger event_search_fts_au after update on event_search begin
     insert into event_search_fts(event_search_fts, rowid, body) values ('delete', old.id, old.body);
     insert into event_search_fts(rowid, body) values (new.id, new.body); end`;

/**
 * A body's distinct terms, joined. The store computes the same (src/store/events/search-terms.ts, which says why a
 * text's terms find every match); kept here rather than imported so the migration stays what it was when applied.
 */
function terms(body: string): string {
  const out = new Set<string>();
  const folded = body.toLowerCase().replace(/ς/g, 'σ').replace(/\u0307/g, '');
  for (const line of folded.split('\n')) {
    const words = line.split(' ').map((w) => Array.from(w));
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i], words[i + 1]];
      if (a.length < 3 || b.length < 3) continue;
      const s = `${a.slice(-3).join('')}\u0001${b.slice(0, 3).join('')}`;
      let h = 2166136261;
      for (let k = 0; k < s.length; k++) {
        h ^= s.charCodeAt(k);
        h = Math.imul(h, 16777619);
      }
      out.add(`b${(h >>> 0).toString(36)}`);
    }
  }
  return [...out].join(' ');
}

/** Sets `terms` on every row, in batches by id. */
async function fill(db: Kysely<any>, pg: boolean): Promise<void> {
  for (let last: number | string = 0; ; ) {
    const rows: { id: number | string; body: string }[] = (await sql<{ id: number | string; body: string }>`select id, body from event_search where id > ${last} order by id limit ${BATCH}`.execute(db)).rows;
    if (rows.length === 0) return;
    const values = sql.join(rows.map((r) => (pg ? sql`(${r.id}::bigint, ${terms(r.body)})` : sql`(${r.id}, ${terms(r.body)})`)));
    if (pg) await sql`update event_search s set terms = v.terms from (values ${values}) v(id, terms) where s.id = v.id`.execute(db);
    else await sql`update event_search set terms = v.column2 from (values ${values}) v where event_search.id = v.column1`.execute(db);
    last = rows[rows.length - 1].id;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table event_search add column terms text not null default ''`.execute(db);
    await fill(db, true);
    await sql`create index event_search_terms_idx on event_search using gin (string_to_array(terms, ' '))`.execute(db);
    await sql`analyze event_search`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await sql`alter table event_search add column terms text not null default ''`.execute(trx);
    await sql`drop trigger event_search_fts_au`.execute(trx);
    await sql.raw(SQLITE_TRIGGERS[0]).execute(trx);
    await fill(trx, false);
    await sql`create virtual table event_search_terms using fts5(terms, content='event_search', content_rowid='id', tokenize='unicode61', detail='none')`.execute(trx);
    await sql`insert into event_search_terms(event_search_terms) values ('rebuild')`.execute(trx);
    for (const t of SQLITE_TRIGGERS.slice(1)) await sql.raw(t).execute(trx);
  });
}

/** 0010's schema: no terms, their index and triggers gone, 0007's update trigger back. */
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index event_search_terms_idx`.execute(db);
    await sql`alter table event_search drop column terms`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger event_search_terms_${t}`).execute(trx);
    await sql`drop table event_search_terms`.execute(trx);
    await sql`drop trigger event_search_fts_au`.execute(trx);
    await sql.raw(SQLITE_0007_AU).execute(trx);
    await sql`alter table event_search drop column terms`.execute(trx);
  });
}
