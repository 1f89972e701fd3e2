/**
 * 0005: a covering index for the extraction progress of a run (`extractionProgress` in src/pipeline): the pages
 * with a body that some sources stored since a time, counted by extraction state. A run polls it several times a
 * second; without this index every poll reads each page row (next to its gzipped body) of the run.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index pages_progress_idx on pages (source_id, fetched_at, extract_state, body_size)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists pages_progress_idx`.execute(db);
}
