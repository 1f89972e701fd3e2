/**
 * The crawl stage's ports backed by the store and the queues: pages are stored raw first, then their ids are
 * queued for extraction, so a queue outage never loses a fetched page (pending pages are queued again by the
 * next run, see `requeuePending`).
 *
 * Both are group commits: the pages the crawl saves while a store transaction is under way are written together
 * by the next one, and the ids of stored pages are queued together in one round trip. Each call still resolves
 * once its own page is stored (queued), so the crawl's order "stored, then queued" holds page by page; batching
 * only shares the cost of a commit and of a Redis round trip between the pages that arrived meanwhile.
 */
import type { CrawlPorts, FetchedPage } from '../crawl/crawler/index.js';
import { enqueueExtract } from '../queue/index.js';
import type { Queues } from '../queue/index.js';
import { getValidators, knownUrls, putValidators, savePage, savePages } from '../store/index.js';
import type { Store } from '../store/index.js';
import { groupCommit } from '../lib/group-commit.js';

export function storeCrawlPorts(store: Store, queues: Queues, runId?: string): CrawlPorts {
  const save = groupCommit<FetchedPage, string>(async (pages) => {
    if (pages.length === 1) return [await savePage(store, pages[0])];
    try {
      return await savePages(store, pages);
    } catch {
      // One bad page must not fail the others (nor hide its own error): one by one then.
      return pages.map((page) => savePage(store, page));
    }
  });
  const enqueue = groupCommit<string, void>(async (pageIds) => {
    await enqueueExtract(queues, pageIds, runId);
    return pageIds.map(() => undefined);
  });
  return {
    knownUrls: (urls) => knownUrls(store, urls),
    savePage: save,
    onArticle: (pageId) => enqueue(pageId),
    getValidators: (url) => getValidators(store, url),
    putValidators: (url, v) => putValidators(store, url, v),
  };
}
