/**
 * 0003: events — one row per reported pledge, however many articles report it (grouping: src/group).
 *
 * - `events`: the event with its region (and province) and the per-event values filters need, denormalised so a
 *   filtered listing reads this table alone: the event date, the span of member dates, first/last publication,
 *   counts of commitments, articles and outlets, measures (JSON list and a bit mask), circular numbers and
 *   officials (JSON lists of display values), and `seq`, the creation order within the region (older is smaller).
 * - `event_measures`, `event_circulars`, `event_officials`: one row per event and measure / circular key /
 *   person, carrying the region, province and event date again, so "events with this measure (circular, official)
 *   in this province in this period" is an index range scan with no join. `event_circulars` is also how grouping
 *   finds the events a new commitment's circular number belongs to.
 * - `event_members`: which commitment (by its stable key `<article>|<region>`) is in which event, with a JSON
 *   snapshot of what grouping read from it. The snapshot lets a re-saved article be compared with what was grouped
 *   (unchanged: nothing to do) and regrouping load candidate events in one query. Not tied to `commitments` by a
 *   foreign key: saving an article replaces its commitment rows, and membership must survive that.
 * - `event_aliases`: ids merged into another event, so that an old id still resolves.
 * - `persons`: officials of a region resolved to one person per spelling family, with the display name.
 * - `commitments.event_id`: the event of each commitment (null until grouped).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('region_name', 'text', (c) => c.notNull())
    .addColumn('region_level', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addColumn('date_min', 'text')
    .addColumn('date_max', 'text')
    .addColumn('first_published', 'text')
    .addColumn('last_published', 'text')
    .addColumn('commitments', 'integer', (c) => c.notNull())
    .addColumn('articles', 'integer', (c) => c.notNull())
    .addColumn('sites', 'integer', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('measures_mask', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('circulars', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('officials', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('events_region_level_check', sql`region_level in ('province', 'regency', 'city')`)
    .execute();
  // Grouping: candidate events of a region whose date span meets a new commitment's window (date_max for news
  // arriving as it is published, date_min for a backfill of old articles: the planner picks); the next seq.
  // Unique seq per region also guards against two transactions creating events in one region at once (a bug:
  // the region lock prevents it).
  await db.schema.createIndex('events_region_date_min_idx').on('events').columns(['region_code', 'date_min']).execute();
  await db.schema.createIndex('events_region_date_max_idx').on('events').columns(['region_code', 'date_max']).execute();
  await db.schema.createIndex('events_region_seq_idx').on('events').columns(['region_code', 'seq']).unique().execute();
  // Filters and listings.
  await db.schema.createIndex('events_region_event_date_idx').on('events').columns(['region_code', 'event_date']).execute();
  await db.schema
    .createIndex('events_province_event_date_idx')
    .on('events')
    .columns(['province_code', 'event_date'])
    .execute();
  await db.schema.createIndex('events_event_date_idx').on('events').column('event_date').execute();
  await db.schema.createIndex('events_first_published_idx').on('events').column('first_published').execute();

  await db.schema
    .createTable('event_aliases')
    .addColumn('alias_id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_aliases_event_idx').on('event_aliases').column('event_id').execute();

  await db.schema
    .createTable('event_members')
    .addColumn('member_key', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('member', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_members_event_idx').on('event_members').column('event_id').execute();
  await db.schema.createIndex('event_members_article_idx').on('event_members').column('article_id').execute();
  await db.schema.createIndex('event_members_region_idx').on('event_members').column('region_code').execute();

  await db.schema
    .createTable('event_measures')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addPrimaryKeyConstraint('event_measures_pk', ['event_id', 'measure'])
    .addCheckConstraint(
      'event_measures_measure_check',
      sql`measure in ('circular', 'instruction', 'integrity_pact', 'pledge', 'mou', 'grant', 'socialization', 'oversight', 'sanction')`,
    )
    .execute();
  // A measure in a period; a measure in a province in a period, and a province's counts by measure (index only).
  await db.schema.createIndex('event_measures_date_idx').on('event_measures').columns(['measure', 'event_date']).execute();
  await db.schema
    .createIndex('event_measures_province_idx')
    .on('event_measures')
    .columns(['province_code', 'measure', 'event_date'])
    .execute();

  await db.schema
    .createTable('event_circulars')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('circular_key', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addPrimaryKeyConstraint('event_circulars_pk', ['event_id', 'circular_key'])
    .execute();
  // By key alone (a number searched everywhere) and by key within a region (grouping).
  await db.schema
    .createIndex('event_circulars_key_idx')
    .on('event_circulars')
    .columns(['circular_key', 'region_code'])
    .execute();

  await db.schema
    .createTable('event_officials')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('spellings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addPrimaryKeyConstraint('event_officials_pk', ['event_id', 'person_key'])
    .execute();
  await db.schema
    .createIndex('event_officials_person_idx')
    .on('event_officials')
    .columns(['person_key', 'region_code'])
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('spellings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('persons_pk', ['region_code', 'person_key'])
    .execute();

  await db.schema.alterTable('commitments').addColumn('event_id', 'text').execute();
  await db.schema.createIndex('commitments_event_idx').on('commitments').column('event_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('commitments_event_idx').execute();
  await db.schema.alterTable('commitments').dropColumn('event_id').execute();
  const tables = ['persons', 'event_officials', 'event_circulars', 'event_measures', 'event_members', 'event_aliases', 'events'];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
