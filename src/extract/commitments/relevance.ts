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
const TOKEN_RE = /[a-z0-9-]+/g;

/** Stems that mark the topic: neutrality, civil servants, elections, commitments and measures. */
const TOPIC_STEMS = new Set([
  'netral', 'netralitas', 'asn', 'pns', 'aparatur', 'pemilu', 'pilkada', 'komitmen', 'ikrar', 'pakta', 'integritas',
  'edar', 'sanksi', 'sosialisasi', 'awas', 'tegas', 'imbau', 'instruksi', 'deklarasi', 'politik', 'praktis', 'hibah',
]);

// The stemmer tries many prefix rules per word; news vocabulary repeats, so stems are memoised (bounded).
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size > 50_000) stems.clear();
    s = stemmer.stem(word);
    stems.set(word, s);
  }
  return s;
}

/** Number of tokens of the lower-cased `text`, and of those whose stem is a topic stem. */
function topicalTokens(text: string): { tokens: number; topical: number } {
  let tokens = 0;
  let topical = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    tokens++;
    if (TOPIC_STEMS.has(stem(m[0]))) topical++;
  }
  return { tokens, topical };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Relevance in [0, 1]: a logistic combination of whether a regional government acts on neutrality (the
 * decisive feature), how many measures it takes, the density of topic stems, and whether the article is rather
 * a violation report.
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
