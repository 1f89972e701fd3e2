import type { ArticleContent } from '../../types/content.js';
import { normalizeDateValue, parseDateline } from '../dates/index.js';
import { collapseWhitespace } from './html-to-text.js';
import { guessLanguage } from './language.js';

/** Metadata a caller knows about a plain-text article; given values win over header lines. */
export interface TextMeta {
  url?: string | null;
  title?: string | null;
  published_at?: string | null;
}

const HEADER_LINE = /^(URL|TITLE|PUBLISHED):[ \t]*(.*)$/;

/** Splits `URL:` / `TITLE:` / `PUBLISHED:` header lines (ended by a blank line) from the body. */
function splitHeader(text: string): { header: Record<string, string>; body: string } {
  const lines = text.split(/\r?\n/);
  const header: Record<string, string> = {};
  let i = 0;
  while (i < lines.length) {
    const m = HEADER_LINE.exec(lines[i]);
    if (!m) break;
    header[m[1]] = m[2].trim();
    i++;
  }
  // Header lines only count as such when a blank line (or the end) closes them.
  if (i === 0 || (i < lines.length && lines[i].trim() !== '')) return { header: {}, body: text };
  return { header, body: lines.slice(i).join('\n') };
}

/** Paragraphs separated by one blank line, whitespace collapsed within each. */
export function normaliseParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map(collapseWhitespace)
    .filter((p) => p.length > 0)
    .join('\n\n');
}

function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Content of a plain-text article. Leading `URL:`, `TITLE:` and `PUBLISHED: YYYY-MM-DD|unknown`
 * lines followed by a blank line are read as metadata and removed from the body. Without a title
 * the title is '' (the caller may supply one); without a PUBLISHED line (and no caller date) the
 * dateline in the text is tried, while `PUBLISHED: unknown` gives null.
 */
export function contentFromText(text: string, meta: TextMeta = {}): ArticleContent {
  const { header, body } = splitHeader(typeof text === 'string' ? text : '');
  const normalised = normaliseParagraphs(body);
  const url = meta.url || header.URL || null;
  // `PUBLISHED: unknown` is a statement about the article, so only a missing line sends us to the dateline.
  const published =
    normalizeDateValue(meta.published_at) ??
    (header.PUBLISHED !== undefined ? normalizeDateValue(header.PUBLISHED) : parseDateline(normalised));
  return {
    url,
    title: collapseWhitespace(meta.title || header.TITLE || ''),
    site: siteOf(url),
    language: guessLanguage(normalised),
    published_at: published,
    text: normalised,
  };
}
