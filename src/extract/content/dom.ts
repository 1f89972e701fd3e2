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
const ATTRIBUTE_NODE = 2;
/** linkedom's end-of-element marker (see linkedList). */
const NODE_END = -1;

/**
 * The keys of linkedom's node list. linkedom keeps a document in one doubly linked list in document order: an
 * element, then its attributes, then its descendants, then an end marker (`nodeType` -1) whose `start` key leads
 * back to the element. Following `next` from a node to its `end` marker visits its subtree with one property read
 * per node, where the standard getters (`firstChild`, `nextSibling`) each scan past attributes or end markers and
 * are megamorphic over linkedom's dozens of node classes.
 */
export interface LinkedKeys {
  next: symbol;
  prev: symbol;
  end: symbol;
  start: symbol;
}

/** A node as seen through linkedom's list keys. */
export type Linked = DomNode & { [key: symbol]: Linked };

/** undefined: not looked for yet; null: not a linkedom DOM (or not the layout checked below). */
let linkedKeys: LinkedKeys | null | undefined;

interface ProbeDocument {
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
}

/**
 * The list keys (module-private symbols of linkedom, found by their descriptions), checked once on a probe element
 * against what the DOM getters say, or null. `node` is any node of the document.
 */
function findLinkedKeys(node: DomNode): LinkedKeys | null {
  try {
    const owner = (node as { ownerDocument?: unknown }).ownerDocument ?? node;
    const doc = owner as Partial<ProbeDocument>;
    if (typeof doc.createElement !== 'function' || typeof doc.createTextNode !== 'function') return null;
    const div = doc.createElement('div');
    const el = div as unknown as Linked;
    const key = (o: object, description: string) => Object.getOwnPropertySymbols(o).find((s) => s.description === description);
    const next = key(el, 'next');
    const prev = key(el, 'prev');
    const end = next && key(el, 'end');
    const endNode = end && el[end];
    const start = endNode && key(endNode, 'start');
    if (!next || !prev || !end || !endNode || !start) return null;
    // <div class="x"><b>t</b></div>: div, class, b, t, </b>, </div>.
    div.setAttribute('class', 'x');
    const bold = doc.createElement('b');
    const b = bold as unknown as Linked;
    const t = doc.createTextNode('t') as Linked;
    bold.append(t);
    div.append(bold);
    const order = [el[next], b, t, b[end], el[end]];
    const ok =
      order[0].nodeType === ATTRIBUTE_NODE &&
      order[0][next] === b &&
      b[next] === t &&
      t[next] === b[end] &&
      b[end][next] === el[end] &&
      b[end].nodeType === NODE_END &&
      b[end][start] === b &&
      el[end][start] === el &&
      b[prev] === order[0] &&
      t[prev] === b &&
      el[end][prev] === b[end] &&
      el.firstChild === b &&
      b.firstChild === t &&
      t.parentNode === b;
    return ok ? { next, prev, end, start } : null;
  } catch {
    return null;
  }
}

/** linkedom's list keys when `node` is a linkedom node with a subtree (an element or a document), else null. */
export function linkedList(node: DomNode): LinkedKeys | null {
  if (linkedKeys === undefined) linkedKeys = findLinkedKeys(node);
  return linkedKeys && (node as Linked)[linkedKeys.end] ? linkedKeys : null;
}

/**
 * `root.normalize()`: adjacent text nodes below `root` merged into the first, empty ones removed. On linkedom the
 * same merges and removals as its own normalize(), in the same order, but looking only at text nodes: its loop
 * reads three properties of every node, attributes and end markers included.
 */
export function normalizeTree(root: DomElement): void {
  const keys = linkedList(root);
  if (!keys) {
    root.normalize?.();
    return;
  }
  const { next, prev, end } = keys;
  const stop = (root as unknown as Linked)[end];
  let node = (root as unknown as Linked)[next];
  while (node !== stop) {
    const following = node[next];
    if (node.nodeType === TEXT_NODE) {
      if (!node.nodeValue) {
        (node as unknown as DomElement).remove();
      } else {
        const before = node[prev];
        if (before && before.nodeType === TEXT_NODE) {
          before.textContent += node.textContent ?? '';
          (node as unknown as DomElement).remove();
        }
      }
    }
    node = following;
  }
}

/**
 * Visits the nodes below `root` (not `root` itself) in document order, iteratively. `enter` is called
 * on every node; for an element, returning false skips its descendants. `leave` is called on every
 * entered element once its descendants are done. The tree must not change during the walk.
 *
 * One such walk is much cheaper on linkedom than `querySelectorAll` with a selector (which compiles
 * the selector on every call) or than `childNodes` (which builds an array on every call); on linkedom it
 * follows the node list (see linkedList).
 */
export function walk(root: DomNode, enter: (node: DomNode) => boolean | void, leave?: (el: DomElement) => void): void {
  const keys = linkedList(root);
  if (keys) {
    walkLinked(root as Linked, keys, enter, leave);
    return;
  }
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

/** walk() along linkedom's node list: attributes are skipped, end markers are where elements are left. */
function walkLinked(
  root: Linked,
  keys: LinkedKeys,
  enter: (node: DomNode) => boolean | void,
  leave?: (el: DomElement) => void,
): void {
  const { next, end, start } = keys;
  const stop = root[end];
  let node = root[next];
  while (node !== stop) {
    const type = node.nodeType;
    if (type === ELEMENT_NODE) {
      if (enter(node) === false) {
        leave?.(node as unknown as DomElement);
        node = node[end][next];
        continue;
      }
    } else if (type === NODE_END) {
      leave?.(node[start] as unknown as DomElement);
    } else if (type !== ATTRIBUTE_NODE) {
      enter(node);
    }
    node = node[next];
  }
}

/**
 * walk() over a whole document. A broken page can leave elements beside the root element, and on
 * linkedom the doctype has no `nextSibling`, so without the node list the top level goes through `childNodes`.
 */
export function walkDocument(
  doc: { childNodes: ArrayLike<DomNode> },
  enter: (node: DomNode) => boolean | void,
  leave?: (el: DomElement) => void,
): void {
  const keys = linkedList(doc as unknown as DomNode);
  if (keys) {
    walkLinked(doc as unknown as Linked, keys, enter, leave);
    return;
  }
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
