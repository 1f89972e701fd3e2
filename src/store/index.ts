/**
 * The storage layer: SQLite (default ./data/pantau.db) or PostgreSQL (DATABASE_URL), one schema through Kysely
 * with versioned migrations, and repository functions taking plain data.
 *
 *   const store = openStore(storeOptionsFromEnv());
 *   await migrate(store);
 *   const id = await savePage(store, { url, status: 200, body: html, contentType });
 *   await saveArticleRecord(store, id, extract(html, url));   // also groups its commitments into events
 *   const event = await loadEvent(store, eventId);           // an event with its sources (an alias resolves)
 *   await store.close();
 */
export { openStore, storeOptionsFromEnv, isPostgresUrl, DEFAULT_SQLITE_PATH } from './open.js';
export type { Store, StoreDialect, StoreOptions } from './open.js';
export { migrate, schemaVersion, LATEST_MIGRATION } from './migrate.js';
export type { MigrateResult } from './migrate.js';
export { upsertSource, listSources, loadSource } from './sources.js';
export { savePage, savePages, loadPage, hasPage, knownUrls, pendingPages, markExtractFailed, contentHash } from './pages.js';
export type { PageInput, StoredPage, PendingPage } from './pages.js';
export { getValidators, putValidators } from './validators.js';
export type { StoredValidators } from './validators.js';
export { saveArticleRecord, saveArticleRecords, loadArticleRecord } from './articles.js';
export type { RecordToSave, SaveRecordOptions } from './articles.js';
export { assignEvents, bodyTerms, eventRegion, loadEvent, rebuildEventSearch, regroupAll, resolveEventId, textTerms } from './events/index.js';
export type { AssignResult, EventSource, EventSourceRef, RegroupAllOptions, RegroupAllResult, StoredEvent } from './events/index.js';
export { counts } from './counts.js';
export { pendingPageIds } from './pending.js';
export type { StoreCounts } from './counts.js';
export { validateArticleRecord } from './validate.js';
export { StoreError, StoreValidationError, PageNotFoundError } from './errors.js';
export type {
  Database,
  ExtractState,
  EvidenceOwnerKind,
  FetchValidatorsTable,
  EventsTable,
  EventAliasesTable,
  EventMembersTable,
  EventMeasuresTable,
  EventCircularsTable,
  EventOfficialsTable,
  PersonsTable,
  EventSearchTable,
} from './schema.js';
export { EXTRACT_STATES, EVIDENCE_OWNERS } from './schema.js';
