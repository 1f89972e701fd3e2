/**
 * Redis connections for the queues and workers.
 */
import { Redis } from 'ioredis';

export interface ConnectRedisOptions {
  /** Shown by `CLIENT LIST`, to tell pantau's connections apart (default `pantau`). */
  name?: string;
  /** Longest wait between reconnection attempts, in milliseconds (default 10000). */
  maxReconnectDelayMs?: number;
  /** Do not connect until the first command (default false). */
  lazyConnect?: boolean;
}

/**
 * Delay before reconnection attempt `times` (1-based): 100 ms doubling up to the cap, so a Redis restart is
 * picked up within a second or two while a long outage costs one attempt every `capMs`. Never gives up: the
 * workers are long-running and should resume by themselves when Redis comes back.
 */
export function reconnectDelay(times: number, capMs = 10_000): number {
  return Math.min(capMs, 100 * 2 ** Math.min(Math.max(times - 1, 0), 20));
}

/**
 * Opens an ioredis connection suited to BullMQ: `maxRetriesPerRequest: null` (BullMQ requires it; its blocking
 * commands must wait through reconnections instead of failing after N retries), a reconnect strategy with a
 * capped backoff, and a connection name.
 */
export function connectRedis(url: string, options: ConnectRedisOptions = {}): Redis {
  const cap = options.maxReconnectDelayMs ?? 10_000;
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: options.name ?? 'pantau',
    retryStrategy: (times) => reconnectDelay(times, cap),
    lazyConnect: options.lazyConnect ?? false,
  });
  // Every failed reconnect emits 'error'; without a listener ioredis prints each one. The outage is visible
  // through `status`, and callers that log add their own listener.
  redis.on('error', () => {});
  return redis;
}

/** The URL with its password replaced by `***`, for logs and messages. */
export function redisUrlForDisplay(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not a URL we can parse: hide anything between `:` and `@` in the authority, which is where a password sits.
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
  }
}
