/*
 * The slice of the DOM this stage uses. The project compiles without the DOM lib (it runs on Node),
 * and linkedom's documents satisfy these shapes.
 */

export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  parentElement: DomElement | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  prepend(...nodes: DomNode[]): void;
  append(...nodes: DomNode[]): void;
  normalize?(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  createElement(tag: string): DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
