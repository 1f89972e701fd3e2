/**
 * Stores for the text-search tests: one event per title, each with one article (the title) and one evidence quote,
 * inserted around the store in batches, then `event_search` rebuilt as a bulk load does. Region, dates and ids are
 * made up; only the texts matter.
 */
import { migrate, rebuildEventSearch } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

/** The id of row `i` of a table, with a prefix: fixed width, so ids sort as their numbers do. */
export const seedId = (prefix: string, i: number) => `${prefix}${i.toString(16).padStart(8, '0')}`;

const REGION = { region_code: '74.71', region_name: 'Kota Kendari', region_level: 'city', province_code: '74', province_name: 'Sulawesi Tenggara' } as const;
const NOW = '2024-01-01T00:00:00.000Z';
const BATCH = 100;

const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 300))).toISOString().slice(0, 10);

/** Migrates `store` and stores event `i` (`ev_00000000` + i) with article `titles[i]` and quote `quotes[i]`. */
export async function seedSearchEvents(store: Store, titles: readonly string[], quotes: readonly string[]): Promise<void> {
  await migrate(store);
  const id = seedId;
  for (let start = 0; start < titles.length; start += BATCH) {
    const idx = Array.from({ length: Math.min(BATCH, titles.length - start) }, (_, k) => start + k);
    await store.db.insertInto('pages').values(idx.map((i) => ({ id: id('p', i), url: `https://x.test/${i}`, status: 200, fetched_at: NOW, headers: '{}', extract_state: 'done' as const, attempts: 1 }))).execute();
    await store.db
      .insertInto('articles')
      .values(idx.map((i) => ({ page_id: id('p', i), input: 'x', url: `https://x.test/${i}`, title: titles[i], site: 'x.test', published_at: day(i), language: 'id', text: '', relevant: 1, relevance: 1, extractor_version: 't', extracted_at: NOW })))
      .execute();
    await store.db
      .insertInto('events')
      .values(
        idx.map((i) => ({
          id: id('ev_00000000', i),
          ...REGION,
          event_date: day(i),
          date_min: day(i),
          date_max: day(i),
          first_published: day(i),
          last_published: day(i),
          commitments: 1,
          articles: 1,
          sites: 1,
          measures: '[]',
          measures_mask: 0,
          circulars: '[]',
          officials: '[]',
          seq: i + 1,
          created_at: NOW,
          updated_at: NOW,
        })),
      )
      .execute();
    await store.db.insertInto('commitments').values(idx.map((i) => ({ id: id('c', i), article_id: id('p', i), ordinal: 0, ...REGION, event_date: day(i), event_id: id('ev_00000000', i) }))).execute();
    await store.db
      .insertInto('evidence')
      .values(idx.map((i) => ({ id: id('x', i), article_id: id('p', i), owner_kind: 'measure' as const, owner_id: id('m', i), field: 'text', start: 0, end: 10, quote: quotes[i] })))
      .execute();
  }
  // The rows were inserted around the store, which keeps the search table on its own writes.
  await rebuildEventSearch(store);
}
