/**
 * Errors that say whether a job is worth retrying. Handlers throw these when they know; anything else is
 * classified by `classifyError` (./retry.ts).
 */

/** Retrying cannot help: the same input gives the same failure (bad data, missing page, parse error). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Retrying later may succeed: the failure came from the environment (network, Redis, database busy or down). */
export class TransientJobError extends Error {
  override name = 'TransientJobError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Job data that does not match its queue's contract. */
export class InvalidJobError extends PermanentJobError {
  override name = 'InvalidJobError';
  constructor(
    readonly queue: string,
    readonly jobId: string | undefined,
    /** One line per problem, each starting with the field path (`maxPages: ...`). */
    readonly problems: string[],
  ) {
    super(`invalid ${queue} job${jobId === undefined ? '' : ` ${jobId}`}: ${problems.join('; ')}`);
  }
}

/** No `redis-server` to run the embedded Redis with. */
export class RedisNotInstalledError extends Error {
  override name = 'RedisNotInstalledError';
  constructor(readonly binary: string) {
    super(
      `redis-server is not installed (could not run ${JSON.stringify(binary)}). Install it with ` +
        '`sudo apt-get install redis-server`, or set REDIS_URL to use a Redis server you already run.',
    );
  }
}

/** The embedded Redis server did not come up. */
export class EmbeddedRedisError extends Error {
  override name = 'EmbeddedRedisError';
}
