/**
 * Finds the people of an Indonesian news text with their positions: position phrases followed by a name
 * ("Pj Bupati Kayong Utara, Romi Wijaya"), names followed by their position ("Romi Wijaya, Pj Bupati Kayong
 * Utara,", "Romi selaku Sekda"), speakers after a quote ("kata Romi"), and later bare mentions of a person
 * introduced earlier ("Romi menegaskan"), all resolved to one canonical name per person.
 */
import { ADMIN_PREFIXES, APPOSITION_LINKS, SPEECH_VERBS } from './lexicon.js';
import { normalizePersonName, parseNameAt, POSITION_FIRST_KEYS, samePerson } from './names.js';
import type { NameSpan } from './names.js';
import { positionAt, startsPosition } from './positions.js';
import type { PositionContext, PositionPhrase } from './positions.js';
import { isCapitalised, squash, tokenize } from './tokens.js';
import type { Token } from './tokens.js';
import type { FindPersonOptions, PersonMention } from './types.js';

type RawMention = Omit<PersonMention, 'name' | 'inherited'>;

/** Speech verbs that are also common adjectives or verbs: they count only right after a quote or comma. */
const AMBIGUOUS_SPEECH = new Set([
  'tegas', 'jelas', 'lanjut', 'tambah', 'harap', 'ajak', 'sebut', 'terang', 'tanya', 'jawab', 'pinta', 'seru',
  'aku', 'akui', 'urai', 'sambung', 'timpal', 'beber', 'katakan', 'kilah',
]);

const LIST_WORDS = new Set(['dan', 'serta', 'atau', 'dengan', 'bersama', 'maupun', 'beserta', 'dan/atau']);

const LINKS = [...APPOSITION_LINKS].sort((a, b) => b.length - a.length);

/** Marks the tokens of "Baca juga: ..." lines, which name other articles' people. */
function relatedLinkMask(text: string, toks: Token[]): Uint8Array {
  const mask = new Uint8Array(toks.length);
  const re = /\b(?:baca|simak|lihat)\s+(?:juga|pula)\b[^\n]*/gi;
  const ranges: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const before = text.slice(lineStart, m.index);
    // At the start of a line, or followed by a colon ("... . Baca juga: ...").
    if (/^[\s>*•-]*$/.test(before) || /^\S+\s+\S+\s*:/.test(m[0])) ranges.push([m.index, m.index + m[0].length]);
  }
  if (!ranges.length) return mask;
  let r = 0;
  for (let i = 0; i < toks.length; i++) {
    while (r < ranges.length && ranges[r][1] <= toks[i].s) r++;
    if (r < ranges.length && toks[i].s >= ranges[r][0]) mask[i] = 1;
  }
  return mask;
}

function nameText(text: string, toks: Token[], span: NameSpan): string {
  return squash(text.slice(toks[span.nameStart].s, toks[span.nameEnd - 1].e));
}

/** Start of the words linking a name to the position at `b` (`, `, `selaku`, `yang juga`, `(`), or -1. */
function linkBefore(toks: Token[], b: number): number {
  if (b === 0 || toks[b].nl) return -1;
  for (const link of LINKS) {
    const from = b - link.length;
    if (from < 1) continue;
    let ok = true;
    for (let m = 0; m < link.length; m++) {
      const t = toks[from + m];
      if (t.kind !== 'w' || t.l !== link[m] || (m > 0 && t.nl)) {
        ok = false;
        break;
      }
    }
    if (ok && !toks[from].nl) return toks[from - 1]?.t === ',' && !toks[from - 1].nl ? from - 1 : from;
  }
  const prev = toks[b - 1];
  if (prev.t === ',' || prev.t === '(') return prev.nl ? -1 : b - 1;
  return -1;
}

