/**
 * Politeness per host: the spacing of request starts (shared HostLimiter), per-host intervals (source
 * crawlDelay, robots.txt Crawl-delay), pauses after a 429/503 with Retry-After, and a refusal to send anything
 * to a host that is not the source's. Every request of a crawl (robots.txt, discovery, articles, redirect hops)
 * passes through one HostGate, which also counts them.
 */
import { HostLimiter } from '../../input/http.js';

/** Pauses per host, kept per shared limiter so that crawls sharing a limiter also share a host's pause. */
const pausesOf = new WeakMap<HostLimiter, Map<string, number>>();

/** Thrown by the gate for a host that is not the source's (a redirect of a discovery resource, say). */
export class OffsiteHostError extends Error {
  override name = 'OffsiteHostError';
  constructor(readonly host: string) {
    super(`not following a request to ${host}: not one of the source's hosts`);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (ms <= 0) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A HostLimiter for one crawl: waits out pauses, spaces starts through the shared limiter, refuses foreign
 * hosts. Given to `fetchDiscovery` as its limiter (it calls `acquire` before every request and redirect hop),
 * and awaited by the article fetcher before each request.
 */
export class HostGate extends HostLimiter {
  /** Interval per host in ms (robots Crawl-delay raises it); read by `fetchDiscovery` as `hostIntervals`. */
  readonly intervals = new Map<string, number>();
  private readonly pauses: Map<string, number>;
  /** Requests let through. */
  requests = 0;

  constructor(
    private readonly shared: HostLimiter,
    /** Interval of a host without a Crawl-delay: max(politenessMs, source crawlDelay). */
    readonly baseIntervalMs: number,
    private readonly allowHost: (host: string) => boolean,
  ) {
    super();
    let pauses = pausesOf.get(shared);
    if (!pauses) pausesOf.set(shared, (pauses = new Map()));
    this.pauses = pauses;
  }

  intervalFor(host: string): number {
    return this.intervals.get(host) ?? this.baseIntervalMs;
  }

  /** Raises a host's interval (never lowers it below the base). */
  setInterval(host: string, ms: number): void {
    this.intervals.set(host, Math.max(this.baseIntervalMs, ms));
  }

  override async acquire(host: string, intervalMs: number, signal?: AbortSignal): Promise<void> {
    if (!this.allowHost(host)) throw new OffsiteHostError(host);
    for (;;) {
      const wait = (this.pauses.get(host) ?? 0) - Date.now();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    await this.shared.acquire(host, intervalMs, signal);
    this.requests++;
  }

  /** No request to `host` starts during the next `ms` (a Retry-After). */
  pause(host: string, ms: number): void {
    const until = Date.now() + ms;
    if ((this.pauses.get(host) ?? 0) < until) this.pauses.set(host, until);
  }
}

/**
 * A Retry-After value in ms: delay-seconds or an HTTP date (RFC 9110 10.2.3). Undefined when absent or
 * unreadable; 0 for a date in the past.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}
