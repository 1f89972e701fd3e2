/**
 * 0002: HTTP validators (ETag, Last-Modified) of discovery resources (sitemaps, feeds), so that the next crawl
 * asks with If-None-Match / If-Modified-Since and skips what has not changed. Keyed by the URL as requested.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fetch_validators')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fetch_validators').execute();
}
