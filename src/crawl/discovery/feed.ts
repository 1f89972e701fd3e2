/**
 * Feeds: RSS 2.0 (and 0.9x), RSS 1.0 / RDF, Atom 1.0. Dates in RFC 822 (English or Indonesian day and month
 * names), ISO 8601 or Dublin Core, as YYYY-MM-DD.
 */
import { parseLooseDate } from './dates.js';
import {
  DiscoveryFormatError, attr, decodeHtmlEntities, child, childElements, descendants, localName, parseXmlRoots, prefixOf, textOf,
  type Element,
} from './xml.js';

export interface FeedEntry {
  /** Absolute URL of the item (resolved against the feed URL when relative; not canonicalised). */
  url: string;
  /** Publication date (else the update date) as YYYY-MM-DD. */
  date?: string;
  title?: string;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf';
  /** The channel / feed title. */
  title?: string;
  entries: FeedEntry[];
}

function resolveHttp(raw: string | undefined, baseUrl: string): string | null {
  const s = (raw ?? '').trim();
  if (!s) return null;
  try {
    const u = new URL(s, baseUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function firstDate(el: Element, names: string[]): string | undefined {
  for (const name of names) {
    for (const c of childElements(el, name)) {
      const d = parseLooseDate(textOf(c));
      if (d) return d;
    }
  }
  return undefined;
}

/** The alternate link of an Atom entry (also used for `<atom:link>` inside RSS items). */
function atomLink(el: Element, baseUrl: string): string | null {
  const links = childElements(el, 'link').filter((l) => attr(l, 'href') !== undefined);
  const alternate = links.filter((l) => {
    const rel = (attr(l, 'rel') ?? 'alternate').toLowerCase();
    return rel === 'alternate';
  });
  const html = alternate.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? alternate[0];
  return resolveHttp(html ? attr(html, 'href') : undefined, baseUrl);
}

function rssItemUrl(item: Element, baseUrl: string): string | null {
  const orig = child(item, 'origlink');
  const fromOrig = resolveHttp(textOf(orig), baseUrl);
  if (fromOrig) return fromOrig;
  for (const link of childElements(item, 'link')) {
    if (prefixOf(link) && prefixOf(link) !== 'rss') continue;
    const fromText = resolveHttp(textOf(link), baseUrl);
    if (fromText) return fromText;
  }
  const fromAtom = atomLink(item, baseUrl);
  if (fromAtom) return fromAtom;
  const guid = child(item, 'guid');
  if (guid && (attr(guid, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false') {
    const fromGuid = resolveHttp(textOf(guid), baseUrl);
    if (fromGuid && /^https?:\/\//i.test(textOf(guid))) return fromGuid;
  }
  return resolveHttp(attr(item, 'about'), baseUrl);
}

const RSS_DATES = ['pubdate', 'date', 'published', 'updated', 'issued', 'created', 'modified'];
const ATOM_DATES = ['published', 'issued', 'created', 'updated', 'modified', 'date'];

/**
 * Parses an RSS, RDF or Atom feed. Throws a DiscoveryFormatError when the text is not a feed; items without a
 * usable link are skipped. Items appear in feed order, each URL once.
 */
export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  const roots = parseXmlRoots(xml);
  const root =
    roots.find((r) => ['rss', 'feed', 'rdf'].includes(localName(r))) ??
    descendants(roots, 'rss')[0] ??
    descendants(roots, 'feed')[0];
  if (!root) {
    const first = roots[0];
    throw new DiscoveryFormatError(first ? `not a feed (root element <${first.name}>)` : 'not XML');
  }
  const name = localName(root);
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  const push = (url: string | null, date: string | undefined, title: string) => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    const e: FeedEntry = { url };
    if (date) e.date = date;
    if (title) e.title = decodeHtmlEntities(title);
    entries.push(e);
  };

  if (name === 'feed') {
    for (const entry of descendants(root, 'entry')) {
      push(atomLink(entry, baseUrl), firstDate(entry, ATOM_DATES), textOf(child(entry, 'title')));
    }
    const title = decodeHtmlEntities(textOf(child(root, 'title')));
    return { kind: 'atom', ...(title ? { title } : {}), entries };
  }

  const channel = child(root, 'channel');
  for (const item of descendants(root, 'item')) {
    push(rssItemUrl(item, baseUrl), firstDate(item, RSS_DATES), textOf(child(item, 'title')));
  }
  const title = channel ? decodeHtmlEntities(textOf(child(channel, 'title'))) : '';
  return { kind: name === 'rdf' ? 'rdf' : 'rss', ...(title ? { title } : {}), entries };
}
