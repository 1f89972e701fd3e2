/**
 * Discovery: reads the source's sitemaps (indexes, gzipped, news), feeds and listing pages and puts every
 * article URL they give into the frontier. Discovery is the whole frontier: links on article pages are not
 * followed, which keeps endless traps (calendar archives, search pages) out by construction.
 */
import { decodeHtml } from '../../input/charset.js';
import type { FetchValidators } from '../../types/page.js';
import type { Discovery, Source } from '../../types/source.js';
import { decodeMaybeGzip, decodeXmlBytes } from '../discovery/bytes.js';
import { parseFeed } from '../discovery/feed.js';
import { describeFetch, type DiscoveryFetchResult } from '../discovery/fetch.js';
import { parseListing } from '../discovery/listing.js';
import { parseSitemap, sitemapEntryDate, type SitemapEntry } from '../discovery/sitemap.js';
import { CrawlStorageError } from './errors.js';
import type { ResourceKind } from './events.js';
import type { Frontier } from './frontier.js';
import type { OnSite } from './hosts.js';
import type { ResolvedOptions } from './options.js';
import type { CrawlPorts } from './ports.js';
import type { RobotsCache } from './robots-cache.js';
import type { StatsRecorder } from './stats.js';

/** A sitemap or feed read this run; its validators are stored only once everything it listed is dealt with. */
export interface ReadResource {
  id: number;
  kind: 'sitemap' | 'feed';
  url: string;
  /** Validators of its 200 response, to store (absent after a 304 or when the server sent none). */
  validators?: FetchValidators;
  /** Read in full: a 304, or fetched and parsed (an index: and every child read in full too). */
  complete: boolean;
  children: number[];
}

export interface DiscoveryFetchExtra {
  accept?: string;
  etag?: string;
  lastModified?: string;
}

export interface DiscoveryDeps {
  source: Source;
  options: ResolvedOptions;
  frontier: Frontier;
  robots: RobotsCache;
  onSite: OnSite;
  fetch: (url: string, extra?: DiscoveryFetchExtra) => Promise<DiscoveryFetchResult>;
  ports: CrawlPorts;
  recorder: StatsRecorder;
  signal: AbortSignal;
  /** Called after each batch of article URLs is added to the frontier and checked against the store. */
  onEntries?: () => Promise<void>;
}

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

function ok(r: DiscoveryFetchResult): boolean {
  return !r.error && r.status >= 200 && r.status <= 299;
}

function xmlText(r: DiscoveryFetchResult, maxBytes: number): string {
  return decodeXmlBytes(decodeMaybeGzip(r.bytes ?? new Uint8Array(), maxBytes), r.charset);
}

