import { normalizeTree, type DomDocument } from './dom.js';
import { DOMParser } from 'linkedom';
import { dropUnreadAttributes } from './unread-attributes.js';

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
 * which `keep(openTag)` is true. An unclosed element is dropped to the end of the input. `tag` is
 * lower-case ASCII; it and its closing tag are matched case-insensitively, as in `html.toLowerCase()`.
 */
export function stripElements(html: string, tag: string, keep?: (openTag: string) => boolean): string {
  // Searching the markup itself spares a lower-cased copy of the page per tag. Lower-casing keeps every
  // offset and maps only ASCII letters to ASCII letters, except for `İ` (two code units in lower case) and
  // the Kelvin sign (`k`): a page with either takes the lower-cased copy, so that offsets come out the same.
  if (html.includes('\u0130') || html.includes('\u212a')) return stripElementsLowered(html, tag, keep);
  const open = tagPattern(`<${tag}`);
  const close = tagPattern(`</${tag}`);
  let out = '';
  let pos = 0;
  for (;;) {
    // `<scripts` or `<styled-x` are other tags.
    let start = nextMatch(open, html, pos);
    while (start >= 0 && /[a-z0-9-]/i.test(html.charAt(start + tag.length + 1))) {
      start = nextMatch(open, html, start + 1);
    }
    if (start < 0) break;
    const openEnd = html.indexOf('>', start);
    const closeStart = openEnd < 0 ? -1 : nextMatch(close, html, openEnd);
    const closeEnd = closeStart < 0 ? -1 : html.indexOf('>', closeStart);
    const end = closeEnd < 0 ? html.length : closeEnd + 1;
    if (keep && openEnd >= 0 && keep(html.slice(start, openEnd + 1))) {
      out += html.slice(pos, end);
    } else {
      out += html.slice(pos, start) + ' ';
    }
    pos = end;
  }
  return pos === 0 ? html : out + html.slice(pos);
}

const TAG_PATTERNS = new Map<string, RegExp>();

/** A global case-insensitive regex for a literal `<tag` / `</tag`, compiled once. */
function tagPattern(literal: string): RegExp {
  let re = TAG_PATTERNS.get(literal);
  if (!re) {
    re = new RegExp(literal.replace(/[^a-z0-9<]/g, '\\$&'), 'gi');
    TAG_PATTERNS.set(literal, re);
  }
  return re;
}

/** Offset of the first match of the global `re` at or after `from`, or -1. */
function nextMatch(re: RegExp, s: string, from: number): number {
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? m.index : -1;
}

