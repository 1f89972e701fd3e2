import type { Sentence } from '../text/sentences.js';
import type { Actor } from './actors.js';
import { ADDRESSING, CONTINUATION, RELATED_LINK, WITNESS } from './lexicon.js';

/** Who a sentence is about: the acting regional government (by code), another body, or nobody known. */
export type Subject =
  | {
      kind: 'region';
      code: string;
      actor: Actor;
      /** Governments acting jointly with the subject: "Pemprov NTT bersama Pemkot Kupang menggelar ...". */
      also: string[];
    }
  | { kind: 'other' }
  | { kind: 'none' };

/**
 * Decides the subject of each sentence. The first actor of a sentence is its subject, except that another body
 * addressing a region ("Bawaslu meminta Pemkab ...") keeps the sentence for that body, and persons named after
 * "disaksikan"/"dihadiri" are witnesses. A sentence with no actor, or opening with a pronoun or a quote,
 * continues the previous sentence's subject; a quote attributed at its end ("... ," kata Romi) is the speaker's.
 */
export function sentenceSubjects(sentences: Sentence[], actors: Actor[], full: string): Subject[] {
  const subjects: Subject[] = [];
  let ai = 0;
  let previous: Subject = { kind: 'none' };
  for (const s of sentences) {
    while (ai < actors.length && actors[ai].end <= s.start) ai++;
    if (RELATED_LINK.test(s.text)) {
      // A "Baca juga" headline belongs to another article: no subject, and it does not interrupt the flow.
      subjects.push({ kind: 'none' });
      continue;
    }
    const inside: Actor[] = [];
    for (let j = ai; j < actors.length && actors[j].start < s.end; j++) inside.push(actors[j]);
    let subject = quoteSpeaker(s, inside);
    if (!subject) {
      const own = firstActorSubject(s, inside, full);
      const continues = own.kind === 'none' || (CONTINUATION.test(s.text) && !startsWithActor(s, inside));
      subject = continues && previous.kind !== 'none' ? previous : own;
    }
    subjects.push(subject);
    previous = subject;
  }
  return subjects;
}

function startsWithActor(s: Sentence, inside: Actor[]): boolean {
  return inside.length > 0 && inside[0].start - s.start < 40 && !/^["“]/.test(s.text);
}

/** The first actor of the sentence that acts, skipping witnesses and regions another body addresses. */
function firstActorSubject(s: Sentence, inside: Actor[], full: string): Subject {
  for (let i = 0; i < inside.length; i++) {
    const a = inside[i];
    const before = full.slice(s.start, a.start);
    if (WITNESS.test(before)) break;
    if (a.kind === 'other_body') {
      // "Bawaslu dan Pemkab ..." act together; in "Bawaslu meminta Pemkab ..." the region is only addressed.
      const next = inside[i + 1];
      const between = next ? full.slice(a.end, next.start) : '';
      if (next && /^\s*(?:,|dan|bersama|serta)\s*$/i.test(between) && !ADDRESSING.test(between)) continue;
      return { kind: 'other' };
    }
    if (a.region) return { kind: 'region', code: a.region.code, actor: a, also: jointActors(inside, i, full) };
  }
  return { kind: 'none' };
}

/** `"...," kata Romi.` / `"...," ujar Pj Bupati Sinjai.`: the speaker named after the closing quote. */
function quoteSpeaker(s: Sentence, inside: Actor[]): Subject | null {
  const close = Math.max(s.text.lastIndexOf('”'), s.text.lastIndexOf('"'));
  if (close < 0) return null;
  const tail = s.text.slice(close + 1);
  if (!/^\s*,?\s*(?:\w+nya\s+|\w+\s+)?(?:kata|ujar|ucap|tegas|jelas|ungkap|tutur|imbuh|pungkas|papar|tandas|terang|sebut|pinta|himbau|imbau|harap|tambah|lanjut)/i.test(tail)) {
    return null;
  }
  const speaker = inside.find((a) => a.start >= s.start + close);
  if (!speaker) return null;
  if (speaker.region) return { kind: 'region', code: speaker.region.code, actor: speaker, also: [] };
  return speaker.kind === 'other_body' ? { kind: 'other' } : null;
}

/** Regions joined to the subject by "dan", "bersama", "serta" or a comma, before any verb. */
function jointActors(inside: Actor[], i: number, full: string): string[] {
  const out: string[] = [];
  for (let j = i + 1; j < inside.length; j++) {
    const between = full.slice(inside[j - 1].end, inside[j].start);
    if (!/^\s*(?:,|dan|bersama(?:\s+dengan)?|serta)\s*$/i.test(between)) break;
    const code = inside[j].region?.code;
    if (!code) break;
    if (code !== inside[i].region?.code && !out.includes(code)) out.push(code);
  }
  return out;
}
