import type { ArticleContent } from '../../types/content.js';
import { parseDocument, slimHtml } from './parse-document.js';
import { readabilityBody } from './readability-body.js';

export function extractContent(html: string, url: string | null): ArticleContent {
  const doc = parseDocument(slimHtml(html), url);
  const r = doc ? readabilityBody(doc) : null;
  return { url, title: '', site: null, language: null, published_at: null, text: r ? r.paragraphs.join('\n\n') : '' };
}
