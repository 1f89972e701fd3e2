import { Readability } from '@mozilla/readability';
import { elementToParagraphs } from './html-to-text.js';

/** What Readability found: its content element as paragraphs. */
export interface ReadabilityResult {
  paragraphs: string[];
  title: string | null;
}

/**
 * Runs Readability on the document (which it mutates) and converts its content element to
 * paragraphs. Returns null when Readability finds nothing or throws.
 */
export function readabilityBody(doc: Document, charThreshold = 500): ReadabilityResult | null {
  try {
    const reader = new Readability(doc, {
      charThreshold,
      // Hand back the element itself: re-parsing serialised HTML would cost a second parse.
      serializer: (el: Node) => el as unknown as string,
    });
    const article = reader.parse();
    if (!article || !article.content) return null;
    const content = article.content as unknown as Node;
    return { paragraphs: elementToParagraphs(content), title: article.title ?? null };
  } catch {
    return null;
  }
}
