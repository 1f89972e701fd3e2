import type { ArticleContent } from '../../types/content.js';
import { parseDateline } from '../dates/index.js';
import { filterParagraphs, findMainBlock, isBoilerplateLine, removeFurniture, surveyDocument } from './boilerplate.js';
import { collapseWhitespace, elementToParagraphs, type Paragraph } from './html-to-text.js';
import type { DomDocument } from './dom.js';
import { guessLanguage } from './language.js';
import { metaCollector, readMetadata, stripSiteName, stripTitleSuffix, type PageMetadata } from './metadata.js';
import { longestTextRun, looksBinary, parseDocument, slimHtml } from './parse-document.js';
import { MAX_READABILITY_ELEMENTS, MAX_READABILITY_TEXT_RUN, readabilityBody } from './readability-body.js';
import { rawTitle, stripTagsToParagraphs } from './text-fallback.js';

export { contentFromText, type TextMeta } from './from-text.js';
export { guessLanguage } from './language.js';

/** Below this many characters Readability's answer is treated as a miss and the heuristic is tried. */
const MIN_BODY_CHARS = 250;

/**
 * Reads the article in an HTML page: body text without boilerplate (paragraphs separated by one blank
 * line) and title, canonical URL, site, language and publication date. Pure and total: on input it
 * cannot make sense of (empty, binary, truncated, absurdly nested or huge) it returns content with
 * empty or tag-stripped text instead of throwing.
 */
export function extractContent(html: string, url: string | null): ArticleContent {
  const source = typeof html === 'string' ? html : '';
  if (looksBinary(source)) return empty(url);
  try {
    return fromDocument(slimHtml(source), url);
  } catch {
    try {
      return fromStrippedTags(source, url);
    } catch {
      return empty(url);
    }
  }
}

function empty(url: string | null): ArticleContent {
  return { url, title: '', site: null, language: null, published_at: null, text: '' };
}

function fromDocument(html: string, url: string | null): ArticleContent {
  const doc = parseDocument(html, url);
  if (!doc) return fromStrippedTags(html, url);
  // One walk over the intact document serves both the metadata and the furniture removal.
  const collector = metaCollector();
  const survey = surveyDocument(doc, collector.visit);
  const meta = readMetadata(doc, url, survey ? collector.found : undefined);
  removeFurniture(doc, survey);
  // Removal only lowers the element count: no need to count again when the survey saw few enough.
  const manyElements =
    (survey?.elements ?? Infinity) > MAX_READABILITY_ELEMENTS && doc.querySelectorAll('*').length > MAX_READABILITY_ELEMENTS;
  // No run of text is longer than the markup: short pages need no scan.
  const huge = manyElements || (html.length > MAX_READABILITY_TEXT_RUN && longestTextRun(html) > MAX_READABILITY_TEXT_RUN);
  const article = huge ? null : readabilityBody(doc, () => cleanDocument(html, url));
  let paragraphs = article ? filterParagraphs(article.paragraphs) : [];
  if (totalLength(paragraphs) < MIN_BODY_CHARS) {
    // Readability mutates the document it reads; after it the heuristic needs a fresh one.
    const fresh = huge ? doc : parseDocument(html, url);
    if (fresh?.body) {
      if (fresh !== doc) removeFurniture(fresh);
      const main = findMainBlock(fresh.body);
      const fallback = filterParagraphs(elementToParagraphs(main ?? fresh.body));
      if (totalLength(fallback) > totalLength(paragraphs)) paragraphs = fallback;
    }
  }
  const title = meta.title || stripTitleSuffix(collapseWhitespace(article?.title ?? ''), meta.site);
  return assemble({ ...meta, title }, paragraphs.map((p) => p.text));
}

/** The document as Readability first gets it: parsed, furniture removed. */
function cleanDocument(html: string, url: string | null): DomDocument | null {
  const doc = parseDocument(html, url);
  if (doc) removeFurniture(doc);
  return doc;
}

function fromStrippedTags(html: string, url: string | null): ArticleContent {
  const paragraphs = stripTagsToParagraphs(html).filter((p) => !isBoilerplateLine(p));
  let site: string | null = null;
  try {
    site = url ? new URL(url).hostname.replace(/^www\./, '') || null : null;
  } catch {
    site = null;
  }
  return assemble({ title: stripSiteName(rawTitle(html), site, site), url, site, language: null, published_at: null }, paragraphs);
}

/** Final touches shared by all paths: no repeated headline on top, date and language from the text if need be. */
function assemble(meta: PageMetadata, paragraphs: string[]): ArticleContent {
  const titleKey = comparable(meta.title);
  while (paragraphs.length && titleKey && comparable(paragraphs[0]) === titleKey) paragraphs = paragraphs.slice(1);
  const text = paragraphs.join('\n\n');
  return {
    url: meta.url,
    title: meta.title,
    site: meta.site,
    language: meta.language ?? guessLanguage(text),
    published_at: meta.published_at ?? parseDateline(text),
    text,
  };
}

function comparable(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function totalLength(paragraphs: Paragraph[]): number {
  return paragraphs.reduce((n, p) => n + p.text.length, 0);
}
