import { describe, expect, it } from 'vitest';
import { connectRedis, reconnectDelay, redisUrlForDisplay } from '../../src/queue/index.js';
import { REDIS_URL } from './helpers.js';

describe('redis connection', () => {
  it('hides passwords in URLs', () => {
    expect(redisUrlForDisplay('redis://:s3cret@host:6380/2')).toBe('redis://:***@host:6380/2');
    expect(redisUrlForDisplay('rediss://user:s3cret@host')).toBe('rediss://user:***@host');
    expect(redisUrlForDisplay('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redisUrlForDisplay('redis://u:p@ss:w0rd@host')).not.toContain('w0rd');
  });

  it('reconnects with a doubling, capped delay, never giving up', () => {
    expect([1, 2, 3, 4, 5].map((n) => reconnectDelay(n))).toEqual([100, 200, 400, 800, 1600]);
    expect(reconnectDelay(50)).toBe(10_000);
    expect(reconnectDelay(1e6, 5_000)).toBe(5_000);
  });

  it('opens a BullMQ-ready, named connection', async () => {
    const redis = connectRedis(REDIS_URL, { name: 'pantau-conn-test' });
    try {
      expect(redis.options.maxRetriesPerRequest).toBeNull();
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.client('GETNAME')).toBe('pantau-conn-test');
    } finally {
      await redis.quit();
    }
  });
});