/** A name whose degrees end right before token `e` (walking back over name-like tokens). */
function nameEndingAt(toks: Token[], e: number): NameSpan | null {
  let s = e;
  while (s > 0 && e - s < 14) {
    if (s < e && toks[s].nl) break;
    const t = toks[s - 1];
    if (t.kind === 'w' || t.t === '.' || t.t === ',') {
      if (t.t === ',' && !(s < e && toks[s].kind === 'w')) break;
      s--;
      continue;
    }
    break;
  }
  for (let st = s; st < e; st++) {
    if (toks[st].kind !== 'w' || (st > 0 && toks[st - 1].kind === 'w' && !toks[st].sp)) continue;
    const span = parseNameAt(toks, st, { allowAllCaps: true });
    if (span && span.end === e) return span;
  }
  return null;
}

/** Not a person: a place ("Provinsi Riau", or what the gazetteer knows). */
function implausible(text: string, toks: Token[], span: NameSpan, isPlace?: (phrase: string) => boolean): boolean {
  const prev = toks[span.start - 1];
  if (prev && prev.kind === 'w' && (ADMIN_PREFIXES.has(prev.k) || prev.k === 'pemerintah' || prev.l === 'di')) return true;
  if (!isPlace) return false;
  // A place, or a run that starts with one ("Jabar Anteng").
  return isPlace(nameText(text, toks, span)) || isPlace(toks[span.nameStart].t);
}

/** Link words before a nickname: "Sahbirin Noor atau Paman Birin", "Bey yang akrab disapa Bey". */
const ALIAS_LINKS: string[][] = [
  ['atau'],
  ['alias'],
  ['yang', 'akrab', 'disapa'],
  ['yang', 'biasa', 'disapa'],
  ['yang', 'akrab', 'dipanggil'],
  ['yang', 'biasa', 'dipanggil'],
  ['akrab', 'disapa'],
  ['biasa', 'disapa'],
];

/** A nickname right after a name: the token span of the nickname, or null. */
function aliasAfter(toks: Token[], end: number): NameSpan | null {
  let j = end;
  if (toks[j]?.t === ',') j++;
  for (const link of ALIAS_LINKS) {
    if (link.every((w, m) => toks[j + m]?.l === w && !toks[j + m].nl)) {
      const q = j + link.length;
      if (!toks[q] || toks[q].nl || startsPosition(toks, q)) return null;
      return parseNameAt(toks, q);
    }
  }
  return null;
}

function claimedIn(claimed: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (claimed[i]) return true;
  return false;
}

function claim(claimed: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) claimed[i] = 1;
}

function fromPhrase(
  text: string,
  toks: Token[],
  p: PositionPhrase,
  span: NameSpan,
  source: 'position' | 'apposition',
): RawMention {
  return {
    surface: nameText(text, toks, span),
    nameStart: toks[span.nameStart].s,
    nameEnd: toks[span.nameEnd - 1].e,
    position: p.position,
    positionStart: p.start,
    positionEnd: p.end,
    place: p.place,
    role: p.role,
    acting: p.acting,
    source,
  };
}

function bare(text: string, toks: Token[], span: NameSpan, source: 'speech' | 'reference'): RawMention {
  const nameStart = toks[span.nameStart].s;
  const nameEnd = toks[span.nameEnd - 1].e;
  return {
    surface: nameText(text, toks, span),
    nameStart,
    nameEnd,
    position: null,
    positionStart: nameStart,
    positionEnd: nameEnd,
    place: null,
    role: 'other',
    acting: null,
    source,
  };
}

interface Cluster {
  best: string;
  score: number;
  members: RawMention[];
  /** Nicknames given with "atau" / "alias". */
  aliases: string[];
  /** Normalised name words of 3+ letters, for a quick pre-check. */
  words: Set<string>;
  last: number;
}

function nameScore(name: string): number {
  const words = normalizePersonName(name).split(' ');
  return words.filter((w) => w.length > 1).length * 1000 + name.length;
}

function wordCount(name: string): number {
  return normalizePersonName(name).split(' ').length;
}

/** Whether `surface` names the person of `c`; `partOnly`: not with more words than the name it matches. */
function matches(c: Cluster, surface: string, partOnly = false): boolean {
  const ok = (ref: string): boolean => (!partOnly || wordCount(surface) <= wordCount(ref)) && samePerson(surface, ref);
  return ok(c.best) || c.aliases.some(ok);
}

