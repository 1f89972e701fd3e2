/**
 * Pagination links: an RFC 8288 `Link` header with `next` and `prev` for a page of a list, keeping the other
 * query parameters as they were.
 */
import type { PageInfo } from './route.js';

/** The offset of the next page, or null on the last one. */
export function nextOffset(page: PageInfo): number | null {
  const next = page.offset + page.limit;
  if (page.more !== undefined) return page.more && page.limit > 0 ? next : null;
  return page.limit > 0 && next < page.total ? next : null;
}

/** `Link: <...>; rel="next", <...>; rel="prev"` for `url` (the request's path and query), or '' when neither. */
export function linkHeader(url: string, page: PageInfo): string {
  const [path, search = ''] = url.split('?', 2);
  const at = (offset: number) => {
    const params = new URLSearchParams(search);
    params.set('offset', String(offset));
    if (!params.has('limit')) params.set('limit', String(page.limit));
    return `<${path}?${params.toString()}>`;
  };
  const links: string[] = [];
  const next = nextOffset(page);
  if (next !== null) links.push(`${at(next)}; rel="next"`);
  if (page.offset > 0 && page.limit > 0) links.push(`${at(Math.max(0, page.offset - page.limit))}; rel="prev"`);
  return links.join(', ');
}
