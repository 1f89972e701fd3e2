import type { ArticleContent } from '../../types/content.js';
import type { Commitment, MeasureRecord, OfficialRecord, RegionRef } from '../../types/record.js';
import { evidenceAt, makeDoc } from '../text/document.js';
import type { AnalysisDoc } from '../text/document.js';
import { sentenceAt, splitSentences } from '../text/sentences.js';
import type { Sentence } from '../text/sentences.js';
import { indexActors } from './actors.js';
import type { ActorIndex, RegionalPerson } from './actors.js';
import { findCirculars } from './circulars.js';
import { eventDate } from './event-date.js';
import { findMeasures } from './measures.js';
import type { MeasureMention } from './measures.js';
import { relevanceScore } from './relevance.js';
import { sentenceSubjects } from './subjects.js';
import type { Subject } from './subjects.js';
import { CIVIL_SERVANTS, FORMER, LEADS, NEUTRALITY, REPRESENTED_BY, SPEECH, VIOLATION_REPORT } from './lexicon.js';

/** What the domain analysis adds to the article content. */
export interface Analysis {
  relevant: boolean;
  relevance: number;
  commitments: Commitment[];
}

/** Characters of body text the commitment rules read. */
export const MAX_ANALYSED_CHARS = 100_000;

/** Threshold on the relevance score for the `relevant` decision. */
export const RELEVANCE_THRESHOLD = 0.5;

/**
 * Finds the regional governments that commit to ASN neutrality in the article, with their officials, circulars,
 * measures and the event date, each backed by evidence from the title or text.
 */
export function analyseArticle(content: ArticleContent): Analysis {
  // Rules run on the first MAX_ANALYSED_CHARS of the body: a news report fits with room to spare, and a page
  // that decodes to megabytes of text (a dump, a feed) must not stall a crawl. Offsets stay valid in `text`.
  const doc = makeDoc(content.title.slice(0, 1000), content.text.slice(0, MAX_ANALYSED_CHARS));
  if (!doc.full.trim()) return { relevant: false, relevance: 0, commitments: [] };
  const sentences = splitSentences(doc.full);
  const measures = findMeasures(sentences);
  const withMeasure = new Set(measures.map((m) => m.sentence));
  const acts = sentences.map((s, i) => NEUTRALITY.test(s.text) || withMeasure.has(i));
  if (!acts.includes(true)) {
    // No sentence about neutrality and no measure: no government can commit, whoever the actors are, so the
    // actor, subject and circular passes are skipped. The score reads subjects only of neutrality sentences.
    return { relevant: false, relevance: relevanceScore(doc, sentences, [], []), commitments: [] };
  }
  const index = indexActors(doc.full, doc.title.length, sentences);
  const subjects = sentenceSubjects(sentences, index.actors, doc.full);
  const circulars = findCirculars(doc.full);

  const ctx: SentenceContext = { sentences, subjects, acts };
  const regions = committingRegions(ctx, index);
  const date = regions.length ? eventDate(doc, content.published_at) : null;
  const commitments: Commitment[] = regions.map((region) => ({
    region,
    officials: officialsOf(region, index, ctx, doc),
    event_date: date,
    circulars: circulars
      .filter((c) => ownerOf(c.start, sentences, subjects, region, regions) === region.code)
      .map((c) => ({ number: c.number, kind: c.kind, evidence: evidenceAt(doc, c.start, c.end) })),
    measures: dedupeMeasures(
      measures.filter((m) => regionOfSentence(subjects[m.sentence], region, regions)),
      sentences,
      doc,
    ),
  }));
  for (const c of commitments) addCircularMeasures(c);

  const relevance = relevanceScore(doc, sentences, subjects, commitments);
  const relevant = relevance >= RELEVANCE_THRESHOLD && commitments.length > 0;
  return { relevant, relevance, commitments: relevant ? commitments : [] };
}

/**
 * Regions whose government is the subject of at least one sentence about neutrality or a measure. The most
 * salient region also owns sentences with no known subject.
 */
