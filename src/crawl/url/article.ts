/**
 * Which URLs of an outlet are articles: on one of its hosts and matching its `articlePattern`.
 */
import type { Source } from '../../types/source.js';
import { sameSite, tryCanonicalUrl } from './canonical.js';

const compiled = new Map<string, RegExp>();

/**
 * The source's `articlePattern` compiled (case-insensitive, cached). The pattern is searched in the whole
 * canonical URL (`https://host/path?query`), so it may anchor on the scheme (`^https?://[^/]+/berita/\d+/`) or
 * match a path fragment anywhere (`/read/\d+/`). Throws a SyntaxError when the pattern does not compile.
 */
export function articleRegExp(source: Pick<Source, 'articlePattern'>): RegExp {
  let re = compiled.get(source.articlePattern);
  if (!re) {
    re = new RegExp(source.articlePattern, 'i');
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source.articlePattern, re);
  }
  return re;
}

/**
 * The canonical form of `url` (resolved against `base`) when it is an article of `source`: http(s), on one of
 * its hosts, matching its article pattern. Null otherwise.
 */
export function articleUrl(
  url: string,
  source: Pick<Source, 'home' | 'extraHosts' | 'articlePattern'>,
  base?: string | URL,
): string | null {
  const canonical = tryCanonicalUrl(url, base, { source });
  if (!canonical || !sameSite(canonical, source)) return null;
  return articleRegExp(source).test(canonical) ? canonical : null;
}
