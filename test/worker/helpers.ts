/**
 * Test support for the workers: a store on either dialect (migrated), queues under a unique prefix, pages to
 * extract (the project's fixture articles), and teardown of all of it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { migrate, openStore } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import { openQueues } from '../../src/queue/index.js';
import type { Queues } from '../../src/queue/index.js';
import type { WorkersHandle } from '../../src/worker/index.js';
import { createTestDb } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { REDIS_URL, deletePrefix, uniquePrefix } from '../queue/helpers.js';

const ARTICLES = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));

export interface FixturePage {
  name: string;
  url: string;
  html: string;
}

/** The project's fixture article pages (HTML only). */
export function fixturePages(): FixturePage[] {
  return readdirSync(ARTICLES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.html$/, ''),
      url: `https://berita.example.id/${f.replace(/\.html$/, '')}`,
      html: readFileSync(join(ARTICLES, f), 'utf8'),
    }));
}

export interface WorkerEnv {
  tdb: TestDb;
  store: Store;
  prefix: string;
  queues: Queues;
  /** Worker handles to close at teardown. */
  handles: WorkersHandle[];
  cleanup(): Promise<void>;
}

export async function workerEnv(dialect: StoreDialect, storeOptions: { busyTimeoutMs?: number } = {}): Promise<WorkerEnv> {
  const tdb = await createTestDb(dialect);
  // A store with its own busy timeout is opened here (TestDb.open takes no options) and closed at cleanup.
  const own = dialect === 'sqlite' && storeOptions.busyTimeoutMs !== undefined;
  const store = own ? openStore({ ...tdb.options, ...storeOptions }) : tdb.open();
  await migrate(store);
  const prefix = uniquePrefix(`worker-${dialect}`);
  const queues = openQueues({ connection: REDIS_URL, prefix });
  const handles: WorkersHandle[] = [];
  return {
    tdb,
    store,
    prefix,
    queues,
    handles,
    async cleanup() {
      await Promise.all(handles.map((h) => h.close({ force: true })));
      await queues.close();
      await deletePrefix(prefix);
      if (own) await store.close();
      await tdb.cleanup();
    },
  };
}
