import type { RegionRef } from '../../types/record.js';
import { findRegionMentions, getGazetteer, levelForPosition } from '../region/index.js';
import type { RegionMention } from '../region/index.js';
import { findPersonMentions, samePerson } from '../officials/index.js';
import type { PersonMention } from '../officials/index.js';
import type { Sentence } from '../text/sentences.js';
import { OTHER_BODY } from './lexicon.js';

/** Roles of persons who can speak for a regional government. */
const REGIONAL_ROLES = new Set(['head', 'deputy_head', 'secretary', 'regional_official']);

/** Someone or something that can be the subject of a sentence. */
export interface Actor {
  start: number;
  end: number;
  /** The regional government the actor stands for; null for other bodies. */
  region: RegionRef | null;
  kind: 'government' | 'official' | 'other_body';
  person?: RegionalPerson;
}

/** A person who speaks for a regional government, with every mention of them. */
export interface RegionalPerson {
  name: string;
  position: string;
  role: string;
  region: RegionRef | null;
  mentions: PersonMention[];
}

/** Everything the commitment rules need to know about who and where. */
export interface ActorIndex {
  /** Actors sorted by start offset. */
  actors: Actor[];
  persons: RegionalPerson[];
  /** Region codes with their salience score (cue strength, title, frequency). */
  salience: Map<string, { region: RegionRef; score: number }>;
}

const CUE_WEIGHT: Record<string, number> = { government: 3, head: 3, explicit: 2, bare: 0.5, agency: 0 };

/**
 * Resolves region and person mentions of the analysed text into actors: regional governments (by name or by
 * their officials) and other bodies (Bawaslu, KPU, police, ministries).
 */
export function indexActors(full: string, titleEnd: number, sentences: Sentence[]): ActorIndex {
  const gazetteer = getGazetteer();
  const mentions = findRegionMentions(full);
  const salience = new Map<string, { region: RegionRef; score: number }>();
  const add = (region: RegionRef, score: number): void => {
    const cur = salience.get(region.code);
    if (cur) cur.score += score;
    else salience.set(region.code, { region, score });
  };

  // Unambiguous mentions first: they settle ambiguous ones (Bekasi -> the Kota Bekasi named elsewhere).
  const settled = new Set<string>();
  for (const m of mentions) if (m.candidates.length === 1 && m.cue !== 'agency') settled.add(m.candidates[0].code);
  const resolved: { mention: RegionMention; region: RegionRef }[] = [];
  for (const m of mentions) {
    const region = pickCandidate(m.candidates, settled);
    if (!region) continue;
    resolved.push({ mention: m, region });
    const inTitle = m.start < titleEnd ? 2 : 1;
    add(region, CUE_WEIGHT[m.cue] * inTitle);
  }

  const isPlace = (phrase: string): boolean => gazetteer.lookup(phrase).length > 0;
  const persons: RegionalPerson[] = [];
  const actors: Actor[] = [];
  for (const p of findPersonMentions(full, { isPlace })) {
    if (!REGIONAL_ROLES.has(p.role)) {
      if (p.role !== 'candidate' && p.role !== 'other') actors.push({ start: p.positionStart, end: p.nameEnd, region: null, kind: 'other_body' });
      continue;
    }
    // A name cut off at the end of a truncated text ("Plt Bupati La") is not a person yet.
    if (p.name.replace(/[^\p{L}]/gu, '').length < 3) continue;
    const region = regionOfPerson(p, resolved, settled);
    let person = persons.find((q) => samePerson(q.name, p.name) && (q.region?.code ?? null) === (region?.code ?? null));
    if (!person) person = persons.find((q) => samePerson(q.name, p.name) && (!region || !q.region));
    if (!person) {
      person = { name: p.name, position: p.position ?? '', role: p.role, region, mentions: [] };
      persons.push(person);
    } else {
      if (!person.region && region) person.region = region;
      if (p.name.length > person.name.length && p.name.includes(person.name)) person.name = p.name;
      if (!person.position && p.position) person.position = p.position;
      if (rank(p.role) < rank(person.role)) {
        person.role = p.role;
        if (p.position) person.position = p.position;
      }
    }
    person.mentions.push(p);
    if (region) add(region, (p.role === 'head' ? 3 : 1.5) * (p.nameStart < titleEnd ? 2 : 1));
  }

  // An official named without a place ("Inspektur Daerah M Riza Dauly") serves the region named last before
  // them, else the article's most salient region.
  const top = [...salience.values()].sort((a, b) => b.score - a.score)[0]?.region ?? null;
  for (const person of persons) {
    if (person.region) continue;
    const at = person.mentions[0].positionStart;
    let best: { offset: number; region: RegionRef } | null = null;
    for (const r of resolved) {
      if (r.mention.cue === 'agency' || r.mention.cue === 'bare' || r.mention.end > at) continue;
      if (!best || r.mention.start > best.offset) best = { offset: r.mention.start, region: r.region };
    }
    for (const q of persons) {
      const offset = q.mentions[0].nameStart;
      if (q.region && offset < at && (!best || offset > best.offset)) best = { offset, region: q.region };
    }
    person.region = best?.region ?? top;
  }

  for (const { mention, region } of resolved) {
    if (mention.cue === 'agency' || mention.cue === 'bare') continue;
    if (isInsideOtherBody(full, mention.start) || isElectionRace(full, mention.cueStart)) continue;
    actors.push({ start: mention.cueStart, end: mention.end, region, kind: 'government' });
  }
  for (const person of persons) {
    for (const m of person.mentions) {
      actors.push({ start: Math.min(m.positionStart, m.nameStart), end: m.nameEnd, region: person.region, kind: 'official', person });
    }
  }
  for (const s of sentences) addOtherBodies(s, actors);
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  return { actors: dropOverlaps(actors), persons, salience };
}

