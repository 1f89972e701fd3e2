/**
 * 0001: the initial schema. Identical on SQLite and PostgreSQL except for the body column (BLOB / bytea).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = isPostgres(db) ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('home', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('sources_verified_check', sql`verified in (0, 1)`)
    .execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('final_url', 'text')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text')
    .addColumn('content_type', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('body', binary)
    .addColumn('body_size', 'integer')
    .addColumn('error', 'text')
    .addColumn('extract_state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('extract_error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('pages_extract_state_check', sql`extract_state in ('pending', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex('pages_source_state_idx').on('pages').columns(['source_id', 'extract_state']).execute();
  await db.schema.createIndex('pages_state_fetched_idx').on('pages').columns(['extract_state', 'fetched_at']).execute();
  await db.schema.createIndex('pages_content_hash_idx').on('pages').column('content_hash').execute();

  await db.schema
    .createTable('articles')
    .addColumn('page_id', 'text', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('published_at', 'text')
    .addColumn('language', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('relevant', 'integer', (c) => c.notNull())
    .addColumn('relevance', 'double precision', (c) => c.notNull())
    .addColumn('extractor_version', 'text', (c) => c.notNull())
    .addColumn('extracted_at', 'text', (c) => c.notNull())
    .addCheckConstraint('articles_relevant_check', sql`relevant in (0, 1)`)
    .execute();
  await db.schema.createIndex('articles_published_at_idx').on('articles').column('published_at').execute();
  await db.schema.createIndex('articles_relevant_idx').on('articles').column('relevant').execute();
  await db.schema.createIndex('articles_url_idx').on('articles').column('url').execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.page_id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('region_name', 'text', (c) => c.notNull())
    .addColumn('region_level', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addCheckConstraint('commitments_region_level_check', sql`region_level in ('province', 'regency', 'city')`)
    .execute();
  await db.schema.createIndex('commitments_article_idx').on('commitments').columns(['article_id', 'ordinal']).execute();
  await db.schema.createIndex('commitments_region_idx').on('commitments').column('region_code').execute();
  await db.schema.createIndex('commitments_province_idx').on('commitments').column('province_code').execute();
  await db.schema.createIndex('commitments_event_date_idx').on('commitments').column('event_date').execute();

  for (const [table, columns] of [
    ['officials', ['name', 'position']],
    ['circulars', ['number', 'kind']],
    ['measures', ['type']],
  ] as const) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
      .addColumn('ordinal', 'integer', (c) => c.notNull());
    for (const column of columns) builder = builder.addColumn(column, 'text', (c) => c.notNull());
    if (table === 'circulars') {
      builder = builder.addCheckConstraint(
        'circulars_kind_check',
        sql`kind in ('surat_edaran', 'instruksi', 'keputusan', 'peraturan', 'other')`,
      );
    }
    if (table === 'measures') {
      builder = builder.addCheckConstraint(
        'measures_type_check',
        sql`type in ('circular', 'instruction', 'integrity_pact', 'pledge', 'mou', 'grant', 'socialization', 'oversight', 'sanction')`,
      );
    }
    await builder.execute();
    await db.schema.createIndex(`${table}_commitment_idx`).on(table).columns(['commitment_id', 'ordinal']).execute();
  }
  await db.schema.createIndex('measures_type_idx').on('measures').column('type').execute();
  await db.schema.createIndex('circulars_number_idx').on('circulars').column('number').execute();
  await db.schema.createIndex('officials_name_idx').on('officials').column('name').execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.page_id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addCheckConstraint('evidence_owner_kind_check', sql`owner_kind in ('official', 'circular', 'measure')`)
    .addCheckConstraint('evidence_field_check', sql`field in ('title', 'text')`)
    .addCheckConstraint('evidence_span_check', sql`${sql.ref('start')} >= 0 and ${sql.ref('end')} >= ${sql.ref('start')}`)
    .execute();
  await db.schema.createIndex('evidence_owner_idx').on('evidence').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('evidence_article_idx').on('evidence').column('article_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['evidence', 'measures', 'circulars', 'officials', 'commitments', 'articles', 'pages', 'sources']) {
    await db.schema.dropTable(table).execute();
  }
}
