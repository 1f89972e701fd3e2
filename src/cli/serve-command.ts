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
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port ${value}: expected an integer from 0 to 65535`);
  }
  return port;
}

export async function runServe(config: PantauConfig, options: ServeCommandOptions): Promise<number> {
  const port = parsePort(options.port);
  const host = options.host ?? '127.0.0.1';
  const { buildApi } = await import('../api/index.js');
  const store = openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.db });
  let closing: Promise<void> | undefined;
  try {
    await migrate(store);
    const app = buildApi({ store, logger: options.log === true });
    const address = await app.listen({ port, host });
    process.stderr.write(`pantau serve: ${store.dialect} ${store.location}, listening on ${address}/api (OpenAPI: ${address}/api/openapi.json)\n`);
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