// Global form of OTHER_BODY, compiled once rather than per sentence; addOtherBodies resets its lastIndex.
const OTHER_BODY_ALL = new RegExp(OTHER_BODY.source, 'gi');

/** Other bodies named in the sentence, matched within the sentence alone (word boundaries at its ends). */
function addOtherBodies(s: Sentence, actors: Actor[]): void {
  OTHER_BODY_ALL.lastIndex = 0;
  for (let m = OTHER_BODY_ALL.exec(s.text); m; m = OTHER_BODY_ALL.exec(s.text)) {
    actors.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, region: null, kind: 'other_body' });
  }
}

function rank(role: string): number {
  return ['head', 'deputy_head', 'secretary', 'regional_official'].indexOf(role);
}

function pickCandidate(candidates: RegionRef[], settled: Set<string>): RegionRef | undefined {
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((c) => settled.has(c.code));
}

/** "Bawaslu Kota Kendari", "KPU Kukar": the place belongs to another body. */
function isInsideOtherBody(full: string, start: number): boolean {
  const before = full.slice(Math.max(0, start - 25), start);
  return /\b(?:bawaslu|kpu|kpud|panwaslu|polres|polda|kejari|dprd|pengadilan|rutan|lapas|kodim|bkn)\s+(?:kabupaten\s+|kota\s+|provinsi\s+)?$/i.test(before);
}

/** "Pilkada Gubernur dan Wakil Gubernur DKI Jakarta", "calon Bupati Sinjai": the race, not the government. */
function isElectionRace(full: string, cueStart: number): boolean {
  const before = full.slice(Math.max(0, cueStart - 60), cueStart);
  return /\b(?:pilkada|pemilihan|pilgub|pilbup|pilwali|pilwalkot|calon|cagub|cabup|cawali|paslon|pasangan|kandidat|kontestan)\s+(?:[\p{L}-]+\s+){0,5}$/iu.test(before);
}

function regionOfPerson(
  p: PersonMention,
  resolved: { mention: RegionMention; region: RegionRef }[],
  settled: Set<string>,
): RegionRef | null {
  const gazetteer = getGazetteer();
  if (p.place) {
    const level = p.position ? levelForPosition(positionWord(p.position)) : undefined;
    const candidates = gazetteer.lookup(p.place, level ? { level } : undefined);
    const pick = pickCandidate(candidates, settled) ?? candidates[0];
    if (pick) return pick;
  }
  // No place: the region named inside the position phrase or right before it ("Pemkab Buru, Kepala BKPSDM ...").
  const inside = resolved.find((r) => r.mention.start >= p.positionStart && r.mention.end <= p.positionEnd);
  return inside?.region ?? null;
}

/** The head word of a position: `Pj Bupati` -> `Bupati`. */
function positionWord(position: string): string {
  return position.replace(/^(pj|pjs|plt|penjabat|pelaksana\s+tugas|wakil)\s+/i, '');
}

function dropOverlaps(actors: Actor[]): Actor[] {
  const out: Actor[] = [];
  for (const a of actors) {
    const last = out[out.length - 1];
    if (last && a.start < last.end) {
      // Prefer the person over a region mention inside their position phrase.
      if (a.kind === 'official' && last.kind !== 'official') out[out.length - 1] = a;
      continue;
    }
    out.push(a);
  }
  return out;
}
