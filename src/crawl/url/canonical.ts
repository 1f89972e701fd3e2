/**
 * Canonical URLs: one spelling per page, so that the same article reached through a feed, a sitemap, a listing,
 * an AMP link or a shared link with tracking parameters is recognised as one page.
 */
import type { Source } from '../../types/source.js';

/** The parts of a source that URL normalisation and host checks read. */
export type SiteHosts = Pick<Source, 'home'> & Partial<Pick<Source, 'extraHosts'>>;

export interface CanonicalOptions {
  /**
   * The outlet the URL belongs to. With it, `m.` and `amp.` hosts that the source declares in `extraHosts`
   * (or that are `amp.` + its home host) are mapped to the home host.
   */
  source?: SiteHosts;
}

/** Query parameters that never change the page: analytics, click ids, share tracking. */
const TRACKING_EXACT = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'igshid', 'twclid', 'ttclid',
  '_ga', '_gl', 'mc_cid', 'mc_eid', 'spm', 'ref', 'ref_src', 'src', 'source', 'amp', '__twitter_impression',
]);

function isTrackingParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k.startsWith('utm_')) return true;
  if (TRACKING_EXACT.has(k)) return true;
  if (k === 'outputtype' && value.toLowerCase() === 'amp') return true;
  return false;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Upper-cases percent escapes and decodes the ones that encode unreserved characters (RFC 3986 6.2.2). */
function normalizeEscapes(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** The lower-case host of a URL string, or '' when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

function mapHost(host: string, source: SiteHosts | undefined): string {
  if (host.startsWith('amp.') && host.length > 4) {
    const bare = host.slice(4);
    if (source) {
      const home = hostOf(source.home);
      if (home && stripWww(home) === stripWww(bare)) return home;
    }
    return bare;
  }
  if (source && host.startsWith('m.') && host.length > 2) {
    const home = hostOf(source.home);
    const declared = (source.extraHosts ?? []).some((h) => h.toLowerCase() === host);
    if (declared && home && stripWww(home) === stripWww(host.slice(2))) return home;
  }
  return host;
}

function canonicalPath(pathname: string): string {
  let p = normalizeEscapes(pathname).replace(/\/{2,}/g, '/');
  // AMP variants: `.amp.html`, an `amp` path segment (`/amp/berita/1`, `/slug/amp`, `/slug/amp/`).
  p = p.replace(/\.amp\.html$/i, '.html');
  const segments = p.split('/');
  const kept = segments.filter((seg, i) => !(seg.toLowerCase() === 'amp' && i > 0));
  p = kept.join('/');
  if (!p.startsWith('/')) p = `/${p}`;
  if (p.length > 1 && p.endsWith('/')) p = p.replace(/\/+$/, '') || '/';
  return p;
}

function canonicalQuery(search: string): string {
  if (!search || search === '?') return '';
  const pairs: Array<[string, string, string]> = [];
  for (const part of search.slice(1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      key = rawKey;
      value = rawValue;
    }
    if (isTrackingParam(key, value)) continue;
    const text = eq < 0 ? normalizeEscapes(rawKey) : `${normalizeEscapes(rawKey)}=${normalizeEscapes(rawValue)}`;
    pairs.push([key, value, text]);
  }
  if (pairs.length === 0) return '';
  // Stable sort by key: repeated keys keep their relative order (it can matter: `a=1&a=2`).
  const sorted = pairs
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p[0] < b.p[0] ? -1 : a.p[0] > b.p[0] ? 1 : a.i - b.i));
  return `?${sorted.map(({ p }) => p[2]).join('&')}`;
}

/**
 * The canonical form of an http(s) URL, resolved against `base` when relative:
 * - scheme and host lower-cased (a `www.` is kept), trailing dot of the host and default ports removed;
 * - fragment removed; tracking parameters removed (`utm_*`, `fbclid`, `gclid`, `ref`, `src`, `source`, `_ga`,
 *   `mc_cid`, `mc_eid`, `spm`, ...); the other parameters kept and sorted by name (`page=all` stays);
 * - AMP variants mapped to the page: an `amp` path segment, `.amp.html`, `?amp=1`, `?outputType=amp`, an `amp.`
 *   host; an `m.` host only when `opts.source` declares it in `extraHosts`;
 * - duplicate slashes collapsed, percent escapes upper-cased (unreserved characters decoded), and the trailing
 *   slash removed from every path but the root (`https://a.id/x/` -> `https://a.id/x`, `https://a.id` ->
 *   `https://a.id/`).
 * Throws a TypeError when the URL does not parse or is not http(s); see {@link tryCanonicalUrl}.
 */
export function canonicalUrl(url: string, base?: string | URL, opts: CanonicalOptions = {}): string {
  const u = new URL(url.trim(), base);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new TypeError(`not an http(s) URL: ${u.href}`);
  }
  const host = mapHost(u.hostname.toLowerCase().replace(/\.$/, ''), opts.source);
  const port = u.port && !((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443'))
    ? `:${u.port}`
    : '';
  return `${u.protocol}//${host}${port}${canonicalPath(u.pathname)}${canonicalQuery(u.search)}`;
}

/** {@link canonicalUrl}, or null when the URL does not parse or is not http(s). */
export function tryCanonicalUrl(url: string, base?: string | URL, opts: CanonicalOptions = {}): string | null {
  try {
    return canonicalUrl(url, base, opts);
  } catch {
    return null;
  }
}

/**
 * Whether a host belongs to a source: its home host (with or without `www.`), or a host of `extraHosts`, where
 * `*.example.com` declares every subdomain of example.com (and example.com itself). Subdomains of the home
 * host are NOT included unless declared that way.
 */
export function hostBelongsTo(host: string, source: SiteHosts): boolean {
  const h = stripWww(host.toLowerCase().replace(/\.$/, ''));
  if (!h) return false;
  const home = stripWww(hostOf(source.home));
  if (h === home) return true;
  for (const extra of source.extraHosts ?? []) {
    const e = extra.toLowerCase().trim();
    if (e.startsWith('*.')) {
      const root = stripWww(e.slice(2));
      if (h === root || h.endsWith(`.${root}`)) return true;
    } else if (stripWww(e) === h) {
      return true;
    }
  }
  return false;
}

/** Whether an http(s) URL is on one of the source's hosts (see {@link hostBelongsTo}). */
export function sameSite(url: string, source: SiteHosts): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  return hostBelongsTo(u.hostname, source);
}
