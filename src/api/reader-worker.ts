/**
 * A reader thread of the API (see ./readers.ts): its own read-only connection to the SQLite file, memory-mapped,
 * running the route handlers the main thread passes on and answering with the body serialised as JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { openStore } from '../store/index.js';
import { ApiError } from './errors.js';
import { tuneForReading } from './readers.js';
import type { ReaderReply, ReaderRequest } from './readers.js';
import { apiRoutes } from './routes.js';

const { sqlitePath, cacheMb } = workerData as { sqlitePath: string; cacheMb?: number };
const store = openStore({ sqlitePath });
const ready = (async () => {
  await sql`pragma query_only = 1`.execute(store.db);
  await tuneForReading(store, { cacheMb });
})();
const routes = new Map(apiRoutes().map((r) => [r.path, r]));

async function answer(req: ReaderRequest): Promise<ReaderReply> {
  const route = routes.get(req.path);
  if (!route) return { ok: false, message: `no route ${req.path}` };
  try {
    await ready;
    const result = await route.handler(store, req.input);
    return { ok: true, status: result.status, headers: result.headers, page: result.page, json: JSON.stringify(result.body) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, apiError: { status: err.status, message: err.message, param: err.param } };
    return { ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

parentPort!.on('message', (req: ReaderRequest) => {
  void answer(req).then((reply) => parentPort!.postMessage({ id: req.id, reply }));
});
