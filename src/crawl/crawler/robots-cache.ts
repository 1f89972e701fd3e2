/**
 * robots.txt, fetched once per host (`host:port`) and consulted for every discovery resource, article and
 * redirect target. Its Crawl-delay raises the host's interval in the gate.
 *
 * Unavailability follows RFC 9309: a 4xx (no robots.txt) allows everything; a 5xx or a network failure means
 * the host is treated as disallowing everything for this crawl, since its rules are unknown.
 */
import { decodeMaybeGzip, decodeXmlBytes } from '../discovery/bytes.js';
import { describeFetch, type DiscoveryFetchResult } from '../discovery/fetch.js';
import { allowAllRobots, parseRobots, type Robots } from '../discovery/robots.js';
import type { HostGate } from './politeness.js';
import type { StatsRecorder } from './stats.js';

export interface HostRobots {
  robots: Robots;
  /** Set when robots.txt could not be read and the host is off limits. */
  unavailable?: string;
}

export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string };

export class RobotsCache {
  private readonly byHost = new Map<string, Promise<HostRobots>>();

  constructor(
    private readonly fetch: (url: string) => Promise<DiscoveryFetchResult>,
    private readonly gate: HostGate,
    private readonly userAgent: string,
    /** Longest Crawl-delay honoured, seconds. */
    private readonly maxCrawlDelay: number,
    private readonly recorder: StatsRecorder,
  ) {}

  /** The rules of the URL's host (fetched on first use; concurrent callers share one fetch). */
  forUrl(url: string | URL): Promise<HostRobots> {
    const u = typeof url === 'string' ? new URL(url) : url;
    let p = this.byHost.get(u.host);
    if (!p) {
      p = this.load(u);
      this.byHost.set(u.host, p);
    }
    return p;
  }

  async check(url: string | URL): Promise<RobotsVerdict> {
    const { robots, unavailable } = await this.forUrl(url);
    if (unavailable) return { allowed: false, reason: unavailable };
    const href = typeof url === 'string' ? url : url.href;
    if (robots.isAllowed(href)) return { allowed: true };
    const rule = robots.matchingRule(href);
    return { allowed: false, reason: `disallowed by robots.txt${rule ? ` (Disallow: ${rule.pattern})` : ''}` };
  }

  private async load(u: URL): Promise<HostRobots> {
    const robotsUrl = `${u.protocol}//${u.host}/robots.txt`;
    const r = await this.fetch(robotsUrl);
    const event = { type: 'discovery' as const, kind: 'robots' as const, url: robotsUrl, status: r.status, found: 0 };
    if (r.error || r.status >= 500 || r.status === 0) {
      const why = describeFetch(r);
      this.recorder.discoveryFailed('robots', robotsUrl, why);
      this.recorder.emit({ ...event, error: why });
      if (r.error && (r.error.kind === 'redirects' || r.error.kind === 'too-large')) return { robots: allowAllRobots() };
      return { robots: allowAllRobots(), unavailable: `robots.txt unavailable (${why}): host not crawled` };
    }
    if (r.status < 200 || r.status > 299) {
      this.recorder.emit(event);
      return { robots: allowAllRobots() };
    }
    this.recorder.stats.discovery.read++;
    let text = '';
    try {
      text = decodeXmlBytes(decodeMaybeGzip(r.bytes ?? new Uint8Array()), r.charset);
    } catch {
      // Unreadable (corrupt gzip): as an empty file, which allows everything.
    }
    // Some servers answer every path with their home page: that is no robots.txt.
    const robots = /<html|<body/i.test(text.slice(0, 2000)) ? allowAllRobots() : parseRobots(text, this.userAgent, r.finalUrl);
    if (robots.crawlDelay !== undefined) {
      this.gate.setInterval(u.host, Math.min(robots.crawlDelay, this.maxCrawlDelay) * 1000);
    }
    this.recorder.emit({ ...event, found: robots.rules.length });
    return { robots };
  }
}
