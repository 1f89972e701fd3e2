import { linkedList, type DomElement, type DomNode, type Linked } from './dom.js';

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
const ATTRIBUTE_NODE = 2;
/** linkedom's end-of-element marker. */
const NODE_END = -1;

/** One paragraph of converted text, with what the boilerplate filter needs to judge it. */
export interface Paragraph {
  text: string;
  /** Share of the paragraph's characters that sit inside links. */
  linkRatio: number;
  /** Tag name of the innermost block element the paragraph came from (`P`, `LI`, `H2`...). */
  block: string;
}

/** Whether the regex `\s` matches the character (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `s.replace(/\s+/g, '').length`, without making the copy. */
export function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) n++;
  return n;
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
      const ratio = Math.min(1, linkChars / Math.max(1, nonSpaceLength(current)));
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
      if (linkDepth > 0) linkChars += nonSpaceLength(value);
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
  const keys = linkedList(root);
  if (keys) {
    // Along linkedom's node list: an element whose children are not read is passed over by jumping to its end
    // marker; the end markers met are those of elements entered, innermost first.
    const { next, end } = keys;
    const rootTag = enter(root);
    if (rootTag !== null) {
      const openTags: string[] = [rootTag];
      const stop = (root as Linked)[end];
      let node = (root as Linked)[next];
      while (node !== stop) {
        const type = node.nodeType;
        if (type === ELEMENT_NODE) {
          const tag = enter(node);
          if (tag === null) {
            node = node[end][next];
            continue;
          }
          openTags.push(tag);
        } else if (type === NODE_END) {
          leave(openTags.pop()!);
        } else if (type !== ATTRIBUTE_NODE) {
          enter(node);
        }
        node = node[next];
      }
      leave(openTags.pop()!);
    }
    flush();
    return paragraphs;
  }
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
