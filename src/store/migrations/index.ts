/**
 * The versioned migrations, in code (no file-system scanning, so they work from src/ under tsx and from dist/).
 * Add a migration as `NNNN_name.ts` exporting `up` (and `down`) and list it here; never edit an applied one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_fetch_validators.js';
import * as m0003 from './0003_events.js';
import * as m0004 from './0004_search.js';
import * as m0005 from './0005_page_progress.js';
import * as m0006 from './0006_listing_indexes.js';
import * as m0007 from './0007_event_search.js';
import * as m0008 from './0008_drop_title_quote_search.js';
import * as m0009 from './0009_event_sources.js';
import * as m0010 from './0010_events_sources.js';
import * as m0011 from './0011_event_search_terms.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_fetch_validators': m0002,
  '0003_events': m0003,
  '0004_search': m0004,
  '0005_page_progress': m0005,
  '0006_listing_indexes': m0006,
  '0007_event_search': m0007,
  '0008_drop_title_quote_search': m0008,
  '0009_event_sources': m0009,
  '0010_events_sources': m0010,
  '0011_event_search_terms': m0011,
};

export class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...MIGRATIONS };
  }
}
