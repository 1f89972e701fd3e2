import { ELEMENT_NODE, linkedList, TEXT_NODE, type DomDocument, type DomElement, type DomNode, type Linked } from './dom.js';
import { Readability } from '@mozilla/readability';
import { elementToParagraphs, type Paragraph } from './html-to-text.js';

/** What Readability found: its content element as paragraphs. */
export interface ReadabilityResult {
  paragraphs: Paragraph[];
  title: string | null;
}

/**
 * Readability's passes over siblings and candidates grow faster than linearly on linkedom; a page with
 * more elements than this goes to the linear heuristic instead.
 */
export const MAX_READABILITY_ELEMENTS = 12_000;

/** Readability is also super-linear in the length of a single text run; prose never comes close to this. */
export const MAX_READABILITY_TEXT_RUN = 100_000;

/**
 * Readability retries with relaxed rules while its result is shorter than its `charThreshold`, each
 * time re-parsing the page from serialised HTML. Here a short result is not a failure (the caller falls
 * back to its own heuristic below MIN_BODY_CHARS and keeps the longer text), so the threshold is 1:
 * one pass, retried only when it found no text at all. On the content benchmark this is no worse than
 * the default 500 (two pages better, none worse) and saves the retries on short articles.
 */
const CHAR_THRESHOLD = 1;

interface ReadabilityInternals {
  _grabArticle?: (page?: DomElement | null) => DomElement | null;
  _postProcessContent?: (articleContent: DomElement) => void;
  _isProbablyVisible?: (node: DomElement) => boolean;
  _getAllNodesWithTag?: (node: DomNode, tagNames: string[]) => ArrayLike<DomElement>;
  _fixRelativeUris?: (articleContent: DomElement) => void;
  _doc?: { createTextNode(text: string): DomNode; createElement(tag: string): DomElement };
}

interface ParentElement extends DomElement {
  replaceChild(node: DomNode, old: DomNode): void;
  appendChild(node: DomNode): void;
}

const DOCUMENT_NODE = 9;
const PLAIN_TAG = /^[a-z][a-z0-9]*$/i;

/**
 * Readability asks every element for `style.display` and `style.visibility`, which on linkedom builds a
 * CSSStyleDeclaration (a Proxy over a Map, tracked in a WeakMap) per element. Without `style`, `hidden`
 * and `aria-hidden` attributes the answer is always "visible", so those elements skip the check.
 */
function skipStyleChecks(reader: ReadabilityInternals): void {
  const original = reader._isProbablyVisible;
  if (typeof original !== 'function') return;
  reader._isProbablyVisible = function (this: unknown, node: DomElement): boolean {
    if (
      typeof node.getAttributeNode === 'function' &&
      !node.getAttributeNode('style') &&
      !node.getAttributeNode('hidden') &&
      !node.getAttributeNode('aria-hidden')
    ) {
      return true;
    }
    return original.call(this, node);
  };
}

/**
 * Readability finds elements by tag with `node.querySelectorAll(tagNames.join(','))`, dozens of times per page;
 * linkedom parses and compiles the selector on every call. A walk comparing lower-cased tag names finds the same
 * elements in the same (document) order: like linkedom's querySelectorAll in an HTML document it excludes `node`
 * itself and the contents of `<template>` elements (`localName === 'template'`), and compares names
 * case-insensitively.
 */
