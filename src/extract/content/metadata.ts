import { attr, ELEMENT_NODE, walkDocument, type DomDocument, type DomElement } from './dom.js';
import { normalizeDateValue } from '../dates/index.js';
import { collapseWhitespace } from './html-to-text.js';
import { normalizeLanguage } from './language.js';

/** Page metadata read from the document head, JSON-LD and a few body elements. */
export interface PageMetadata {
  title: string;
  url: string | null;
  site: string | null;
  /** From the markup only; the caller guesses from the text when this is null. */
  language: string | null;
  published_at: string | null;
}

type JsonObject = Record<string, unknown>;

/** Meta names (name/property/itemprop, lowercase) that carry a publication date, best first. */
const DATE_METAS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'published_time', 'published-date',
  'publication_date', 'parsely-pub-date', 'sailthru.date', 'article.published', 'content_publisheddate',
  'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.created', 'dcterms.issued', 'date', 'created',
];

const ARTICLE_TYPE = /Article|BlogPosting|Report|WebPage|CreativeWork|Posting/i;
/** Cap on JSON-LD nodes visited, against pathological documents. */
const MAX_LD_NODES = 5_000;

/** The elements metadata is read from, in document order, gathered in one walk. */
export interface MetaElements {
  metas: DomElement[];
  scripts: DomElement[];
  links: DomElement[];
  /** `<time>` elements. */
  times: DomElement[];
  /** Elements marked as the publication date: `[itemprop="datePublished"], time[pubdate], time.published, time.entry-date`. */
  marked: DomElement[];
  h1: DomElement | null;
  title: DomElement | null;
}

const CLASS_PUBLISHED = /(?:^|\s)(?:published|entry-date)(?:\s|$)/;

/**
 * Collects what `querySelectorAll` would find for each of the selectors used here (on linkedom every
 * selector query compiles its selector and walks the whole document). `visit` must see every element
 * of the document in document order, template contents excepted, with its `localName` and
 * `hasAttributes()`.
 */
export function metaCollector(): {
  found: MetaElements;
  visit: (el: DomElement, name: string, attributed: boolean) => void;
} {
  const found: MetaElements = { metas: [], scripts: [], links: [], times: [], marked: [], h1: null, title: null };
  const visit = (el: DomElement, name: string, attributed: boolean): void => {
    let marked = false;
    switch (name) {
      case 'meta':
        found.metas.push(el);
        break;
      case 'script':
        found.scripts.push(el);
        break;
      case 'link':
        found.links.push(el);
        break;
      case 'h1':
        found.h1 ??= el;
        break;
      case 'title':
        found.title ??= el;
        break;
      case 'time':
        found.times.push(el);
        marked = !!el.getAttributeNode('pubdate') || CLASS_PUBLISHED.test(attr(el, 'class') ?? '');
        break;
    }
    if (marked || (attributed && attr(el, 'itemprop') === 'datePublished')) found.marked.push(el);
  };
  return { found, visit };
}

function metaElements(doc: DomDocument): MetaElements {
  const { found, visit } = metaCollector();
  walkDocument(doc, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as DomElement;
    const name = el.localName;
    visit(el, name, el.hasAttributes());
    return name !== 'template';
  });
  return found;
}

function metaMap(metas: DomElement[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const content = m.getAttribute('content');
    if (content === null || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.trim());
    }
  }
  return map;
}

/** All objects in the page's JSON-LD blocks, flattening arrays and `@graph`, iteratively. */
export function jsonLdNodes(scripts: DomElement[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i];
    if (!/ld\+json/i.test(s.getAttribute('type') ?? '')) continue;
    let data: unknown;
    try {
      data = JSON.parse((s.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length && out.length < MAX_LD_NODES) {
      const item = stack.pop();
      if (Array.isArray(item)) {
        for (let k = item.length - 1; k >= 0; k--) stack.push(item[k]);
      } else if (item && typeof item === 'object') {
        const obj = item as JsonObject;
        out.push(obj);
        if (obj['@graph']) stack.push(obj['@graph']);
        if (obj.mainEntity && typeof obj.mainEntity === 'object') stack.push(obj.mainEntity);
      }
    }
  }
  return out;
}

function typeOf(node: JsonObject): string {
  const t = node['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim()) return x.trim();
  return null;
}

function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) {
    for (const x of v) {
      const n = nameOf(x);
      if (n) return n;
    }
    return null;
  }
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') return str((v as JsonObject).name);
  return null;
}

/** Article-like nodes first, so a WebSite or BreadcrumbList node never wins over the article. */
function rankLd(nodes: JsonObject[]): JsonObject[] {
  const articles = nodes.filter((n) => ARTICLE_TYPE.test(typeOf(n)) && !/WebSite|Breadcrumb/i.test(typeOf(n)));
  const strict = articles.filter((n) => /Article|BlogPosting|Report/i.test(typeOf(n)));
  return [...strict, ...articles.filter((n) => !strict.includes(n)), ...nodes.filter((n) => !articles.includes(n))];
}

