/**
 * The pipeline assembled: crawl stage -> queues -> extraction workers -> store, as the CLI runs it.
 */
export { openPipeline, type Pipeline } from './context.js';
export { runCrawl, requeuePending, type CrawlRunOptions, type CrawlRunResult, type CrawlRunStatus, type SourceRunState } from './run-crawl.js';
export { crawlJobHandler, emptyTally, type CrawlTally, type CrawlHandlerDeps } from './crawl-job.js';
export { storeCrawlPorts } from './crawl-ports.js';
export { extractionProgress, type ExtractionProgress } from './extraction-progress.js';
export { RedisOutageError } from './errors.js';
