/**
 * Job contracts: the one place mapping each queue to the shape of its job data. Producers validate before
 * adding and workers validate before running, so a malformed job fails once, permanently, with a message
 * naming the field, instead of crashing deep inside a handler on every retry.
 */
import { z } from 'zod';
import { InvalidJobError } from './errors.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'expected a real calendar date');

const nonEmpty = z.string().trim().min(1, 'expected a non-empty string');

/**
 * Unknown keys are rejected rather than dropped: producers and workers ship together, so an unknown key is a
 * typo (`maxpages`) whose silent loss would change what the job does.
 */
export const CrawlJobSchema = z.strictObject({
  /** Outlet id in the sources registry. */
  sourceId: nonEmpty,
  /** Only articles published on or after this day. */
  since: isoDate.optional(),
  /** Stop after this many article pages. */
  maxPages: z.number().int().positive().optional(),
  /** Minimum delay between requests to one host, in milliseconds. */
  politenessMs: z.number().int().min(0).optional(),
  /** The crawl run this job belongs to. */
  runId: nonEmpty,
});

export const ExtractJobSchema = z.strictObject({
  /** Stored page id. */
  pageId: nonEmpty,
  /** The crawl run that fetched the page, when known. */
  runId: nonEmpty.optional(),
});

/** Queue name -> job data schema. */
export const JOB_SCHEMAS = {
  crawl: CrawlJobSchema,
  extract: ExtractJobSchema,
} as const;

export type QueueName = keyof typeof JOB_SCHEMAS;
export const QUEUE_NAMES = Object.keys(JOB_SCHEMAS) as QueueName[];

export type CrawlJobData = z.infer<typeof CrawlJobSchema>;
export type ExtractJobData = z.infer<typeof ExtractJobSchema>;
export type JobData<Q extends QueueName> = z.infer<(typeof JOB_SCHEMAS)[Q]>;

export function isQueueName(name: unknown): name is QueueName {
  return typeof name === 'string' && Object.hasOwn(JOB_SCHEMAS, name);
}

/**
 * Validates job data for a queue and returns it typed (strings trimmed). Throws `InvalidJobError` (a permanent
 * error) naming the queue, the job and each offending field.
 */
export function parseJobData<Q extends QueueName>(queue: Q, data: unknown, jobId?: string): JobData<Q> {
  if (!isQueueName(queue)) throw new InvalidJobError(String(queue), jobId, [`unknown queue ${JSON.stringify(queue)}`]);
  const result = JOB_SCHEMAS[queue].safeParse(data);
  if (result.success) return result.data as JobData<Q>;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const keys = issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')}: ` : '';
    return `${path ? `${path}: ` : keys}${issue.message}`;
  });
  throw new InvalidJobError(queue, jobId, problems);
}
