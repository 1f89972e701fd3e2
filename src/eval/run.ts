import type { ArticleRecord } from '../types/record.js';
import { extract, recordFromContent } from '../extract/index.js';
import { contentFromText } from '../extract/content/index.js';
import { loadCorpus } from './corpus.js';
import type { CorpusCase } from './corpus.js';
import { addCounts, emptyCounts, scoreArticle, scoresOf } from './score.js';
import type { Counts, Disagreement, Prf, Scores } from './score.js';
import { wrapInPage } from './wrap-page.js';

/**
 * How each labelled text is fed to the extractor: `text` as the plain article, `html` wrapped in a realistic
 * news page (menus, tickers, sidebars naming other regions and officials, "Baca juga" links inside the body, a
 * footer with an address), so the page stage is scored too.
 */
export type EvalMode = 'text' | 'html';

export interface EvalResult {
  mode: EvalMode;
  articles: number;
  counts: Counts;
  scores: Scores;
  prf: Record<string, Prf>;
  disagreements: Disagreement[];
}

/** Extracts one corpus case in the given mode. */
export function extractCase(c: CorpusCase, mode: EvalMode): ArticleRecord {
  const content = contentFromText(c.text, { url: c.gold.url ?? null, title: c.gold.title ?? null });
  if (mode === 'text') return recordFromContent(content, c.id);
  const url = content.url ?? `https://news.example.id/${c.id}`;
  return extract(wrapInPage(content, c.id), url, { input: c.id });
}

/** Scores the extractor on every case of the given corpus folders. */
export function evaluate(dirs: string[], mode: EvalMode = 'text'): EvalResult {
  let counts = emptyCounts();
  const disagreements: Disagreement[] = [];
  let articles = 0;
  for (const dir of dirs) {
    for (const c of loadCorpus(dir)) {
      const one = emptyCounts();
      scoreArticle(c.id, c.gold, extractCase(c, mode), one, disagreements);
      counts = addCounts(counts, one);
      articles++;
    }
  }
  const { scores, prf } = scoresOf(counts);
  return { mode, articles, counts, scores, prf, disagreements };
}
