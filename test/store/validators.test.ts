/**
 * Validators of discovery resources (ETag / Last-Modified), on both dialects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreValidationError, getValidators, migrate, putValidators } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { DIALECTS, createTestDb, postgresAvailable } from './helpers.js';
import type { TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

describe.each(DIALECTS)('fetch validators on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;

  beforeEach(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await migrate(store);
  });
  afterEach(async () => {
    if (skip) return;
    await tdb.cleanup();
  });

  it.skipIf(skip)('returns undefined for an unknown URL', async () => {
    expect(await getValidators(store, 'https://a.id/sitemap.xml')).toBeUndefined();
  });

  it.skipIf(skip)('stores, reads back and replaces the validators of a URL', async () => {
    const url = 'https://a.id/sitemap.xml';
    await putValidators(store, url, {
      etag: '"abc"',
      lastModified: 'Tue, 12 Mar 2024 03:15:00 GMT',
      fetchedAt: new Date('2024-03-12T03:16:00Z'),
    });
    expect(await getValidators(store, url)).toEqual({
      etag: '"abc"',
      lastModified: 'Tue, 12 Mar 2024 03:15:00 GMT',
      fetchedAt: '2024-03-12T03:16:00.000Z',
    });
    await putValidators(store, url, { etag: 'W/"def"', fetchedAt: '2024-03-13T00:00:00Z' });
    expect(await getValidators(store, url)).toEqual({ etag: 'W/"def"', lastModified: null, fetchedAt: '2024-03-13T00:00:00.000Z' });
    // Another URL is independent (keys are the URL as requested, case and all).
    expect(await getValidators(store, 'https://a.id/Sitemap.xml')).toBeUndefined();
  });

  it.skipIf(skip)('defaults fetchedAt to now and refuses malformed input', async () => {
    const before = Date.now();
    await putValidators(store, 'https://a.id/feed/', { lastModified: 'Wed, 13 Mar 2024 00:00:00 GMT' });
    const v = await getValidators(store, 'https://a.id/feed/');
    expect(v?.etag).toBeNull();
    expect(Date.parse(v!.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    await expect(putValidators(store, '', { etag: '"x"' })).rejects.toBeInstanceOf(StoreValidationError);
    await expect(putValidators(store, 'https://a.id/x', { etag: 5 as unknown as string })).rejects.toThrow(/validators\.etag/);
    await expect(putValidators(store, 'https://a.id/x', { fetchedAt: 'yesterday' })).rejects.toThrow(/fetchedAt/);
  });
});