/** Reads every discovery entry of the source, in order. Returns the sitemaps and feeds read. */
export async function discover(deps: DiscoveryDeps): Promise<ReadResource[]> {
  const { source, options, frontier, recorder, signal } = deps;
  const resources: ReadResource[] = [];
  let sitemapsRead = 0;

  const newResource = (kind: ReadResource['kind'], url: string): ReadResource => {
    const r: ReadResource = { id: resources.length, kind, url, complete: false, children: [] };
    resources.push(r);
    return r;
  };

  const failed = (kind: ResourceKind, url: string, reason: string, status = 0) => {
    // Requests cut short by a stop are not failures of the resource.
    if (signal.aborted) return;
    recorder.discoveryFailed(kind, url, reason);
    recorder.emit({ type: 'discovery', kind, url, status, found: 0, error: reason });
  };

  /**
   * Why a discovery URL may not be fetched, or undefined. `permanent`: off the source's hosts or disallowed,
   * which is a decision (its parent index counts as read in full); otherwise robots.txt was unavailable.
   */
  const blocked = async (url: string): Promise<{ reason: string; permanent: boolean } | undefined> => {
    if (!deps.onSite(url)) return { reason: "not on the source's hosts", permanent: true };
    const { unavailable } = await deps.robots.forUrl(url);
    const verdict = await deps.robots.check(url);
    return verdict.allowed ? undefined : { reason: verdict.reason, permanent: !unavailable };
  };

  const validatorsFor = async (kind: ResourceKind, url: string): Promise<FetchValidators | undefined> => {
    if (!options.conditional || !deps.ports.getValidators) return undefined;
    try {
      return (await deps.ports.getValidators(url)) ?? undefined;
    } catch (err) {
      // Losing a validator costs one full download, not data: note it and go on.
      recorder.discoveryIssue(kind, url, `validators not read: ${(err as Error).message}`);
      return undefined;
    }
  };

  const conditionalFetch = async (kind: ResourceKind, url: string): Promise<DiscoveryFetchResult> => {
    const v = await validatorsFor(kind, url);
    return deps.fetch(url, {
      ...(v?.etag ? { etag: v.etag } : {}),
      ...(v?.lastModified ? { lastModified: v.lastModified } : {}),
    });
  };

  const keepValidators = (res: ReadResource, r: DiscoveryFetchResult) => {
    if (r.etag || r.lastModified) res.validators = { etag: r.etag ?? null, lastModified: r.lastModified ?? null, fetchedAt: new Date() };
  };

  const checkKnown = async () => {
    try {
      await frontier.checkKnown(deps.ports.knownUrls);
    } catch (err) {
      throw new CrawlStorageError(source.id, 'knownUrls', undefined, err);
    }
    await deps.onEntries?.();
  };

  const readSitemap = async (url: string, depth: number): Promise<ReadResource> => {
    const res = newResource('sitemap', url);
    const why = await blocked(url);
    if (why) {
      failed('sitemap', url, why.reason);
      res.complete = why.permanent;
      return res;
    }
    const r = await conditionalFetch('sitemap', url);
    if (r.status === 304) {
      recorder.stats.discovery.notModified++;
      recorder.emit({ type: 'discovery', kind: 'sitemap', url, status: 304, found: 0, notModified: true });
      res.complete = true;
      return res;
    }
    if (!ok(r)) return (failed('sitemap', url, describeFetch(r), r.status), res);
    let parsed;
    try {
      parsed = parseSitemap(xmlText(r, options.maxDiscoveryBytes), r.finalUrl);
    } catch (err) {
      return (failed('sitemap', url, (err as Error).message, r.status), res);
    }
    recorder.stats.discovery.read++;
    keepValidators(res, r);
    recorder.emit({ type: 'discovery', kind: 'sitemap', url, status: r.status, found: parsed.entries.length });
    if (parsed.kind === 'urlset') {
      for (const e of parsed.entries) frontier.add(e.url, sitemapEntryDate(e), res.id);
      await checkKnown();
      res.complete = true;
      return res;
    }
    if (depth >= 2) return (failed('sitemap', url, 'sitemap indexes nested too deep'), res);
    res.complete = await readChildren(res, parsed.entries, depth);
    return res;
  };

  /** The sitemaps of an index, newest first; true when every one was read in full (or skipped as old). */
  const readChildren = async (parent: ReadResource, entries: SitemapEntry[], depth: number): Promise<boolean> => {
    let complete = true;
    const children = entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => {
        const da = a.e.lastmod ?? '';
        const db = b.e.lastmod ?? '';
        return da !== db ? (da < db ? 1 : -1) : a.i - b.i;
      })
      .map(({ e }) => e);
    for (const child of children) {
      if (signal.aborted) return false;
      if (options.since && child.lastmod && child.lastmod < options.since) {
        recorder.discoverySkipped('sitemap', child.url, `not read: lastmod ${child.lastmod} is before ${options.since}`);
        continue;
      }
      if (sitemapsRead >= options.maxSitemaps) {
        recorder.discoverySkipped('sitemap', child.url, `not read: maxSitemaps (${options.maxSitemaps}) reached`);
        complete = false;
        continue;
      }
      // Newest sitemaps come first: once they hold a full run's worth of new URLs, older ones can wait.
      if (frontier.fresh() >= options.maxPages) {
        recorder.discoverySkipped('sitemap', child.url, `not read: newer sitemaps gave maxPages (${options.maxPages}) new URLs`);
        complete = false;
        continue;
      }
      sitemapsRead++;
      const c = await readSitemap(child.url, depth + 1);
      parent.children.push(c.id);
      if (!c.complete) complete = false;
    }
    return complete;
  };

  const readFeed = async (url: string): Promise<void> => {
    const res = newResource('feed', url);
    const why = await blocked(url);
    if (why) return failed('feed', url, why.reason);
    const r = await conditionalFetch('feed', url);
    if (r.status === 304) {
      recorder.stats.discovery.notModified++;
      recorder.emit({ type: 'discovery', kind: 'feed', url, status: 304, found: 0, notModified: true });
      res.complete = true;
      return;
    }
    if (!ok(r)) return failed('feed', url, describeFetch(r), r.status);
    let parsed;
    try {
      parsed = parseFeed(xmlText(r, options.maxDiscoveryBytes), r.finalUrl);
    } catch (err) {
      return failed('feed', url, (err as Error).message, r.status);
    }
    recorder.stats.discovery.read++;
    keepValidators(res, r);
    recorder.emit({ type: 'discovery', kind: 'feed', url, status: r.status, found: parsed.entries.length });
    for (const e of parsed.entries) frontier.add(e.url, e.date, res.id);
    await checkKnown();
    res.complete = true;
  };

  const readListing = async (d: Extract<Discovery, { kind: 'listing' }>): Promise<void> => {
    const pages = d.page?.includes('{page}') ? Math.max(1, d.maxPages ?? options.maxListingPages) : 1;
    const seen = new Set<string>();
    for (let n = 1; n <= pages && !signal.aborted; n++) {
      const url = n === 1 ? d.url : d.page!.replaceAll('{page}', String(n));
      const why = await blocked(url);
      if (why) return failed('listing', url, why.reason);
      const r = await deps.fetch(url, { accept: HTML_ACCEPT });
      if (!ok(r)) {
        // A 404 after the first page is the end of the listing, not a failure.
        if (n === 1 || r.status !== 404) failed('listing', url, describeFetch(r), r.status);
        return;
      }
      if (r.mediaType && !/html|xml|text\/plain|octet-stream/.test(r.mediaType)) {
        return failed('listing', url, `not HTML (${r.mediaType})`, r.status);
      }
      let html: string;
      try {
        html = decodeHtml(decodeMaybeGzip(r.bytes ?? new Uint8Array(), options.maxDiscoveryBytes), r.charset).text;
      } catch (err) {
        return failed('listing', url, (err as Error).message, r.status);
      }
      const parsed = parseListing(html, r.finalUrl, source, { template: d.page, page: n });
      recorder.stats.discovery.read++;
      recorder.emit({ type: 'discovery', kind: 'listing', url, status: r.status, found: parsed.links.length });
      let added = 0;
      let allOld = parsed.links.length > 0;
      for (const l of parsed.links) {
        if (!seen.has(l.url)) {
          seen.add(l.url);
          added++;
        }
        frontier.add(l.url, l.date);
        if (!(options.since && l.date && l.date < options.since)) allOld = false;
      }
      await checkKnown();
      // Stop at an empty page, at a page repeating earlier ones (a server ignoring the page parameter), and
      // once every link is dated before `since` (listings run newest first).
      if (added === 0 || allOld) return;
    }
  };

  for (const d of source.discovery) {
    if (signal.aborted) break;
    if (d.kind === 'sitemap') await readSitemap(d.url, 0);
    else if (d.kind === 'feed') await readFeed(d.url);
    else await readListing(d);
  }
  return resources;
}