function findTagsByWalking(reader: ReadabilityInternals): void {
  const original = reader._getAllNodesWithTag;
  if (typeof original !== 'function') return;
  reader._getAllNodesWithTag = function (this: unknown, node: DomNode, tagNames: string[]): ArrayLike<DomElement> {
    if (!node || !tagNames.every((t) => PLAIN_TAG.test(t))) return original.call(this, node, tagNames);
    const wanted = tagNames.map((t) => t.toLowerCase());
    const found: DomElement[] = [];
    if (node.nodeType !== DOCUMENT_NODE || linkedList(node)) {
      collectBelow(node, wanted, found);
      return found;
    }
    // On linkedom the doctype has no `nextSibling`: the document's children are read as a list.
    const top = node.childNodes;
    for (let i = 0; i < top.length; i++) {
      const el = top[i] as DomElement;
      if (el.nodeType !== ELEMENT_NODE) continue;
      if (wanted.includes(el.localName.toLowerCase())) found.push(el);
      if (el.localName !== 'template') collectBelow(el, wanted, found);
    }
    return found;
  };
}

/** Appends the elements below `root` whose lower-cased name is in `wanted`, in document order. */
function collectBelow(root: DomNode, wanted: string[], found: DomElement[]): void {
  const keys = linkedList(root);
  if (keys) {
    // Along linkedom's node list; a template's contents are passed over by jumping to its end marker.
    const { next, end } = keys;
    const stop = (root as Linked)[end];
    let node = (root as Linked)[next];
    while (node !== stop) {
      if (node.nodeType === ELEMENT_NODE) {
        const local = (node as unknown as DomElement).localName;
        if (wanted.includes(local.toLowerCase())) found.push(node as unknown as DomElement);
        if (local === 'template') {
          node = node[end];
          continue;
        }
      }
      node = node[next];
    }
    return;
  }
  let node = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE) {
      const local = (node as DomElement).localName;
      if (wanted.includes(local.toLowerCase())) found.push(node as DomElement);
      if (local !== 'template') {
        const child = node.firstChild;
        if (child) {
          node = child;
          continue;
        }
      }
    }
    let next = node.nextSibling;
    while (!next) {
      const parent: DomNode | null = node.parentNode;
      if (!parent || parent === root) return;
      node = parent;
      next = node.nextSibling;
    }
    node = next;
  }
}

/**
 * After grabbing the article Readability resolves every link and media URL against the page's base URL (a URL
 * parse per link), and turns `javascript:` links into plain text or a `<span>`. Only the text of the article is
 * read here, so of that pass only the `javascript:` links matter (their text is no longer link text); they are
 * replaced exactly as Readability does it, and the other URLs are left as written.
 */
function keepUrlsAsWritten(reader: ReadabilityInternals): void {
  if (typeof reader._fixRelativeUris !== 'function' || typeof reader._getAllNodesWithTag !== 'function') return;
  reader._fixRelativeUris = function (this: ReadabilityInternals, articleContent: DomElement): void {
    const doc = this._doc;
    if (!doc) return;
    const links = this._getAllNodesWithTag!(articleContent, ['a']);
    for (let i = 0; i < links.length; i++) {
      const link = links[i];
      const href = link.getAttribute('href');
      if (!href || href.indexOf('javascript:') !== 0) continue;
      const kids = link.childNodes;
      if (kids.length === 1 && kids[0].nodeType === TEXT_NODE) {
        (link.parentNode as ParentElement).replaceChild(doc.createTextNode(link.textContent ?? ''), link);
      } else {
        const container = doc.createElement('span') as ParentElement;
        while (link.firstChild) container.appendChild(link.firstChild);
        (link.parentNode as ParentElement).replaceChild(container, link);
      }
    }
  };
}

/** What Readability's snapshot of the body reads as here: a token, never markup. */
const SNAPSHOT = '\u0000pantau:body-snapshot\u0000';

/** Readability asked to restore its snapshot of the body: the run is abandoned and done again with a real one. */
class SnapshotWanted extends Error {}

/** Own properties set on elements for the length of one Readability run, removed afterwards. */
type Stubs = Array<{ el: DomElement; names: string[] }>;

function stub(stubs: Stubs, el: DomElement, props: Record<string, PropertyDescriptor>): void {
  for (const [name, descriptor] of Object.entries(props)) Object.defineProperty(el, name, { configurable: true, ...descriptor });
  stubs.push({ el, names: Object.keys(props) });
}

