/**
 * What every pipeline command needs, opened in one place: the store (migrated), Redis (the configured server
 * or pantau's own), and the queues. `close()` releases them in reverse order.
 */
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { PantauConfig } from '../config/index.js';
import { connectRedis, openQueues, resolveRedis } from '../queue/index.js';
import type { Queues, ResolvedRedis } from '../queue/index.js';
import { migrate, openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { within } from './within.js';

export interface Pipeline {
  config: PantauConfig;
  store: Store;
  redis: ResolvedRedis;
  /** The connection the queues share (workers open their own). */
  connection: Redis;
  queues: Queues;
  close(): Promise<void>;
}

export async function openPipeline(config: PantauConfig): Promise<Pipeline> {
  const store = openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.db });
  const opened: (() => Promise<void>)[] = [() => store.close()];
  const closeAll = async () => {
    for (const close of opened.reverse()) await close().catch(() => {});
  };
  try {
    await migrate(store);
    const redis = await resolveRedis({ redisUrl: config.redisUrl, dataDir: join(config.dataDir, 'redis') });
    opened.push(() => redis.stop());
    const connection = connectRedis(redis.url);
    opened.push(async () => {
      // quit() waits for Redis; when it is unreachable that would be forever.
      if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
      else connection.disconnect();
    });
    const queues = openQueues({ connection, prefix: config.queuePrefix });
    opened.push(async () => {
      // Closing queues talks to Redis; do not hang when it is gone.
      await within(queues.close(), 5000);
    });
    return { config, store, redis, connection, queues, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
