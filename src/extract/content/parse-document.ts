import type { DomDocument } from './dom.js';
import { parseHTML } from 'linkedom';

/**
 * Past this many characters (after dropping scripts, styles and comments) a page is cut: no real
 * article needs more, and linkedom's parse time grows with size.
 */
const MAX_HTML_CHARS = 2_000_000;
/**
 * Readability on linkedom slows down steeply with nesting depth (~0.5 s at 200 levels, ~40 s at 800);
 * real pages stay well under 100, so beyond this the DOM path is skipped.
 */
const MAX_NESTING_DEPTH = 250;

const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr',
]);

/**
 * Removes `<tag ...>...</tag>` spans with indexOf scans (no regex backtracking), keeping those for
 * which `keep(openTag)` is true. An unclosed element is dropped to the end of the input.
 */
export function stripElements(html: string, tag: string, keep?: (openTag: string) => boolean): string {
  const lower = html.toLowerCase();
  const open = `<${tag}`;
  const close = `</${tag}`;
  let out = '';
  let pos = 0;
  for (;;) {
    let start = lower.indexOf(open, pos);
    // `<scripts` or `<styled-x` are other tags.
    while (start >= 0 && /[a-z0-9-]/.test(lower.charAt(start + open.length))) {
      start = lower.indexOf(open, start + 1);
    }
    if (start < 0) break;
    const openEnd = lower.indexOf('>', start);
    const closeStart = openEnd < 0 ? -1 : lower.indexOf(close, openEnd);
    const closeEnd = closeStart < 0 ? -1 : lower.indexOf('>', closeStart);
    const end = closeEnd < 0 ? html.length : closeEnd + 1;
    if (keep && openEnd >= 0 && keep(html.slice(start, openEnd + 1))) {
      out += html.slice(pos, end);
    } else {
      out += html.slice(pos, start) + ' ';
    }
    pos = end;
  }
  return out + html.slice(pos);
}

/** Removes `<!-- ... -->` comments; an unclosed comment runs to the end of the input. */
export function stripComments(html: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = html.indexOf('<!--', pos);
    if (start < 0) break;
    const end = html.indexOf('-->', start + 4);
    out += html.slice(pos, start);
    if (end < 0) return out;
    pos = end + 3;
  }
  return out + html.slice(pos);
}

const isJsonLd = (openTag: string): boolean => /application\/ld\+json/i.test(openTag);

/**
 * True when the input looks like binary data rather than markup or text: many control or
 * replacement characters in its first 64 KB.
 */
export function looksBinary(input: string): boolean {
  const sample = input.slice(0, 65_536);
  if (!sample) return false;
  const bad = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return bad / sample.length > 0.05;
}

/** Drops what neither text nor metadata need, so the parser sees as little as possible. */
export function slimHtml(html: string): string {
  let out = stripComments(html);
  out = stripElements(out, 'script', isJsonLd);
  out = stripElements(out, 'style');
  out = stripElements(out, 'svg');
  out = stripElements(out, 'noscript');
  // A `<` that cannot open a tag is text; escaped (a run of them as one), it spares the parser a
  // quadratic slow path.
  out = out.replace(/<+(?![a-zA-Z/!?])/g, '&lt;');
  return out.length > MAX_HTML_CHARS ? out.slice(0, MAX_HTML_CHARS) : out;
}

/** Length of the longest stretch of the markup without a tag, found with indexOf jumps. */
export function longestTextRun(html: string): number {
  let longest = 0;
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const end = lt < 0 ? html.length : lt;
    if (end - pos > longest) longest = end - pos;
    if (lt < 0) break;
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    pos = gt + 1;
  }
  return longest;
}

/** A rough maximum element nesting depth from a linear scan of the tags. */
export function estimateDepth(html: string): number {
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID_TAGS.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (name !== 'p' && name !== 'li' && name !== 'td' && name !== 'tr' && name !== 'option') {
      // p/li/td close implicitly so often that counting them would overstate depth.
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}

/**
 * Parses HTML into a linkedom document with a `<head>` and `<body>` and a `<base href>` so that
 * relative links resolve (linkedom documents have no URL of their own). Returns null when the page
 * is too deeply nested or the parser fails, so the caller can fall back to tag stripping.
 */
export function parseDocument(html: string, url: string | null): DomDocument | null {
  if (estimateDepth(html) > MAX_NESTING_DEPTH) return null;
  // linkedom mis-nests fragments without an <html> root.
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  try {
    const document = parseHTML(source).document as unknown as DomDocument;
    const root = document.documentElement;
    if (!root) return null;
    if (!document.head) root.prepend(document.createElement('head'));
    if (!document.body) root.append(document.createElement('body'));
    // The parser can leave runs of sibling text nodes (stray `<`s make one each); Readability is
    // quadratic in those.
    root.normalize?.();
    if (url) setBase(document, url);
    return document;
  } catch {
    return null;
  }
}

function setBase(document: DomDocument, url: string): void {
  const head = document.head;
  if (!head) return;
  let base: string;
  try {
    const existing = document.querySelector('base[href]')?.getAttribute('href');
    base = new URL(existing ?? url, url).href;
  } catch {
    return;
  }
  for (const old of Array.from(document.querySelectorAll('base'))) old.remove();
  const el = document.createElement('base');
  el.setAttribute('href', base);
  head.prepend(el);
}
