import type { Source } from '../types/source.js';
import { StoreValidationError } from './errors.js';
import type { Store } from './open.js';

/** Inserts or updates an outlet by id; the whole entry is kept as JSON in `config`. */
export async function upsertSource(store: Store, source: Source): Promise<void> {
  const s = source as unknown as Record<string, unknown>;
  for (const field of ['id', 'name', 'home'] as const) {
    if (typeof s[field] !== 'string' || (s[field] as string).trim() === '') {
      throw new StoreValidationError(`source.${field}`, `expected a non-empty string, got ${typeof s[field]}`);
    }
  }
  if (s.region !== undefined && s.region !== null && typeof s.region !== 'string') {
    throw new StoreValidationError('source.region', `expected a string, got ${typeof s.region}`);
  }
  const row = {
    id: source.id,
    name: source.name,
    home: source.home,
    region_code: source.region ?? null,
    verified: source.verified ? 1 : 0,
    config: JSON.stringify(source),
    updated_at: new Date().toISOString(),
  };
  await store.db
    .insertInto('sources')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        home: eb.ref('excluded.home'),
        region_code: eb.ref('excluded.region_code'),
        verified: eb.ref('excluded.verified'),
        config: eb.ref('excluded.config'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The stored outlets, by id. */
export async function listSources(store: Store): Promise<Source[]> {
  const rows = await store.db.selectFrom('sources').select('config').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.config) as Source);
}

/** One stored outlet by id; undefined when there is none. */
export async function loadSource(store: Store, id: string): Promise<Source | undefined> {
  const row = await store.db.selectFrom('sources').select('config').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.config) as Source) : undefined;
}