function unstub(stubs: Stubs): void {
  for (const { el, names } of stubs) for (const name of names) delete (el as unknown as Record<string, unknown>)[name];
  stubs.length = 0;
}

/**
 * Readability serialises markup that this stage never reads, each time a walk building a string as long as the
 * markup on linkedom: before its first pass the whole body (`page.innerHTML`, kept to restore the page for a retry
 * with relaxed rules), then the article for a debug line built even with debugging off (`"Grabbed: " +
 * articleContent.innerHTML`), then the article's `textContent` and first paragraph for result fields not used here.
 * Those reads get placeholders. The body's snapshot is a token: should Readability restore it (its first pass found
 * no text at all), the run throws SnapshotWanted and the caller runs Readability again, without placeholders, on a
 * fresh copy of the document, so that the answer is the one Readability gives with a real snapshot.
 */
function skipSerialising(reader: ReadabilityInternals, doc: DomDocument, stubs: Stubs): void {
  const grab = reader._grabArticle;
  const post = reader._postProcessContent;
  if (typeof grab !== 'function' || typeof post !== 'function') return;
  reader._grabArticle = function (this: unknown, page?: DomElement | null): DomElement | null {
    // Readability's own default: the body.
    const target = page ? page : doc.body;
    const own: Stubs = [];
    if (target) {
      stub(own, target, {
        innerHTML: {
          get: () => SNAPSHOT,
          set: () => {
            throw new SnapshotWanted();
          },
        },
      });
    }
    let content: DomElement | null;
    try {
      content = grab.call(this, page);
    } finally {
      unstub(own);
    }
    if (content) stub(stubs, content, { innerHTML: { get: () => '' } });
    return content;
  };
  reader._postProcessContent = function (this: unknown, articleContent: DomElement): void {
    post.call(this, articleContent);
    stub(stubs, articleContent, { textContent: { get: () => '' }, getElementsByTagName: { value: () => [] } });
  };
}

/**
 * Runs Readability on the document (which it mutates) and converts its content element to paragraphs. Returns
 * null when Readability finds nothing or throws. `fresh` gives a new copy of the document as it was handed over
 * (parsed and cleaned the same way), for the rare page on which Readability wants to start over (see
 * skipSerialising).
 */
export function readabilityBody(
  doc: DomDocument,
  fresh: () => DomDocument | null = () => null,
  charThreshold = CHAR_THRESHOLD,
): ReadabilityResult | null {
  const stubs: Stubs = [];
  try {
    return runReadability(doc, charThreshold, stubs);
  } catch (err) {
    if (!(err instanceof SnapshotWanted)) return null;
  } finally {
    unstub(stubs);
  }
  const again = fresh();
  if (!again) return null;
  try {
    return runReadability(again, charThreshold, null);
  } catch {
    return null;
  }
}

/** One Readability run; `stubs` null runs it with every serialisation it makes (see skipSerialising). */
function runReadability(doc: DomDocument, charThreshold: number, stubs: Stubs | null): ReadabilityResult | null {
  // Readability's typings name the DOM lib's Document, which this Node project does not load.
  const reader = new Readability(doc as never, {
    charThreshold,
    // Only the text is used: stripping class attributes from the result would be wasted work.
    keepClasses: true,
    // Hand back the element itself: re-parsing serialised HTML would cost a second parse.
    serializer: (el: unknown) => el as string,
  });
  const internals = reader as unknown as ReadabilityInternals;
  skipStyleChecks(internals);
  findTagsByWalking(internals);
  keepUrlsAsWritten(internals);
  if (stubs) skipSerialising(internals, doc, stubs);
  const article = reader.parse();
  if (!article || !article.content) return null;
  const content = article.content as unknown as DomNode;
  if (stubs) unstub(stubs);
  return { paragraphs: elementToParagraphs(content), title: article.title ?? null };
}
