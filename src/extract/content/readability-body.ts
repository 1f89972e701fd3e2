import type { DomDocument, DomNode } from './dom.js';
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
 * Runs Readability on the document (which it mutates) and converts its content element to
 * paragraphs. Returns null when Readability finds nothing or throws.
 */
export function readabilityBody(doc: DomDocument, charThreshold = 500): ReadabilityResult | null {
  try {
    // Readability's typings name the DOM lib's Document, which this Node project does not load.
    const reader = new Readability(doc as never, {
      charThreshold,
      // Hand back the element itself: re-parsing serialised HTML would cost a second parse.
      serializer: (el: DomNode) => el as unknown as string,
    });
    const article = reader.parse();
    if (!article || !article.content) return null;
    const content = article.content as unknown as DomNode;
    return { paragraphs: elementToParagraphs(content), title: article.title ?? null };
  } catch {
    return null;
  }
}
