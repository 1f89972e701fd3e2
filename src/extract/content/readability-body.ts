import type { DomDocument, DomElement, DomNode } from './dom.js';
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
  _isProbablyVisible?: (node: DomElement) => boolean;
}

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
 * Runs Readability on the document (which it mutates) and converts its content element to
 * paragraphs. Returns null when Readability finds nothing or throws.
 */
export function readabilityBody(doc: DomDocument, charThreshold = CHAR_THRESHOLD): ReadabilityResult | null {
  try {
    // Readability's typings name the DOM lib's Document, which this Node project does not load.
    const reader = new Readability(doc as never, {
      charThreshold,
      // Only the text is used: stripping class attributes from the result would be wasted work.
      keepClasses: true,
      // Hand back the element itself: re-parsing serialised HTML would cost a second parse.
      serializer: (el: unknown) => el as string,
    });
    skipStyleChecks(reader as unknown as ReadabilityInternals);
    const article = reader.parse();
    if (!article || !article.content) return null;
    const content = article.content as unknown as DomNode;
    return { paragraphs: elementToParagraphs(content), title: article.title ?? null };
  } catch {
    return null;
  }
}
