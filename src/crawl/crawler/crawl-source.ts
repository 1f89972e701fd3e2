/**
 * Crawling one outlet: robots.txt, discovery, selection of new article URLs, polite fetching, storage through
 * ports, validators of sitemaps and feeds once their URLs are dealt with.
 */
import type { Source } from '../../types/source.js';
import { articleRegExp } from '../url/article.js';
import { fetchDiscovery } from '../discovery/fetch.js';
import { discover, type DiscoveryFetchExtra, type ReadResource } from './discover.js';
import { CrawlConfigError, CrawlStorageError } from './errors.js';
import { startFetching } from './fetch-articles.js';
import { Frontier, type FrontierEntry } from './frontier.js';
import { hostOnSite, onSiteOf } from './hosts.js';
import { resolveOptions, type CrawlOptions } from './options.js';
import { HostGate } from './politeness.js';
import type { CrawlPorts } from './ports.js';
import { RobotsCache } from './robots-cache.js';
import { StatsRecorder, type CrawlStats } from './stats.js';

const ROBOTS_ACCEPT = 'text/plain,*/*;q=0.5';

function checkSource(source: Source): void {
  if (!source || typeof source.id !== 'string') throw new CrawlConfigError(String(source?.id), 'not a source');
  try {
    new URL(source.home);
  } catch {
    throw new CrawlConfigError(source.id, `home is not a URL: ${JSON.stringify(source.home)}`);
  }
  try {
    articleRegExp(source);
  } catch (err) {
    throw new CrawlConfigError(source.id, `articlePattern does not compile: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Crawls one source: finds article URLs through its declared discovery (sitemaps, feeds, listings), skips those
 * already stored, too old, disallowed or off its hosts, fetches at most `maxPages` of the rest politely and
 * hands each to `ports.savePage` (raw bytes) and then `ports.onArticle`.
 *
 * Never throws over a page: every skip and failure is in the returned stats. Throws `CrawlConfigError` for an
 * unusable source or option, and `CrawlStorageError` when a storage port fails (the crawl stops at once).
 * Aborting `options.signal` stops the crawl and returns partial stats (`aborted: true`).
 */
export async function crawlSource(source: Source, ports: CrawlPorts, options: CrawlOptions = {}): Promise<CrawlStats> {
  checkSource(source);
  const opts = resolveOptions(source, options);
  const recorder = new StatsRecorder(source.id, opts.maxIssues, opts.onProgress);
  const stop = new AbortController();
  let fatalError: CrawlStorageError | undefined;
  const fatal = (err: CrawlStorageError) => {
    fatalError ??= err;
    stop.abort(err);
  };
  const onUserAbort = () => stop.abort(opts.signal?.reason);
  if (opts.signal?.aborted) stop.abort(opts.signal.reason);
  opts.signal?.addEventListener('abort', onUserAbort, { once: true });

  const onSite = onSiteOf(source);
  const baseInterval = Math.max(opts.politenessMs, (source.crawlDelay ?? 0) * 1000);
  const gate = new HostGate(opts.limiter, baseInterval, (host) => hostOnSite(onSite, host));
  const fetch = (url: string, extra: DiscoveryFetchExtra = {}) =>
    fetchDiscovery(url, {
      timeoutMs: opts.timeoutMs,
      maxBytes: opts.maxDiscoveryBytes,
      maxRedirects: opts.maxRedirects,
      hostIntervalMs: baseInterval,
      hostIntervals: gate.intervals,
      userAgent: opts.userAgent,
      limiter: gate,
      signal: stop.signal,
      ...extra,
    });
  const robots = new RobotsCache((url) => fetch(url, { accept: ROBOTS_ACCEPT }), gate, opts.userAgent, opts.maxCrawlDelay, recorder);
  const frontier = new Frontier(source, onSite, recorder, opts.since);

  const check = (url: string) => robots.check(url);
  // Articles are fetched while discovery goes on (see Frontier.takeEarly), so a source's first pages are stored
  // (and extracted) before its last listing page is read.
  const fetcher = startFetching({ source, options: opts, gate, robots, onSite, ports, recorder, stop, fatal });
  const handOver = (entries: FrontierEntry[]) => {
    if (entries.length === 0) return;
    recorder.emit({ type: 'queued', count: entries.length });
    fetcher.add(entries);
  };
  try {
    let resources: ReadResource[];
    try {
      resources = await discover({
        source,
        options: opts,
        frontier,
        robots,
        onSite,
        fetch,
        ports,
        recorder,
        signal: stop.signal,
        onEntries: async () => {
          if (!stop.signal.aborted) handOver(await frontier.takeEarly(opts.maxPages, check));
        },
      });
      if (!stop.signal.aborted) {
        handOver(await frontier.select(opts.maxPages, check));
        recorder.emit({ type: 'discovered', count: recorder.stats.discovered, queued: recorder.stats.queued });
      }
    } catch (err) {
      // Discovery failed (a storage port): the fetches under way stop too.
      stop.abort(err);
      throw err;
    } finally {
      // The fetches under way end before the crawl returns or throws.
      await fetcher.finish();
    }
    if (fatalError) throw fatalError;
    if (!stop.signal.aborted) await storeValidators(resources, frontier, ports, recorder);
  } finally {
    opts.signal?.removeEventListener('abort', onUserAbort);
    recorder.stats.requests = gate.requests;
  }
  const stats = recorder.stats;
  stats.aborted = stop.signal.aborted;
  for (const e of frontier.entries.values()) if (e.state === 'unfinished') stats.unfinished++;
  return recorder.finish();
}

/** Stores the validators of every sitemap and feed whose listed URLs are all dealt with (index: and children). */
async function storeValidators(resources: ReadResource[], frontier: Frontier, ports: CrawlPorts, recorder: StatsRecorder): Promise<void> {
  if (!ports.putValidators) return;
  const unsettled = frontier.unsettledResources();
  const done = (r: ReadResource): boolean => r.complete && !unsettled.has(r.id) && r.children.every((c) => done(resources[c]));
  for (const r of resources) {
    if (!r.validators || !done(r)) continue;
    try {
      await ports.putValidators(r.url, r.validators);
    } catch (err) {
      // The cost is one full download next time; nothing is lost.
      recorder.discoveryIssue(r.kind, r.url, `validators not stored: ${(err as Error).message}`);
    }
  }
}
