/**
 * HTTP validators of discovery resources (sitemaps, feeds): what the crawl sends as If-None-Match /
 * If-Modified-Since next time, so an unchanged resource costs a 304 instead of a download.
 */
import type { FetchValidators } from '../types/page.js';
import { StoreValidationError } from './errors.js';
import type { Store } from './open.js';
import { storableText } from './validate.js';

/** Validators as stored: both may be null (a response without them is not worth storing, but is accepted). */
export interface StoredValidators {
  etag: string | null;
  lastModified: string | null;
  /** ISO timestamp. */
  fetchedAt: string;
}

function checkUrl(url: unknown): string {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new StoreValidationError('url', `expected a non-empty string, got ${typeof url}`);
  }
  return url;
}

function optString(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new StoreValidationError(field, `expected a string or null, got ${typeof value}`);
  return storableText(value);
}

/** The validators stored for a resource URL (as requested), or undefined when none are. */
export async function getValidators(store: Store, url: string): Promise<StoredValidators | undefined> {
  const row = await store.db.selectFrom('fetch_validators').selectAll().where('url', '=', checkUrl(url)).executeTakeFirst();
  if (!row) return undefined;
  return { etag: row.etag, lastModified: row.last_modified, fetchedAt: row.fetched_at };
}

/** Stores (replaces) the validators of a resource URL. */
export async function putValidators(store: Store, url: string, v: FetchValidators): Promise<void> {
  checkUrl(url);
  if (typeof v !== 'object' || v === null) throw new StoreValidationError('validators', 'expected an object');
  const fetched = v.fetchedAt === undefined ? new Date() : v.fetchedAt instanceof Date ? v.fetchedAt : new Date(v.fetchedAt);
  if (Number.isNaN(fetched.getTime())) {
    throw new StoreValidationError('validators.fetchedAt', `expected a date, got ${String(v.fetchedAt)}`);
  }
  const row = {
    url,
    etag: optString(v.etag, 'validators.etag'),
    last_modified: optString(v.lastModified, 'validators.lastModified'),
    fetched_at: fetched.toISOString(),
  };
  await store.db
    .insertInto('fetch_validators')
    .values(row)
    .onConflict((oc) =>
      oc.column('url').doUpdateSet((eb) => ({
        etag: eb.ref('excluded.etag'),
        last_modified: eb.ref('excluded.last_modified'),
        fetched_at: eb.ref('excluded.fetched_at'),
      })),
    )
    .execute();
}
