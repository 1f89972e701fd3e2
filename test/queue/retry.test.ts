import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_TYPE,
  DEFAULT_JOB_OPTIONS,
  PermanentJobError,
  TransientJobError,
  backoffStrategy,
  classifyError,
  fullJitterBackoff,
  toWorkerError,
} from '../../src/queue/index.js';

function withCode(message: string, code: string, name = 'Error'): Error {
  const e = new Error(message) as Error & { code: string };
  e.code = code;
  e.name = name;
  return e;
}

function named(name: string, message = 'x'): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('classifyError', () => {
  it.each([
    ['ECONNREFUSED', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['ETIMEDOUT', withCode('connect ETIMEDOUT', 'ETIMEDOUT')],
    ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET')],
    ['EPIPE', withCode('write EPIPE', 'EPIPE')],
    ['EAI_AGAIN', withCode('getaddrinfo EAI_AGAIN db', 'EAI_AGAIN')],
    ['SQLITE_BUSY', withCode('database is locked', 'SQLITE_BUSY', 'SqliteError')],
    ['SQLITE_BUSY by message', new Error('database is locked')],
    ['pg Connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg connect timeout', new Error('timeout exceeded when trying to connect')],
    ['ioredis closed', new Error('Connection is closed.')],
    ['pg admin shutdown 57P01', withCode('terminating connection due to administrator command', '57P01')],
    ['pg connection exception 08006', withCode('connection failure', '08006')],
    ['pg serialization 40001', withCode('could not serialize access', '40001')],
    ['pg deadlock 40P01', withCode('deadlock detected', '40P01')],
    ['TransientJobError', new TransientJobError('later')],
    ['wrapped network error', new Error('query failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') })],
    ['AggregateError of refusals', Object.assign(new AggregateError([withCode('a', 'ECONNREFUSED')], ''), {})],
    ['unknown Error', new Error('something odd')],
    ['unknown TypeError', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('%s is transient', (_label, err) => {
    expect(classifyError(err)).toBe('transient');
  });

  it.each([
    ['PermanentJobError', new PermanentJobError('no')],
    ['UnrecoverableError', new UnrecoverableError('no')],
    ['StoreValidationError', named('StoreValidationError', 'invalid title: expected a string')],
    ['PageNotFoundError', named('PageNotFoundError', 'no stored page with id "x"')],
    ['StoreError (hash mismatch)', named('StoreError', 'stored body does not match its content hash')],
    ['ZodError', named('ZodError')],
    ['SyntaxError (parse)', new SyntaxError('Unexpected token < in JSON')],
    ['gzip corruption', withCode('incorrect header check', 'Z_DATA_ERROR')],
    ['pg data exception 22P02', withCode('invalid input syntax for type integer', '22P02')],
    ['pg undefined column 42703', withCode('column "x" does not exist', '42703')],
    ['wrapped permanent error', new Error('outer', { cause: new PermanentJobError('inner') })],
  ])('%s is permanent', (_label, err) => {
    expect(classifyError(err)).toBe('permanent');
  });

  it('an explicit transient error wins over a permanent cause', () => {
    expect(classifyError(new TransientJobError('retry', { cause: new PermanentJobError('x') }))).toBe('transient');
  });
});

describe('toWorkerError', () => {
  it('turns permanent errors into UnrecoverableError keeping the reason and cause', () => {
    const cause = named('PageNotFoundError', 'no stored page with id "p9"');
    const out = toWorkerError(cause);
    expect(out).toBeInstanceOf(UnrecoverableError);
    expect(out.message).toBe('no stored page with id "p9"');
    expect(out.cause).toBe(cause);
  });

  it('passes transient errors through, wrapping non-errors', () => {
    const e = withCode('read ECONNRESET', 'ECONNRESET');
    expect(toWorkerError(e)).toBe(e);
    const wrapped = toWorkerError('boom');
    expect(wrapped).toBeInstanceOf(TransientJobError);
    expect(wrapped.message).toBe('boom');
  });
});

describe('full-jitter backoff', () => {
  it('stays within [0, min(cap, base * 2^(n-1))]', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const bound = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const d = fullJitterBackoff(attempt);
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('grows exponentially up to the cap', () => {
    const top = (attempt: number) => fullJitterBackoff(attempt, { random: () => 0.999999999 });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(top)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(fullJitterBackoff(100, { random: () => 0.999999999 })).toBe(60_000);
    expect(fullJitterBackoff(3, { random: () => 0 })).toBe(0);
    expect(fullJitterBackoff(3, { random: () => 0.5, baseMs: 10, capMs: 1_000 })).toBe(20);
  });

  it('is jittered: delays of one attempt spread over the range, their mean about half the bound', () => {
    const samples = Array.from({ length: 2000 }, () => fullJitterBackoff(4));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(new Set(samples).size).toBeGreaterThan(1000);
    expect(Math.min(...samples)).toBeLessThan(1000);
    expect(Math.max(...samples)).toBeGreaterThan(7000);
    expect(mean).toBeGreaterThan(3500);
    expect(mean).toBeLessThan(4500);
  });

  it('is what the BullMQ strategy computes, for the type the default job options name', () => {
    expect(DEFAULT_JOB_OPTIONS.backoff).toEqual({ type: BACKOFF_TYPE });
    expect(DEFAULT_JOB_OPTIONS.attempts).toBe(5);
    const strategy = backoffStrategy({ random: () => 0.999999999, baseMs: 100, capMs: 1000 });
    expect([1, 2, 3, 4, 5].map((n) => strategy(n))).toEqual([100, 200, 400, 800, 1000]);
  });
});
