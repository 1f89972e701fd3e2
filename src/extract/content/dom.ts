/*
 * The slice of the DOM this stage uses. The project compiles without the DOM lib (it runs on Node),
 * and linkedom's documents satisfy these shapes.
 */

export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  parentElement: DomElement | null;
}

export interface DomAttr {
  value: string;
}

export interface DomElement extends DomNode {
  tagName: string;
  /** Lowercase for elements of an HTML document. */
  localName: string;
  nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  /** The raw attribute; unlike `getAttribute('class')` on linkedom, it builds no class list. */
  getAttributeNode(name: string): DomAttr | null;
  hasAttributes(): boolean;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  prepend(...nodes: DomNode[]): void;
  append(...nodes: DomNode[]): void;
  normalize?(): void;
}

export interface DomDocument {
  childNodes: ArrayLike<DomNode>;
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  createElement(tag: string): DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Visits the nodes below `root` (not `root` itself) in document order, iteratively. `enter` is called
 * on every node; for an element, returning false skips its descendants. `leave` is called on every
 * entered element once its descendants are done. The tree must not change during the walk.
 *
 * One such walk is much cheaper on linkedom than `querySelectorAll` with a selector (which compiles
 * the selector on every call) or than `childNodes` (which builds an array on every call).
 */
export function walk(root: DomNode, enter: (node: DomNode) => boolean | void, leave?: (el: DomElement) => void): void {
  let node = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE) {
      if (enter(node) !== false) {
        const child = node.firstChild;
        if (child) {
          node = child;
          continue;
        }
      }
      leave?.(node as DomElement);
    } else {
      enter(node);
    }
    let next = node.nextSibling;
    while (!next) {
      const parent: DomNode | null = node.parentNode;
      if (!parent || parent === root) return;
      leave?.(parent as DomElement);
      node = parent;
      next = node.nextSibling;
    }
    node = next;
  }
}

/**
 * walk() over a whole document. A broken page can leave elements beside the root element, and on
 * linkedom the doctype has no `nextSibling`, so the top level goes through `childNodes`.
 */
export function walkDocument(
  doc: { childNodes: ArrayLike<DomNode> },
  enter: (node: DomNode) => boolean | void,
  leave?: (el: DomElement) => void,
): void {
  const top = doc.childNodes;
  for (let i = 0; i < top.length; i++) {
    const node = top[i];
    if (node.nodeType !== ELEMENT_NODE) {
      enter(node);
      continue;
    }
    if (enter(node) !== false) walk(node, enter, leave);
    leave?.(node as DomElement);
  }
}

/** An attribute's raw value, or null. */
export function attr(el: DomElement, name: string): string | null {
  const node = el.getAttributeNode(name);
  return node ? node.value : null;
}
