import type { ArticleContent } from '../types/content.js';
import type { ArticleRecord } from '../types/record.js';
import { contentFromText, extractContent } from './content/index.js';
import { analyseArticle } from './commitments/index.js';
import { EXTRACTOR_VERSION } from './version.js';

export { EXTRACTOR_VERSION };

/** Options shared by the extraction entry points. */
export interface ExtractOptions {
  /** The input as the user gave it (path or URL); defaults to the URL, else ''. */
  input?: string;
}

/**
 * Extracts the commitment record from one HTML page. Pure: no I/O, no global state beyond lazily built
 * lookup tables. Never throws on malformed HTML; the record then has empty text and is not relevant.
 */
export function extract(html: string, url: string | null, options: ExtractOptions = {}): ArticleRecord {
  return recordFromContent(extractContent(html, url), options.input ?? url ?? '');
}

/** Metadata known for a plain-text article (a `.txt` input). */
export interface TextMeta {
  url?: string | null;
  title?: string | null;
  published_at?: string | null;
}

/** Extracts the record from a plain-text article (optionally with `URL:/TITLE:/PUBLISHED:` header lines). */
export function extractText(text: string, meta: TextMeta = {}, options: ExtractOptions = {}): ArticleRecord {
  const content = contentFromText(text, meta);
  return recordFromContent(content, options.input ?? content.url ?? '');
}

/** Runs the domain analysis on already extracted content. */
export function recordFromContent(content: ArticleContent, input: string): ArticleRecord {
  const analysis = analyseArticle(content);
  return {
    input,
    url: content.url,
    title: content.title,
    site: content.site,
    published_at: content.published_at,
    language: content.language,
    text: content.text,
    relevant: analysis.relevant,
    relevance: analysis.relevance,
    commitments: analysis.commitments,
    extractor_version: EXTRACTOR_VERSION,
  };
}
