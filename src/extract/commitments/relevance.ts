import { createRequire } from 'node:module';
import type { Commitment } from '../../types/record.js';
import type { AnalysisDoc } from '../text/document.js';
import type { Sentence } from '../text/sentences.js';
import { CIVIL_SERVANTS, ELECTION, NEUTRALITY, VIOLATION } from './lexicon.js';
import type { Subject } from './subjects.js';

// natural's Indonesian stemmer, from its own module: the package root is slow and reads .env.
const require = createRequire(import.meta.url);
const stemmer = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem(word: string): string };

// The tokens of natural's aggressive Indonesian tokenizer, read in one pass: it blanks every character outside
// [a-z0-9 -], collapses spaces and splits on them, which leaves exactly the maximal runs of [a-z0-9-].
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/** Stems that mark the topic: neutrality, civil servants, elections, commitments and measures. */
const TOPIC_STEMS = new Set([
  'netral', 'netralitas', 'asn', 'pns', 'aparatur', 'pemilu', 'pilkada', 'komitmen', 'ikrar', 'pakta', 'integritas',
  'edar', 'sanksi', 'sosialisasi', 'awas', 'tegas', 'imbau', 'instruksi', 'deklarasi', 'politik', 'praktis', 'hibah',
]);

// The stemmer tries many prefix rules per word; news vocabulary repeats, so whether a word's stem is a topic stem
// is memoised (bounded).
const topicalWords = new Map<string, boolean>();
function isTopical(word: string): boolean {
  let t = topicalWords.get(word);
  if (t === undefined) {
    if (topicalWords.size > 50_000) topicalWords.clear();
    t = TOPIC_STEMS.has(stemmer.stem(word));
    topicalWords.set(word, t);
  }
  return t;
}

/** Number of tokens of the lower-cased `text`, and of those whose stem is a topic stem. */
function topicalTokens(text: string): { tokens: number; topical: number } {
  let tokens = 0;
  let topical = 0;
  // The maximal runs of [a-z0-9-], scanned by hand: a regex would build a match array per token.
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isTokenChar(text.charCodeAt(i))) i++;
    tokens++;
    if (isTopical(text.slice(start, i))) topical++;
  }
  return { tokens, topical };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Relevance in [0, 1]: a logistic combination of whether a regional government acts on neutrality (the
 * decisive feature), how many measures it takes, the density of topic stems, and whether the article is rather
 * a violation report. `subjects` are read only for the sentences about neutrality.
 */
export function relevanceScore(
  doc: AnalysisDoc,
  sentences: Sentence[],
  subjects: Subject[],
  commitments: Commitment[],
): number {
  let neutralSentences = 0;
  let regionalNeutral = 0;
  let violation = 0;
  sentences.forEach((s, i) => {
    const neutral = NEUTRALITY.test(s.text) && (CIVIL_SERVANTS.test(s.text) || /netralitas/i.test(s.text));
    if (neutral) neutralSentences++;
    if (neutral && subjects[i].kind === 'region') regionalNeutral++;
    if (VIOLATION.test(s.text)) violation++;
  });
  const election = ELECTION.test(doc.full) ? 1 : 0;
  const measures = commitments.reduce((n, c) => n + c.measures.length, 0);
  const { tokens, topical } = topicalTokens(doc.full.slice(0, 20_000).toLowerCase());
  const density = tokens ? topical / tokens : 0;
  const violationShare = sentences.length ? violation / sentences.length : 0;

  const x =
    -4 +
    (commitments.length > 0 ? 1.5 : 0) +
    Math.min(regionalNeutral, 3) * 1.0 +
    Math.min(measures, 4) * 0.5 +
    (neutralSentences > 0 ? 1 : 0) +
    election * 0.8 +
    Math.min(density * 20, 1.5) -
    violationShare * 4;
  return Math.round(sigmoid(x) * 1000) / 1000;
}
