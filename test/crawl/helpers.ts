/**
 * Test support for the crawl: in-memory ports (a Map standing in for the store) that record every call.
 */
import type { CrawlPorts, FetchedPage, FetchValidators } from '../../src/crawl/crawler/index.js';
import { canonicalUrl } from '../../src/crawl/url/index.js';
import type { RequestLogEntry } from '../../src/demo-site/index.js';

export interface MemoryPorts {
  ports: CrawlPorts;
  /** The last save of each URL. */
  pages: Map<string, FetchedPage & { id: string }>;
  /** Every savePage call, in order. */
  saves: FetchedPage[];
  /** Every onArticle call. */
  articles: Array<{ pageId: string; url: string }>;
  validators: Map<string, FetchValidators>;
}

export function memoryPorts(overrides: Partial<CrawlPorts> = {}): MemoryPorts {
  const pages = new Map<string, FetchedPage & { id: string }>();
  const saves: FetchedPage[] = [];
  const articles: Array<{ pageId: string; url: string }> = [];
  const validators = new Map<string, FetchValidators>();
  let next = 1;
  const ports: CrawlPorts = {
    async knownUrls(urls) {
      return new Set(urls.filter((u) => pages.has(u)));
    },
    async savePage(page) {
      saves.push(page);
      const id = pages.get(page.url)?.id ?? `p${next++}`;
      // Like the store: a failure never replaces a stored body.
      if (!(page.body == null && pages.get(page.url)?.body != null)) pages.set(page.url, { ...page, id });
      return id;
    },
    async onArticle(pageId, url) {
      articles.push({ pageId, url });
    },
    async getValidators(url) {
      return validators.get(url);
    },
    async putValidators(url, v) {
      validators.set(url, v);
    },
    ...overrides,
  };
  return { ports, pages, saves, articles, validators };
}

/** The canonical form of a demo URL (what the crawl saves pages under). */
export const canon = (url: string) => canonicalUrl(url);

/** Path (with query) of a logged request. */
export const pathOf = (r: RequestLogEntry) => {
  const u = new URL(r.url);
  return u.pathname + u.search;
};
