/**
 * The crawl stage: `crawlSource(source, ports, options)` crawls one outlet (discovery, robots.txt, politeness,
 * size caps, dedupe against the store) and hands raw pages to storage through ports. Pure core: no database,
 * no queue.
 */
export { crawlSource } from './crawl-source.js';
export type { CrawlPorts, FetchedPage, FetchValidators } from './ports.js';
export { CRAWL_DEFAULTS, crawlLimiter, type CrawlOptions } from './options.js';
export type { CrawlProgressEvent, ResourceKind, SkipReason } from './events.js';
export { SKIP_REASONS } from './events.js';
export type { CrawlStats, DiscoveryIssue, UrlIssue } from './stats.js';
export { CrawlError, CrawlConfigError, CrawlStorageError } from './errors.js';
