/**
 * A tolerant XML reader for sitemaps and feeds: htmlparser2 (through cheerio) in XML mode, elements matched by
 * local name so that any namespace prefix works (`<news:title>`, `<ns0:url>`, `<sm:loc>`), CDATA read as text,
 * a BOM and leading junk before the first tag ignored.
 */
import { load } from 'cheerio';

/** The parts of a parsed node this module reads (structural, so no dependency on a domhandler version). */
export interface XmlNode {
  type: string;
  data?: string;
  children?: XmlNode[];
}

export interface Element extends XmlNode {
  name: string;
  attribs: Record<string, string>;
  children: XmlNode[];
}

type AnyNode = XmlNode;

/** Thrown when a text is not the kind of document expected (an HTML page where a sitemap was expected, ...). */
export class DiscoveryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryFormatError';
  }
}

/** Parses XML leniently; returns the top-level elements. */
export function parseXmlRoots(text: string): Element[] {
  const clean = text.replace(/^\uFEFF/, '').replace(/^[^<]*/, '');
  const $ = load(clean, { xml: { xmlMode: true, decodeEntities: true, recognizeCDATA: true } });
  const root = $.root()[0] as unknown as Element;
  return root.children.filter(isElement);
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Lower-case name without its namespace prefix. */
export function localName(el: Element): string {
  const name = el.name.toLowerCase();
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Namespace prefix of the element name ('' when none). */
export function prefixOf(el: Element): string {
  const colon = el.name.lastIndexOf(':');
  return colon < 0 ? '' : el.name.slice(0, colon).toLowerCase();
}

/** Direct child elements, optionally only those with the given local name. */
export function childElements(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (const c of el.children) if (isElement(c) && (!name || localName(c) === name)) out.push(c);
  return out;
}

/** First direct child element with the local name (and, when given, a prefix test). */
export function child(el: Element, name: string, prefix?: (p: string) => boolean): Element | undefined {
  for (const c of el.children) {
    if (isElement(c) && localName(c) === name && (!prefix || prefix(prefixOf(c)))) return c;
  }
  return undefined;
}

/** Every descendant element with the local name, in document order (depth-first). */
export function descendants(el: Element | Element[], name: string): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = Array.isArray(el) ? [...el].reverse() : [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (localName(n) === name) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** Text content (text and CDATA), whitespace collapsed and trimmed. */
export function textOf(el: Element | undefined): string {
  if (!el) return '';
  let s = '';
  const walk = (n: AnyNode) => {
    if (n.type === 'text') s += n.data ?? '';
    else if (n.children) for (const c of n.children) walk(c);
  };
  walk(el);
  return s.replace(/\s+/g, ' ').trim();
}

/** An attribute, looked up case-insensitively and with or without a namespace prefix. */
export function attr(el: Element, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(el.attribs)) {
    const key = k.toLowerCase();
    if (key === want || key.endsWith(`:${want}`)) return v;
  }
  return undefined;
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
};

/**
 * Decodes the HTML entities left in a text after XML parsing (titles double-escaped inside CDATA, as WordPress
 * writes them: `&#8211;`, `&amp;`), and collapses whitespace.
 */
export function decodeHtmlEntities(s: string): string {
  return s
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (m, dec: string, hex: string, name: string) => {
      if (dec || hex) {
        const cp = dec ? Number(dec) : parseInt(hex, 16);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return NAMED[name.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