function addToCluster(c: Cluster, m: RawMention, order: number, alias: boolean): void {
  c.members.push(m);
  c.last = order;
  const words = normalizePersonName(m.surface).split(' ');
  if (alias) {
    c.aliases.push(m.surface);
  } else {
    const score = nameScore(m.surface);
    if (score > c.score) {
      c.best = m.surface;
      c.score = score;
    }
  }
  for (const w of words) if (w.length >= 3) c.words.add(w);
}

/**
 * Groups mentions by person: first the mentions found with a position or after a speech verb (with their
 * nicknames), then the bare later references, each to the most recently mentioned matching person.
 */
function cluster(mentions: RawMention[], aliasOf: Map<RawMention, RawMention>): Cluster[] {
  const clusters: Cluster[] = [];
  const of = new Map<RawMention, Cluster>();
  const place = (m: RawMention, order: number): void => {
    const parent = aliasOf.get(m);
    let target: Cluster | undefined = parent ? of.get(parent) : undefined;
    if (!target) {
      let bestLast = -1;
      for (const c of clusters) {
        if (c.last > bestLast && matches(c, m.surface)) {
          target = c;
          bestLast = c.last;
        }
      }
    }
    if (!target) {
      target = { best: m.surface, score: nameScore(m.surface), members: [], aliases: [], words: new Set(), last: order };
      clusters.push(target);
    }
    addToCluster(target, m, order, Boolean(parent));
    of.set(m, target);
  };
  mentions.forEach((m, order) => {
    if (m.source !== 'reference' || aliasOf.has(m)) place(m, order);
  });
  mentions.forEach((m, order) => {
    if (m.source === 'reference' && !aliasOf.has(m)) place(m, order);
  });
  return clusters;
}

/**
 * Finds the people named in `text` with their positions. Every mention is returned (in text order); with
 * `resolve` (the default) mentions of one person share the person's fullest name, and mentions without a position
 * of their own inherit it from another mention of the same person.
 */
