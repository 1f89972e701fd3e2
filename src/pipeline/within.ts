/**
 * Bounded waits on Redis: with `maxRetriesPerRequest: null` a command sent just before the connection dropped
 * waits until Redis is back, possibly forever; the pipeline must still notice the outage and shut down.
 */

export const TIMED_OUT = Symbol('timed out');

/** Waits for a promise at most `ms` (the timer is cleared, so it never holds the process open). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((r) => {
    timer = setTimeout(() => r(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
