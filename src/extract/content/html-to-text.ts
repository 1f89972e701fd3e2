import type { DomElement, DomNode } from './dom.js';

/** Elements whose content starts and ends a paragraph of their own. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL',
]);
/** Elements whose content is never article text. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** One paragraph of converted text, with what the boilerplate filter needs to judge it. */
export interface Paragraph {
  text: string;
  /** Share of the paragraph's characters that sit inside links. */
  linkRatio: number;
  /** Tag name of the innermost block element the paragraph came from (`P`, `LI`, `H2`...). */
  block: string;
}

/** Collapses runs of whitespace (including no-break and zero-width spaces) to single spaces. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
}

/**
 * Converts an element's content to paragraphs: block elements and `<br>` end a paragraph, text
 * inside a paragraph has its whitespace collapsed. Walks iteratively so deep trees cannot overflow
 * the stack. `root` is an element (or a text node), not a document.
 */
export function elementToParagraphs(root: DomNode): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current = '';
  let linkChars = 0;
  let linkDepth = 0;
  const blocks: string[] = [];
  const flush = () => {
    const text = collapseWhitespace(current);
    if (text) {
      const ratio = Math.min(1, linkChars / Math.max(1, current.replace(/\s+/g, '').length));
      paragraphs.push({ text, linkRatio: ratio, block: blocks[blocks.length - 1] ?? 'DIV' });
    }
    current = '';
    linkChars = 0;
  };
  /** Takes in a node; returns its tag name when its children are to be read, else null. */
  const enter = (node: DomNode): string | null => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      current += value;
      if (linkDepth > 0) linkChars += value.replace(/\s+/g, '').length;
      return null;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) return null;
    const tag = ((node as DomElement).tagName ?? '').toUpperCase();
    if (SKIP_TAGS.has(tag) || tag === 'IMG') return null;
    if (tag === 'BR' || tag === 'HR') {
      flush();
      return null;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      blocks.push(tag);
    }
    if (tag === 'A') linkDepth++;
    return tag;
  };
  /** Leaves an element whose children were read. */
  const leave = (tag: string): void => {
    if (tag === 'A') linkDepth--;
    if (BLOCK_TAGS.has(tag)) {
      flush();
      blocks.pop();
    }
  };
  // Depth-first in document order, along first children and next siblings: no frame or child list per node.
  const openNodes: DomNode[] = [];
  const openTags: string[] = [];
  const rootTag = enter(root);
  if (rootTag !== null) {
    openNodes.push(root);
    openTags.push(rootTag);
  }
  let node: DomNode | null = rootTag !== null ? root.firstChild : null;
  while (openNodes.length) {
    if (node) {
      const tag = enter(node);
      if (tag !== null) {
        const child: DomNode | null = node.firstChild;
        if (child) {
          openNodes.push(node);
          openTags.push(tag);
          node = child;
          continue;
        }
        leave(tag);
      }
      node = node.nextSibling;
    } else {
      const done = openNodes.pop()!;
      leave(openTags.pop()!);
      node = openNodes.length ? done.nextSibling : null;
    }
  }
  flush();
  return paragraphs;
}