/** stripElements on a lower-cased copy, for markup whose lower case does not keep offsets. */
function stripElementsLowered(html: string, tag: string, keep?: (openTag: string) => boolean): string {
  const lower = html.toLowerCase();
  const open = `<${tag}`;
  const close = `</${tag}`;
  let out = '';
  let pos = 0;
  for (;;) {
    let start = lower.indexOf(open, pos);
    while (start >= 0 && /[a-z0-9-]/.test(lower.charAt(start + open.length))) {
      start = lower.indexOf(open, start + 1);
    }
    if (start < 0) break;
    const openEnd = lower.indexOf('>', start);
    const closeStart = openEnd < 0 ? -1 : lower.indexOf(close, openEnd);
    const closeEnd = closeStart < 0 ? -1 : lower.indexOf('>', closeStart);
    const end = closeEnd < 0 ? html.length : closeEnd + 1;
    // `İ` makes the lower-cased copy longer than the markup, so a match can lie past the markup's end; an element
    // left open there would then be found again and again (the scan used to run until memory ran out). Such a
    // match is where the scan stops: it never moves forward again.
    if (end <= pos) break;
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

/** The elements slimHtml drops (JSON-LD scripts aside), in the order of its passes. */
const SLIMMED = ['script', 'style', 'svg', 'noscript'] as const;

/** Removes the SLIMMED elements one tag after the other, each pass reading the previous one's result. */
export function stripSlimmedInPasses(html: string): string {
  let out = html;
  for (const tag of SLIMMED) out = stripElements(out, tag, tag === 'script' ? isJsonLd : undefined);
  return out;
}

/** Where `<tag` or `</tag` of a SLIMMED tag occurs (any case, as stripElements matches them). */
const SLIMMED_MARK = /<(\/?)(script|style|svg|noscript)/gi;

/**
 * stripSlimmedInPasses in one scan and one copy. The passes find the same elements as one scan taking each
 * `<tag` as it comes, as long as no element found holds a `<tag` or `</tag` of another of the four tags (a
 * `<style>` inside a `<script>`, a JSON-LD block mentioning `</svg>`...): then nothing removed by one pass can
 * hide from, or show to, another pass what it would have seen. On any such page, and on pages whose lower-case
 * copy does not keep offsets (see stripElements), this falls back to the passes.
 */
export function stripSlimmed(html: string): string {
  if (html.includes('\u0130') || html.includes('\u212a')) return stripSlimmedInPasses(html);
  // Every mark: position, tag (lower case), whether it closes, and for an opening mark whether it is `<tag`
  // itself rather than the start of a longer name (`<scripts`, `<svg-icon`).
  const at: number[] = [];
  const tags: string[] = [];
  const kinds: number[] = []; // 0: opens, 1: closes, 2: neither (a longer name)
  SLIMMED_MARK.lastIndex = 0;
  for (let m = SLIMMED_MARK.exec(html); m; m = SLIMMED_MARK.exec(html)) {
    const tag = m[2].toLowerCase();
    const closing = m[1] === '/';
    at.push(m.index);
    tags.push(tag);
    kinds.push(closing ? 1 : /[a-z0-9-]/i.test(html.charAt(m.index + tag.length + 1)) ? 2 : 0);
  }
  if (at.length === 0) return html;
  let out = '';
  let pos = 0;
  let h = 0;
  while (h < at.length) {
    if (kinds[h] !== 0 || at[h] < pos) {
      h++;
      continue;
    }
    const start = at[h];
    const tag = tags[h];
    const openEnd = html.indexOf('>', start);
    // The first closing mark of the same tag at or after the end of the opening tag.
    let closeStart = -1;
    if (openEnd >= 0) {
      for (let k = h + 1; k < at.length; k++) {
        if (kinds[k] === 1 && tags[k] === tag && at[k] >= openEnd) {
          closeStart = at[k];
          break;
        }
      }
    }
    const closeEnd = closeStart < 0 ? -1 : html.indexOf('>', closeStart);
    const end = closeEnd < 0 ? html.length : closeEnd + 1;
    // Marks of other tags inside the element: the passes may see it differently.
    for (let k = h + 1; k < at.length && at[k] < end; k++) {
      if (tags[k] !== tag && kinds[k] !== 2) return stripSlimmedInPasses(html);
    }
    if (tag === 'script' && openEnd >= 0 && isJsonLd(html.slice(start, openEnd + 1))) {
      out += html.slice(pos, end);
    } else {
      out += html.slice(pos, start) + ' ';
    }
    pos = end;
    h++;
  }
  return pos === 0 ? html : out + html.slice(pos);
}

/** Drops what neither text nor metadata need, so the parser sees as little as possible. */
export function slimHtml(html: string): string {
  let out = stripComments(html);
  out = stripSlimmed(out);
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

/** A tag as the depth scan takes it: name, then anything but `<`/`>` up to the first `>`. */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*[^<>]*?\/?>/y;

/** A tag name of up to 6 letters as a number, 5 bits a letter, case-insensitively (see estimateDepth). */
function nameCode(name: string): number {
  let code = 0;
  for (let i = name.length - 1; i >= 0; i--) code = code * 32 + ((name.charCodeAt(i) | 32) - 96);
  return code;
}

const VOID_CODES = new Set(Array.from(VOID_TAGS, nameCode));
/** p/li/td/tr/option close implicitly so often that counting them would overstate depth. */
const IMPLICIT_CODES = new Set(['p', 'li', 'td', 'tr', 'option'].map(nameCode));

/**
 * A rough maximum element nesting depth from a linear scan of the tags: an opening tag deepens unless
 * void, self-closed (`/>`) or implicitly closed, a closing tag goes back up. Allocates nothing (it runs
 * on every page): a sticky regex matches each tag in place and names are compared as numbers.
 */
export function estimateDepth(html: string): number {
  let depth = 0;
  let max = 0;
  let pos = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', pos)) {
    TAG.lastIndex = lt;
    if (!TAG.test(html)) {
      pos = lt + 1;
      continue;
    }
    const end = TAG.lastIndex;
    pos = end;
    let i = lt + 1;
    const closing = html.charCodeAt(i) === 47; // '/'
    if (closing) i++;
    // The name as nameCode() would give it, or -1 when longer than 6 or not all letters.
    let name = 0;
    let scale = 1;
    for (let c = html.charCodeAt(i); ; c = html.charCodeAt(++i)) {
      const lower = c | 32;
      if (lower >= 97 && lower <= 122) {
        if (name >= 0) {
          name = scale > 32 ** 5 ? -1 : name + (lower - 96) * scale;
          scale *= 32;
        }
      } else if ((c >= 48 && c <= 57) || c === 45) {
        name = -1;
      } else {
        break;
      }
    }
    // `i` is past the name; a `/` right before the `>` after it self-closes the tag.
    if (VOID_CODES.has(name) || (end - 2 >= i && html.charCodeAt(end - 2) === 47)) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!IMPLICIT_CODES.has(name)) {
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
    // The document itself: `parseHTML` would also build its window (a Proxy, in one more WeakMap), unused here.
    // Without the attributes nothing reads: fewer nodes to build (see unread-attributes.ts).
    const document = new DOMParser().parseFromString(dropUnreadAttributes(source), 'text/html') as unknown as DomDocument;
    const root = document.documentElement;
    if (!root) return null;
    if (!document.head) root.prepend(document.createElement('head'));
    if (!document.body) root.append(document.createElement('body'));
    // The parser can leave runs of sibling text nodes (stray `<`s make one each); Readability is
    // quadratic in those.
    normalizeTree(root);
    if (url) setBase(document, url, /<base/i.test(html));
    return document;
  } catch {
    return null;
  }
}

/**
 * Makes the page's own `<base href>` (resolved against the URL), or the URL, the document's only base.
 * `hasBaseTag` false (no `<base` in the markup) spares two selector queries over the whole document.
 */
function setBase(document: DomDocument, url: string, hasBaseTag: boolean): void {
  const head = document.head;
  if (!head) return;
  let base: string;
  try {
    const existing = hasBaseTag ? document.querySelector('base[href]')?.getAttribute('href') : null;
    base = new URL(existing ?? url, url).href;
  } catch {
    return;
  }
  if (hasBaseTag) for (const old of Array.from(document.querySelectorAll('base'))) old.remove();
  const el = document.createElement('base');
  el.setAttribute('href', base);
  head.prepend(el);
}
