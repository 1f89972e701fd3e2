/**
 * The retry policy, decided here only: which errors are worth retrying, how long to wait between attempts, and
 * how many attempts and finished jobs BullMQ keeps.
 */
import { UnrecoverableError } from 'bullmq';
import type { BackoffStrategy, DefaultJobOptions } from 'bullmq';
import { PermanentJobError, TransientJobError } from './errors.js';

export type ErrorClass = 'transient' | 'permanent';

/** Socket and DNS errors: the other side is down, slow or restarting. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EADDRNOTAVAIL',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // SQLite: another connection holds the lock past the busy timeout.
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  // PostgreSQL: serialization failure, deadlock, too many connections, server shutting down / starting.
  '40001',
  '40P01',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

/** Corrupt data: a gzip body that does not inflate fails the same way every time. */
const PERMANENT_CODES = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR']);

/** PostgreSQL SQLSTATE classes that are retryable as a whole: connection exceptions, insufficient resources. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53'];
/** PostgreSQL SQLSTATE classes meaning the statement or data is wrong: data exceptions, syntax/access rules. */
const PERMANENT_SQLSTATE_CLASSES = ['22', '42'];

/** Messages of connection failures from drivers that set no code (pg, ioredis, Kysely). */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /connection is closed/i,
  /connection (?:was )?(?:reset|refused|lost)/i,
  /timeout exceeded when trying to connect/i,
  /socket hang up/i,
  /database is locked/i,
  /the database system is (?:starting up|shutting down)/i,
  /\bLOADING\b.*dataset/,
  /READONLY/,
];

/**
 * Errors known to be deterministic, by name, so this module needs no import of the store or the extractor
 * (StoreValidationError and PageNotFoundError are the store's; ZodError comes from contract parsing).
 */
const PERMANENT_NAMES = new Set([
  'PermanentJobError',
  'InvalidJobError',
  'UnrecoverableError',
  'StoreValidationError',
  'PageNotFoundError',
  // The store's base error: a damaged row (body not matching its hash) reads the same on every attempt.
  'StoreError',
  'ZodError',
  'SyntaxError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function classOf(err: unknown, depth: number): ErrorClass | undefined {
  if (err === null || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as ErrorLike;
  if (err instanceof TransientJobError) return 'transient';
  if (err instanceof PermanentJobError || err instanceof UnrecoverableError) return 'permanent';
  if (typeof e.name === 'string' && PERMANENT_NAMES.has(e.name)) return 'permanent';
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined) {
    if (TRANSIENT_CODES.has(code)) return 'transient';
    if (PERMANENT_CODES.has(code)) return 'permanent';
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return 'transient';
      if (PERMANENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return 'permanent';
    }
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (TRANSIENT_MESSAGES.some((re) => re.test(message))) return 'transient';
  // Wrapped errors (`cause`) and happy-eyeballs connection failures (AggregateError of per-address errors).
  const inner = classOf(e.cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(e.errors)) {
    for (const sub of e.errors) {
      const c = classOf(sub, depth + 1);
      if (c) return c;
    }
  }
  return undefined;
}

/**
 * Whether an error is worth retrying. Transient: network, Redis and database connection errors (ECONNREFUSED,
 * ETIMEDOUT, ECONNRESET, "Connection terminated", SQLITE_BUSY, PostgreSQL connection and serialization
 * failures). Permanent: `PermanentJobError` and its subclasses, validation errors, a missing page, parse errors,
 * PostgreSQL data and syntax errors. Anything unknown is transient: a retry costs little, while giving up on a
 * page for a passing hiccup loses it until someone retries it by hand.
 */
export function classifyError(err: unknown): ErrorClass {
  return classOf(err, 0) ?? 'transient';
}

/** A one-line description of an error: `Name: message (code)`, with its cause's message when it adds one. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as ErrorLike).code;
  const base = typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  const cause = err.cause instanceof Error && !base.includes(err.cause.message) ? `: ${err.cause.message}` : '';
  return `${base || err.name}${cause}`;
}

/**
 * The error a BullMQ processor should throw for `err`: an `UnrecoverableError` when it is permanent, so BullMQ
 * fails the job at once instead of spending its remaining attempts, else the error itself (BullMQ retries it
 * with the backoff below).
 */
export function toWorkerError(err: unknown): Error {
  if (err instanceof UnrecoverableError) return err;
  if (classifyError(err) === 'permanent') {
    const out = new UnrecoverableError(describeError(err));
    (out as Error).cause = err;
    return out;
  }
  return err instanceof Error ? err : new TransientJobError(String(err));
}

export interface BackoffOptions {
  /** Upper bound of the first retry's delay, in milliseconds (default 1000). */
  baseMs?: number;
  /** Upper bound of any delay, in milliseconds (default 60000). */
  capMs?: number;
  /** Random source in [0, 1) (default Math.random); injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 1_000, capMs: 60_000 } as const;

/**
 * Exponential backoff with full jitter: retry `attempt` (1 = first retry) waits a uniformly random time in
 * [0, min(cap, base * 2^(attempt-1))]. The jitter spreads out the retries of jobs that failed together (Redis or
 * the database restarting), so they do not come back as one burst.
 */
export function fullJitterBackoff(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const random = options.random ?? Math.random;
  const n = Math.max(1, Math.floor(attempt));
  const bound = Math.min(cap, base * 2 ** Math.min(n - 1, 40));
  return Math.floor(random() * (bound + 1));
}

/** Name of pantau's backoff strategy in job options; workers resolve it with `backoffStrategy`. */
export const BACKOFF_TYPE = 'pantau-full-jitter';

/** The strategy for the Worker `settings.backoffStrategy`. */
export function backoffStrategy(options: BackoffOptions = {}): BackoffStrategy {
  return (attemptsMade) => fullJitterBackoff(attemptsMade, options);
}

/** Completed jobs kept: enough to inspect a run, bounded so Redis memory does not grow with every page. */
export const KEEP_COMPLETED = { count: 1_000, age: 24 * 3600 } as const;
/** Failed jobs kept for `pantau` to list and retry; bounded so a systematic failure cannot fill Redis. */
export const KEEP_FAILED = { count: 10_000 } as const;

/** Job options every queue starts from. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: BACKOFF_TYPE },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};
