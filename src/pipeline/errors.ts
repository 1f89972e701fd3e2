import { redactUrl } from '../config/index.js';

/** Redis stayed unreachable too long for a run to go on; what was stored stays stored. */
export class RedisOutageError extends Error {
  override name = 'RedisOutageError';
  constructor(
    readonly redisUrl: string,
    readonly seconds: number,
  ) {
    super(
      `Redis at ${redactUrl(redisUrl)} has been unreachable for ${seconds} s; stopping. Pages fetched so far are stored ` +
        'and will be queued for extraction again by the next `pantau crawl` (or `pantau queue requeue`).',
    );
  }
}
