/**
 * The article content read from a page (or a plain-text article) before any domain extraction.
 */
export interface ArticleContent {
  /** Canonical URL when the page declares one, else the URL the page was read from; null when unknown. */
  url: string | null;
  title: string;
  /** Site name (og:site_name, JSON-LD publisher) or the host without `www.`; null when unknown. */
  site: string | null;
  /** BCP-47 language tag (`id`, `en`) from the page, else a guess from the text; null when unknown. */
  language: string | null;
  /** Publication date YYYY-MM-DD, or null. */
  published_at: string | null;
  /** Body text: paragraphs separated by one blank line, no boilerplate. */
  text: string;
}
