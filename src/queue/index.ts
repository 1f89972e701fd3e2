/**
 * The job queues between the crawl and the extraction workers (BullMQ on Redis). Knows nothing of the store or
 * the extractor: jobs carry ids, the workers (src/worker) do the work.
 *
 *   const redis = await resolveRedis({ redisUrl: process.env.REDIS_URL });
 *   const queues = openQueues({ connection: redis.url });
 *   await enqueueExtract(queues, pageIds, runId);
 *   await queues.close();
 *   await redis.stop();
 */
export { connectRedis, reconnectDelay, redisUrlForDisplay } from './connection.js';
export type { ConnectRedisOptions } from './connection.js';
export {
  CrawlJobSchema,
  ExtractJobSchema,
  JOB_SCHEMAS,
  QUEUE_NAMES,
  isQueueName,
  parseJobData,
} from './contracts.js';
export type { CrawlJobData, ExtractJobData, JobData, QueueName } from './contracts.js';
export { EmbeddedRedisError, InvalidJobError, PermanentJobError, RedisNotInstalledError, TransientJobError } from './errors.js';
export {
  BACKOFF_TYPE,
  DEFAULT_BACKOFF,
  DEFAULT_JOB_OPTIONS,
  KEEP_COMPLETED,
  KEEP_FAILED,
  backoffStrategy,
  classifyError,
  describeError,
  fullJitterBackoff,
  toWorkerError,
} from './retry.js';
export type { BackoffOptions, ErrorClass } from './retry.js';
export { DEFAULT_PREFIX, enqueueCrawl, enqueueExtract, openQueues } from './queues.js';
export type { EnqueueResult, OpenQueuesOptions, Queues } from './queues.js';
export { listFailedJobs, retryFailedJobs } from './failed.js';
export type { FailedJob, FailedJobsQuery, RetryFailedQuery } from './failed.js';
export { DEFAULT_REDIS_DIR, resolveRedis, startEmbeddedRedis } from './embedded-redis.js';
export type { EmbeddedRedis, EmbeddedRedisOptions, ResolveRedisOptions, ResolvedRedis, StopOptions } from './embedded-redis.js';
