/**
 * Whether a URL is on the source's hosts. Stricter than `sameSite` (src/crawl/url), which compares host names
 * only: here the port must match the home page's too, so that another server on the same machine (loopback
 * fixtures, a test server next to the outlet) counts as another site.
 */
import { hostBelongsTo } from '../url/canonical.js';
import type { Source } from '../../types/source.js';

export type OnSite = (url: string | URL) => boolean;

/** A predicate for "on one of the source's hosts, on the home page's port". */
export function onSiteOf(source: Pick<Source, 'home' | 'extraHosts'>): OnSite {
  const home = new URL(source.home);
  const homePort = home.port;
  return (url) => {
    let u: URL;
    try {
      u = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    // `URL.port` is '' for the scheme's default port, so http and https on default ports both pass.
    return u.port === homePort && hostBelongsTo(u.hostname, source);
  };
}

/** Same test on a `host[:port]` string (what the host limiter sees). */
export function hostOnSite(onSite: OnSite, host: string): boolean {
  return onSite(`http://${host}/`) || onSite(`https://${host}/`);
}
