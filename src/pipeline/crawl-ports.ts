/**
 * The crawl stage's ports backed by the store and the queues: pages are stored raw first, then their ids are
 * queued for extraction, so a queue outage never loses a fetched page (pending pages are queued again by the
 * next run, see `requeuePending`).
 */
import type { CrawlPorts } from '../crawl/crawler/index.js';
import { enqueueExtract } from '../queue/index.js';
import type { Queues } from '../queue/index.js';
import { getValidators, knownUrls, putValidators, savePage } from '../store/index.js';
import type { Store } from '../store/index.js';

export function storeCrawlPorts(store: Store, queues: Queues, runId?: string): CrawlPorts {
  return {
    knownUrls: (urls) => knownUrls(store, urls),
    savePage: (page) => savePage(store, page),
    onArticle: async (pageId) => {
      await enqueueExtract(queues, [pageId], runId);
    },
    getValidators: (url) => getValidators(store, url),
    putValidators: (url, v) => putValidators(store, url, v),
  };
}