/** Splits `Headline - Site` / `Headline | Site` and returns the headline when the tail looks like a site name. */
export function stripTitleSuffix(title: string, site: string | null): string {
  const m = /^(.*\S)\s+(?:[-|–—·:»]|::)\s+([^|–—·»]{1,60})$/.exec(title);
  if (!m) return title;
  const [, head, tail] = m;
  const norm = (s: string) => s.toLowerCase().replace(/^www\./, '').replace(/[^\p{L}\p{N}]/gu, '');
  const tailNorm = norm(tail);
  const siteMatches = !!site && !!tailNorm && (norm(site).includes(tailNorm) || tailNorm.includes(norm(site)));
  const looksLikeSite = tail.split(/\s+/).length <= 4 || /\.(?:com|id|co|net|org|news)\b/i.test(tail);
  if ((siteMatches || looksLikeSite) && head.split(/\s+/).length >= 3) return head;
  return title;
}

/** `Site - Headline`: the first part, then the rest (split at the first separator). */
const SITE_FIRST = /^([^|–—·»]{1,60}?)\s+(?:[-|–—·:»]|::)\s+(.*\S)$/;
/** `Headline | Site`: the headline, then the last part (split at the last separator). */
const SITE_LAST = /^(.*\S)\s+(?:[-|–—·:»]|::)\s+([^|–—·»]{1,60})$/;
/** Host labels that name no site: `www`, second-level and top-level domains. */
const HOST_NOISE = new Set(['www', 'com', 'co', 'id', 'net', 'org', 'go', 'ac', 'or', 'sch', 'web', 'my', 'biz', 'info', 'news']);

/**
 * Whether `part` of a title names the site: each of its words (at most six, domain words like `com` aside, one
 * of three letters or more) is found in the site name or in the host, both compared without spaces and
 * punctuation. `Kota Palu` names `palukota.go.id`; `Kendari Pos` names `kendaripos.co.id` and a site called
 * `KendariPos`.
 */
function namesSite(part: string, site: string | null, host: string | null): boolean {
  const words = part
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !HOST_NOISE.has(w));
  if (words.length === 0 || words.length > 6 || words.every((w) => w.length < 3)) return false;
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const names: string[] = [];
  if (site) names.push(squash(site));
  if (host) names.push(squash(host.split('.').filter((label) => !HOST_NOISE.has(label.toLowerCase())).join('')));
  return names.some((name) => name.length > 0 && words.every((w) => name.includes(w)));
}

/**
 * The headline of a `<title>`: stripTitleSuffix's rule, else the part before or after the headline is dropped
 * when it names the site (see namesSite) and a headline of two words or more remains:
 * `Kota Palu - Proyek Jalan Poros Rampung` -> `Proyek Jalan Poros Rampung` on palukota.go.id,
 * `Netralitas ASN | Kendari Pos` -> `Netralitas ASN` on kendaripos.co.id.
 */
export function stripSiteName(title: string, site: string | null, host: string | null): string {
  const stripped = stripTitleSuffix(title, site);
  if (stripped !== title) return stripped;
  const headline = (s: string) => s.split(/\s+/).length >= 2;
  const last = SITE_LAST.exec(title);
  if (last && headline(last[1]) && namesSite(last[2], site, host)) return last[1];
  const first = SITE_FIRST.exec(title);
  if (first && headline(first[2]) && namesSite(first[1], site, host)) return first[2];
  return title;
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href || !href.trim()) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function firstDate(values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    const d = normalizeDateValue(v);
    if (d) return d;
  }
  return null;
}

/**
 * Reads title, canonical URL, site name, declared language and publication date. Must run before
 * anything strips `<head>`, `<header>` or scripts from the document. `elements`: what metaCollector
 * gathered from the document, if a walk was shared; otherwise they are gathered here.
 */
export function readMetadata(doc: DomDocument, url: string | null, elements?: MetaElements): PageMetadata {
  const found = elements ?? metaElements(doc);
  const meta = metaMap(found.metas);
  const ld = rankLd(jsonLdNodes(found.scripts));

  const canonicalHref = found.links
    .find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''))
    ?.getAttribute('href');
  const canonical = resolveUrl(canonicalHref, url) ?? resolveUrl(meta.get('og:url'), url) ?? url;

  let site = meta.get('og:site_name') ?? null;
  if (!site) for (const n of ld) if ((site = nameOf(n.publisher))) break;
  if (!site) site = hostName(canonical) ?? hostName(url);
  site = site ? collapseWhitespace(site) : null;

  let title = meta.get('og:title') ?? meta.get('twitter:title') ?? null;
  if (!title) for (const n of ld) if ((title = str(n.headline))) break;
  if (!title) title = found.h1?.textContent ?? null;
  if (title) {
    title = stripTitleSuffix(collapseWhitespace(title), site);
  } else {
    // `<title>` often carries the site name before or after the headline.
    title = stripSiteName(collapseWhitespace(found.title?.textContent ?? ''), site, hostName(canonical) ?? hostName(url));
  }

  const language =
    normalizeLanguage(doc.documentElement?.getAttribute('lang')) ??
    normalizeLanguage(doc.documentElement?.getAttribute('xml:lang')) ??
    normalizeLanguage(meta.get('og:locale')) ??
    normalizeLanguage(meta.get('content-language')) ??
    normalizeLanguage(meta.get('language')) ??
    null;

  const published_at =
    firstDate(ld.map((n) => str(n.datePublished) ?? str(n.dateCreated))) ??
    firstDate(DATE_METAS.map((k) => meta.get(k))) ??
    firstDate(timeValues(found));

  return { title, url: canonical, site, language, published_at };
}

/** `<time>` values, those marked as the publication date first. */
function timeValues(found: MetaElements): string[] {
  const values: string[] = [];
  for (const el of [...found.marked, ...found.times]) {
    const v = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent;
    if (v) values.push(v);
  }
  return values;
}
