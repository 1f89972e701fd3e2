import type { ArticleContent } from '../../types/content.js';
import type { Commitment, MeasureRecord, OfficialRecord, RegionRef } from '../../types/record.js';
import { evidenceAt, makeDoc } from '../text/document.js';
import type { AnalysisDoc } from '../text/document.js';
import { splitSentences } from '../text/sentences.js';
import type { Sentence } from '../text/sentences.js';
import { indexActors } from './actors.js';
import type { ActorIndex, RegionalPerson } from './actors.js';
import { findCirculars } from './circulars.js';
import { eventDate } from './event-date.js';
import { findMeasures } from './measures.js';
import { relevanceScore } from './relevance.js';
import { sentenceSubjects } from './subjects.js';
import type { Subject } from './subjects.js';
import { NEUTRALITY, SPEECH, WITNESS } from './lexicon.js';

/** What the domain analysis adds to the article content. */
export interface Analysis {
  relevant: boolean;
  relevance: number;
  commitments: Commitment[];
}

/** Threshold on the relevance score for the `relevant` decision. */
export const RELEVANCE_THRESHOLD = 0.5;

/**
 * Finds the regional governments that commit to ASN neutrality in the article, with their officials, circulars,
 * measures and the event date, each backed by evidence from the title or text.
 */
export function analyseArticle(content: ArticleContent): Analysis {
  const doc = makeDoc(content.title, content.text);
  if (!doc.full.trim()) return { relevant: false, relevance: 0, commitments: [] };
  const sentences = splitSentences(doc.full);
  const index = indexActors(doc.full, doc.title.length, sentences);
  const subjects = sentenceSubjects(sentences, index.actors, doc.full);
  const measures = findMeasures(sentences);
  const circulars = findCirculars(doc.full);

  const regions = committingRegions(sentences, subjects, index);
  const date = regions.length ? eventDate(doc, content.published_at) : null;
  const commitments: Commitment[] = regions.map((region) => ({
    region,
    officials: officialsOf(region, index, sentences, subjects, doc),
    event_date: date,
    circulars: circulars
      .filter((c) => ownerOf(c.start, sentences, subjects, region, regions) === region.code)
      .map((c) => ({ number: c.number, kind: c.kind, evidence: evidenceAt(doc, c.start, c.end) })),
    measures: dedupeMeasures(
      measures.filter((m) => regionOfSentence(subjects[m.sentence], region, regions)),
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
function committingRegions(sentences: Sentence[], subjects: Subject[], index: ActorIndex): RegionRef[] {
  const acts = new Map<string, number>();
  sentences.forEach((s, i) => {
    const subject = subjects[i];
    if (subject.kind !== 'region') return;
    if (!NEUTRALITY.test(s.text) && !/\b(surat\s+edaran|instruksi|pakta|ikrar|deklarasi|mou|hibah|sanksi|sosialisasi)\b/i.test(s.text)) return;
    acts.set(subject.code, (acts.get(subject.code) ?? 0) + 1);
  });
  const ranked = [...acts.keys()]
    .map((code) => index.salience.get(code))
    .filter((x): x is { region: RegionRef; score: number } => Boolean(x))
    .sort((a, b) => b.score - a.score);
  return ranked.map((r) => r.region);
}

/** Whether a sentence with this subject belongs to `region`: its own, or unattributed in a one-region article. */
function regionOfSentence(subject: Subject, region: RegionRef, regions: RegionRef[]): boolean {
  if (subject.kind === 'region') return subject.code === region.code;
  return subject.kind === 'none' && regions[0].code === region.code;
}

function ownerOf(offset: number, sentences: Sentence[], subjects: Subject[], region: RegionRef, regions: RegionRef[]): string | null {
  const i = sentences.findIndex((s) => offset >= s.start && offset < s.end);
  if (i < 0) return null;
  return regionOfSentence(subjects[i], region, regions) ? region.code : null;
}

function dedupeMeasures(mentions: { type: MeasureRecord['type']; start: number; end: number }[], doc: AnalysisDoc): MeasureRecord[] {
  const seen = new Set<string>();
  const out: MeasureRecord[] = [];
  for (const m of mentions) {
    if (seen.has(m.type)) continue;
    seen.add(m.type);
    out.push({ type: m.type, evidence: evidenceAt(doc, m.start, m.end) });
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
 * Officials of the region who act or speak in the article: the head of region whenever named as acting, and
 * others when they are the subject of a sentence or speak. Witnesses are left out. Head of region first.
 */
function officialsOf(
  region: RegionRef,
  index: ActorIndex,
  sentences: Sentence[],
  subjects: Subject[],
  doc: AnalysisDoc,
): OfficialRecord[] {
  const chosen: RegionalPerson[] = [];
  for (const person of index.persons) {
    if (person.region?.code !== region.code && !(person.region === null && isOnlyRegion(index, region))) continue;
    if (isActive(person, sentences, subjects, doc)) chosen.push(person);
  }
  const order = ['head', 'deputy_head', 'secretary', 'regional_official'];
  chosen.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.mentions[0].nameStart - b.mentions[0].nameStart);
  return chosen.map((p) => {
    const m = p.mentions[0];
    return { name: p.name, position: p.position, evidence: evidenceAt(doc, Math.min(m.positionStart, m.nameStart), m.nameEnd) };
  });
}

function isOnlyRegion(index: ActorIndex, region: RegionRef): boolean {
  const top = [...index.salience.values()].sort((a, b) => b.score - a.score)[0];
  return top?.region.code === region.code;
}

function isActive(person: RegionalPerson, sentences: Sentence[], subjects: Subject[], doc: AnalysisDoc): boolean {
  for (const m of person.mentions) {
    const i = sentences.findIndex((s) => m.nameStart >= s.start && m.nameStart < s.end);
    if (i < 0) continue;
    const s = sentences[i];
    const before = doc.full.slice(s.start, m.nameStart);
    if (WITNESS.test(before)) continue;
    const subject = subjects[i];
    if (subject.kind === 'region' && subject.actor.person === person) return true;
    if (SPEECH.test(s.text) && !/\b(?:oleh|kepada|dari)\s+$/i.test(before.slice(-12))) {
      if (person.role === 'head') return true;
    }
  }
  return false;
}