export function findPersonMentions(text: string, options: FindPersonOptions = {}): PersonMention[] {
  const toks = tokenize(text);
  const ctx: PositionContext = { text, toks, isPlace: options.isPlace };
  const skip = options.skipRelatedLinks === false ? new Uint8Array(toks.length) : relatedLinkMask(text, toks);
  const claimed = new Uint8Array(toks.length);
  const raw: RawMention[] = [];
  const nameless: PositionPhrase[] = [];
  const aliasOf = new Map<RawMention, RawMention>();

  // 1. Position phrases, with the name right after them. A phrase starts with an acting prefix or a position word.
  for (let i = 0; i < toks.length; ) {
    if (skip[i] || toks[i].kind !== 'w' || !POSITION_FIRST_KEYS.has(toks[i].k)) {
      i++;
      continue;
    }
    const p = positionAt(ctx, i);
    if (!p) {
      i++;
      continue;
    }
    let q = p.endTok;
    if (toks[q]?.t === ',' && !toks[q + 1]?.nl) q++;
    let span = toks[q] && !toks[q].nl && !skip[q] ? parseNameAt(toks, q, { allowAllCaps: true }) : null;
    if (span && options.isPlace?.(nameText(text, toks, span))) span = null;
    if (span) {
      const m = fromPhrase(text, toks, p, span, 'position');
      raw.push(m);
      claim(claimed, i, span.end);
      i = span.end;
      const alias = aliasAfter(toks, span.end);
      if (alias && !skip[alias.start]) {
        const a = bare(text, toks, alias, 'reference');
        raw.push(a);
        aliasOf.set(a, m);
        claim(claimed, alias.start, alias.end);
        i = alias.end;
      }
    } else {
      nameless.push(p);
      claim(claimed, i, p.endTok);
      i = p.endTok;
    }
  }

  // 2. Names before a nameless position: "Romi Wijaya, Pj Bupati Kayong Utara," / "Romi selaku Sekda".
  for (const p of nameless) {
    const e = linkBefore(toks, p.startTok);
    if (e <= 0) continue;
    const after = toks[p.endTok];
    // "Romi Wijaya, Pj Bupati ..., mengatakan" but not a list: "Romi Wijaya, Pj Gubernur dan Kapolda".
    if (toks[e].t === ',' && after?.kind === 'w' && LIST_WORDS.has(after.l)) continue;
    if (toks[e].t === '(' && after?.t !== ')') continue;
    const span = nameEndingAt(toks, e);
    if (!span || claimedIn(claimed, span.start, span.end) || skip[span.start]) continue;
    if (implausible(text, toks, span, options.isPlace)) continue;
    raw.push(fromPhrase(text, toks, p, span, 'apposition'));
    claim(claimed, span.start, span.end);
  }

  // 3. Speakers after a quote: "kata Romi", "ujar Romi Wijaya", "Menurut Romi".
  for (let i = 0; i < toks.length - 1; i++) {
    const t = toks[i];
    if (t.kind !== 'w' || skip[i] || !(SPEECH_VERBS.has(t.k) || t.k === 'menurut')) continue;
    if (AMBIGUOUS_SPEECH.has(t.k)) {
      const prev = toks[i - 1];
      if (!prev || !/^[,"”“’'']$/.test(prev.t)) continue;
    }
    const q = i + 1;
    if (toks[q].nl || !isCapitalised(toks[q]) || claimed[q] || startsPosition(toks, q)) continue;
    const span = parseNameAt(toks, q);
    if (!span || claimedIn(claimed, span.start, span.end) || implausible(text, toks, span, options.isPlace)) continue;
    raw.push(bare(text, toks, span, 'speech'));
    claim(claimed, span.start, span.end);
    i = span.end - 1;
  }

  if (options.resolve === false) {
    return raw.sort((a, b) => a.nameStart - b.nameStart).map((m) => ({ ...m, name: m.surface, inherited: false }));
  }

  // 4. Later bare mentions of the persons found so far: "Romi menegaskan", "Menurut Romi,".
  raw.sort((a, b) => a.nameStart - b.nameStart);
  const known = cluster(raw, aliasOf);
  if (known.length) {
    for (let i = 0; i < toks.length; i++) {
      if (claimed[i] || skip[i] || !isCapitalised(toks[i])) continue;
      if (i > 0 && toks[i - 1].kind === 'w' && !toks[i].sp) continue;
      const span = parseNameAt(toks, i);
      if (!span || claimedIn(claimed, span.start, span.end)) continue;
      const surface = nameText(text, toks, span);
      const words = normalizePersonName(surface).split(' ');
      const hit = known.some((c) => words.some((w) => c.words.has(w)) && matches(c, surface, true));
      // Most capitalised words name nobody known: the place check (gazetteer lookups) comes last.
      if (!hit || implausible(text, toks, span, options.isPlace)) continue;
      raw.push(bare(text, toks, span, 'reference'));
      claim(claimed, span.start, span.end);
      i = span.end - 1;
    }
    raw.sort((a, b) => a.nameStart - b.nameStart);
  }

  // 5. One canonical name per person; positions carried over to mentions without one.
  const clusters = cluster(raw, aliasOf);
  const out = new Map<RawMention, PersonMention>();
  for (const c of clusters) {
    const members = [...c.members].sort((a, b) => a.nameStart - b.nameStart);
    const first = members.find((x) => x.position !== null);
    let last: RawMention | undefined;
    for (const m of members) {
      const o: PersonMention = { ...m, name: c.best, inherited: false };
      if (m.position !== null) {
        last = m;
      } else {
        const src = last ?? first;
        if (src) {
          o.position = src.position;
          o.role = src.role;
          o.acting = src.acting;
          o.place = src.place;
          o.inherited = true;
        }
      }
      out.set(m, o);
    }
  }
  return raw.map((m) => out.get(m)!);
}