function committingRegions(ctx: SentenceContext, index: ActorIndex): RegionRef[] {
  const acts = new Map<string, number>();
  ctx.sentences.forEach((s, i) => {
    const subject = ctx.subjects[i];
    if (subject.kind !== 'region' || !ctx.acts[i]) return;
    // "Pj Bupati X langgar netralitas", "dugaan ...": the region's official is reported, not committing.
    if (VIOLATION_REPORT.test(s.text)) return;
    for (const code of [subject.code, ...subject.also]) acts.set(code, (acts.get(code) ?? 0) + 1);
  });
  const ranked = [...acts.keys()]
    .map((code) => index.salience.get(code))
    .filter((x): x is { region: RegionRef; score: number } => Boolean(x))
    .sort((a, b) => b.score - a.score);
  return ranked.map((r) => r.region);
}

/** Whether a sentence with this subject belongs to `region`: its own, or unattributed in a one-region article. */
function regionOfSentence(subject: Subject, region: RegionRef, regions: RegionRef[]): boolean {
  if (subject.kind === 'region') return subject.code === region.code || subject.also.includes(region.code);
  return subject.kind === 'none' && regions[0].code === region.code;
}

function ownerOf(offset: number, sentences: Sentence[], subjects: Subject[], region: RegionRef, regions: RegionRef[]): string | null {
  const i = sentenceAt(sentences, offset);
  if (i < 0) return null;
  return regionOfSentence(subjects[i], region, regions) ? region.code : null;
}

/**
 * One record per measure type, at its first mention. The evidence is the whole sentence, so a reader can verify
 * the measure from the quote alone.
 */
function dedupeMeasures(mentions: MeasureMention[], sentences: Sentence[], doc: AnalysisDoc): MeasureRecord[] {
  const seen = new Set<string>();
  const out: MeasureRecord[] = [];
  for (const m of mentions) {
    if (seen.has(m.type)) continue;
    seen.add(m.type);
    const s = sentences[m.sentence];
    out.push({ type: m.type, evidence: evidenceAt(doc, s.start, s.end) });
  }
  return out;
}

/** A numbered circular or instruction is itself the measure of its kind. */
function addCircularMeasures(c: Commitment): void {
  for (const circular of c.circulars) {
    const type = circular.kind === 'instruksi' ? 'instruction' : circular.kind === 'surat_edaran' ? 'circular' : null;
    if (type && !c.measures.some((m) => m.type === type)) c.measures.push({ type, evidence: circular.evidence });
  }
}

/**
 * Officials of the region who make or announce the commitment: its head whenever named as the current holder,
 * and others who lead the act ("dipimpin", "diwakili") or are the subject of a sentence about neutrality or a
 * measure. Witnesses and signers are left out. Head of region first, then in order of appearance.
 */
function officialsOf(region: RegionRef, index: ActorIndex, ctx: SentenceContext, doc: AnalysisDoc): OfficialRecord[] {
  const chosen = index.persons.filter((p) => p.region?.code === region.code && isActive(p, ctx, doc, index.persons));
  const order = ['head', 'deputy_head', 'secretary', 'regional_official'];
  chosen.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.mentions[0].nameStart - b.mentions[0].nameStart);
  return chosen.map((p) => {
    const m = p.mentions[0];
    return { name: p.name, position: p.position, evidence: evidenceAt(doc, Math.min(m.positionStart, m.nameStart), m.nameEnd) };
  });
}

/** Per-sentence facts the official rules share. */
interface SentenceContext {
  sentences: Sentence[];
  subjects: Subject[];
  /** Sentences about neutrality or with a measure cue. */
  acts: boolean[];
}

function isActive(person: RegionalPerson, ctx: SentenceContext, doc: AnalysisDoc, persons: RegionalPerson[]): boolean {
  if (person.role === 'head') {
    return person.mentions.some((m) => !FORMER.test(doc.full.slice(Math.max(0, m.positionStart - 80), m.positionStart)));
  }
  for (const m of person.mentions) {
    const at = Math.min(m.positionStart, m.nameStart);
    const i = sentenceAt(ctx.sentences, at);
    if (i < 0) continue;
    if (LEADS.test(doc.full.slice(Math.max(ctx.sentences[i].start, at - 30), at))) return true;
    const standsIn = persons.some((q) =>
      q.mentions.some((n) => n.nameEnd < at && n.nameEnd > at - 30 && REPRESENTED_BY.test(doc.full.slice(n.nameEnd, at))),
    );
    if (standsIn) return true;
  }
  return ctx.subjects.some((subject, i) => {
    if (subject.kind !== 'region' || subject.actor.person !== person) return false;
    const text = ctx.sentences[i].text;
    return ctx.acts[i] || (CIVIL_SERVANTS.test(text) && SPEECH.test(text));
  });
}
