/**
 * `pantau serve`: the read-only HTTP API (src/api) over the configured database, until SIGTERM / SIGINT. It
 * needs no Redis: only the store is opened (and migrated, so that a new database answers with empty lists).
 */
import type { PantauConfig } from '../config/index.js';
import { migrate, openStore } from '../store/index.js';

export interface ServeCommandOptions {
  /** TCP port (default 8080; 0 picks a free one). */
  port?: string;
  /** Interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface). */
  host?: string;
  /** Log every request as a JSON line on stdout (default off). */
  log?: boolean;
  /** SQLite: reader threads (default one per core; 0 answers on the main thread). Ignored on PostgreSQL. */
  readers?: string;
  /** SQLite: page cache of each reading connection, in MiB (default 256). Ignored on PostgreSQL. */
  cacheMb?: string;
}

/** An option's integer from 0 to `max` (`unit` named in the error), or `fallback` when the option is not given. */
function boundedInteger(flag: string, value: string | undefined, max: number, fallback: number, unit = ''): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) > max) throw new Error(`${flag} ${value}: expected an integer from 0 to ${max}${unit}`);
  return Number(value);
}

export function parseCacheMb(value: string | undefined, fallback: number): number {
  return boundedInteger('--cache-mb', value, 65536, fallback, ' (MiB)');
}

export function parseReaders(value: string | undefined, fallback: number): number {
  return boundedInteger('--readers', value, 64, fallback);
}

export function parsePort(value: string | undefined): number {
  return boundedInteger('--port', value, 65535, 8080);
}

export async function runServe(config: PantauConfig, options: ServeCommandOptions): Promise<number> {
  const port = parsePort(options.port);
  const { DEFAULT_READ_CACHE_MB, defaultReaders, tuneForReading } = await import('../api/readers.js');
  const readers = parseReaders(options.readers, defaultReaders());
  const cacheMb = parseCacheMb(options.cacheMb, DEFAULT_READ_CACHE_MB);
  const host = options.host ?? '127.0.0.1';
  const { buildApi } = await import('../api/index.js');
  const store = openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.db });
  let closing: Promise<void> | undefined;
  try {
    await migrate(store);
    await tuneForReading(store, { cacheMb });
    const app = buildApi({ store, logger: options.log === true, readers: store.dialect === 'sqlite' ? readers : 0, readerCacheMb: cacheMb });
    const address = await app.listen({ port, host });
    const threads = store.dialect === 'sqlite' && readers > 0 ? `, ${readers} reader thread${readers === 1 ? '' : 's'}` : '';
    process.stderr.write(`pantau serve: ${store.dialect} ${store.location}${threads}, listening on ${address}/api (OpenAPI: ${address}/api/openapi.json)\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        if (closing) return;
        process.stderr.write(`pantau serve: ${signal}, closing\n`);
        // Stops accepting connections, lets requests in flight finish, then closes the store.
        closing = app.close().finally(resolve);
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    return 0;
  } finally {
    await closing?.catch(() => {});
    await store.close();
  }
}
