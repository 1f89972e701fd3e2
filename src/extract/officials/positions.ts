/**
 * Position phrases of Indonesian news: `Penjabat (Pj) Bupati Tangerang`, `Kepala BKPSDM Kabupaten Buru`,
 * `Ketua Bawaslu Kota Kendari`, `Kapolres Buru`, `Dandim 1015/Sampit`. A phrase is an optional acting prefix, a
 * position word, a unit for positions that need one, and a place.
 */
import {
  ACTING_SHORT,
  ADMIN_PREFIXES,
  BODY_ROLES,
  BUILTIN_PLACES,
  CANDIDATE_CANONICAL,
  COMPASS_WORDS,
  GIVEN_NAME_STARTERS,
  NON_NAME_WORDS,
  PLACE_SECOND_WORDS,
  POSITIONS,
  UNIT_ABBREVIATIONS,
  UNIT_WORDS,
} from './lexicon.js';
import type { PositionEntry } from './lexicon.js';
import { parseNameAt, rankAt, titleAt } from './names.js';
import { isAllCaps, isCapitalised, isGluedDot, isInitialLetter, isTitleCase, squash } from './tokens.js';
import type { Token } from './tokens.js';
import type { ActingKind, PersonRole } from './types.js';

export interface PositionContext {
  text: string;
  toks: Token[];
  isPlace?: (phrase: string) => boolean;
}

export interface PositionPhrase {
  /** Token range of the whole phrase, place included. */
  startTok: number;
  endTok: number;
  /** Character span of the phrase, place included. */
  start: number;
  end: number;
  position: string;
  role: PersonRole;
  acting: ActingKind | null;
  place: string | null;
}

const BY_FIRST = new Map<string, PositionEntry[]>();
for (const p of POSITIONS) {
  const list = BY_FIRST.get(p.keys[0]) ?? [];
  list.push(p);
  BY_FIRST.set(p.keys[0], list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.keys.length - a.keys.length);

/** Admin words that always end a unit and open a place (not `desa`, which is also a unit word). */
const HARD_ADMIN = new Set(['kabupaten', 'kab', 'kota', 'provinsi', 'prov', 'pemkab', 'pemkot', 'pemprov', 'kecamatan', 'kec']);
const ROMAN = new Set('I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX'.split(' '));
/** Unit words that take a number: `Asisten I`, `Komisi II`, `Regional VI`. */
const NUMBERED = new Set(['asisten', 'komisi', 'regional', 'wilayah', 'bidang', 'divisi', 'kelas', 'tipe', 'seksi', 'kanreg']);
/** A secretariat written at the end of a unit: `Setda`, `Setdakab`, `Sekretariat Daerah`. */
const SECRETARIAT_TAIL = /\s+(?:setda|setdakab|setdaprov|setdako|setdakot|sekretariat daerah(?: kabupaten| kota| provinsi)?)$/i;
/** Derived nouns of institutions: `Pendidikan`, `Kesehatan`, `Perhubungan`, `Ketenagakerjaan`. */
const INSTITUTIONISH = /^(?:pe|ke)\p{L}{3,}an$/u;
/** Non-name words that may still stand in a place name. */
const PLACE_WORDS_OK = new Set(['jakarta', 'indonesia', 'kota', 'daerah', 'istimewa', 'khusus', 'pusat', 'raya', 'pulau', 'kepulauan']);

/** Text of tokens [from, to) as written, whitespace collapsed. */
function span(ctx: PositionContext, from: number, to: number): string {
  return squash(ctx.text.slice(ctx.toks[from].s, ctx.toks[to - 1].e));
}

function findClose(toks: Token[], open: number, max: number): number {
  for (let m = open + 1; m < toks.length && m <= open + max; m++) {
    if (toks[m].t === ')') return m;
    if (toks[m].nl) return -1;
  }
  return -1;
}

interface Acting {
  end: number;
  acting: ActingKind;
  label: string;
}

/** `Pj`, `Pj.`, `Pjs`, `Plt`, `Plh`, `Penjabat (Pj)`, `Penjabat Sementara (Pjs)`, `Pelaksana Tugas (Plt.)`. */
function actingAt(toks: Token[], i: number): Acting | null {
  const t = toks[i];
  if (!t || t.kind !== 'w') return null;
  let res: Acting | null = null;
  if (t.k === 'penjabat') {
    if (toks[i + 1]?.k === 'sementara') res = { end: i + 2, acting: 'pjs', label: 'Pjs' };
    else res = { end: i + 1, acting: 'pj', label: 'Pj' };
  } else if (t.k === 'pelaksana' && toks[i + 1]?.k === 'tugas') {
    res = { end: i + 2, acting: 'plt', label: 'Plt' };
  } else if (t.k === 'pelaksana' && toks[i + 1]?.k === 'harian') {
    res = { end: i + 2, acting: 'plt', label: 'Plh' };
  } else if (ACTING_SHORT[t.k]) {
    const a = ACTING_SHORT[t.k];
    res = { end: i + 1, acting: a.acting, label: a.label };
    if (isGluedDot(toks[res.end])) res.end++;
    return res;
  }
  if (!res) return null;
  // "(Pj)", "(Plt.)" after the long form.
  if (toks[res.end]?.t === '(') {
    const close = findClose(toks, res.end, 4);
    if (close > 0 && toks.slice(res.end + 1, close).some((x) => ACTING_SHORT[x.k])) res.end = close + 1;
  }
  return res;
}

function baseAt(toks: Token[], j: number): { entry: PositionEntry; end: number } | null {
  const t = toks[j];
  if (!t || t.kind !== 'w') return null;
  const list = BY_FIRST.get(t.k);
  if (!list) return null;
  for (const entry of list) {
    let ok = true;
    for (let m = 1; m < entry.keys.length; m++) {
      const x = toks[j + m];
      if (!x || x.kind !== 'w' || x.k !== entry.keys[m] || x.nl) {
        ok = false;
        break;
      }
    }
    if (ok) return { entry, end: j + entry.keys.length };
  }
  return null;
}

/** Whether a position phrase starts at token `i` (cheap check used to stop names). */
export function startsPosition(toks: Token[], i: number): boolean {
  const a = actingAt(toks, i);
  return baseAt(toks, a ? a.end : i) !== null;
}

interface Unit {
  end: number;
  words: Token[];
  abbr: string | null;
}

function unitWordOk(ctx: PositionContext, i: number, prev: Token | undefined, entry: PositionEntry): boolean {
  const t = ctx.toks[i];
  if (!t || t.kind !== 'w' || t.nl) return false;
  if (HARD_ADMIN.has(t.k) && isCapitalised(t)) {
    // "Staf Ahli Wali Kota"
    return entry.canonical === 'Staf Ahli' && prev?.k === 'wali' && t.k === 'kota';
  }
  if (BUILTIN_PLACES.has(t.l)) return false;
  if (entry.canonical === 'Staf Ahli' && /^(bupati|gubernur|walikota|wali|menteri)$/.test(t.k)) return true;
  // "Perlindungan Anak" but not "Anak Agung Putra".
  if (t.k === 'anak') return prev?.k === 'perlindungan' && isCapitalised(t);
  if (UNIT_WORDS.has(t.k)) return isCapitalised(t);
  if (ROMAN.has(t.t)) return prev !== undefined ? NUMBERED.has(prev.k) : entry.keys[0] === 'asisten';
  if (isAllCaps(t) && t.t.length >= 2 && t.t.length <= 9) return !ctx.isPlace?.(t.t);
  if (prev && isTitleCase(t) && t.k.length >= 7 && INSTITUTIONISH.test(t.k)) return true;
  return false;
}

/** The unit after `Kepala`, `Ketua`, `Asisten`...: `Dinas Komunikasi dan Informatika`, `BKPSDM`, `Bawaslu`. */
function unitAt(ctx: PositionContext, k: number, entry: PositionEntry): Unit {
  const toks = ctx.toks;
  const words: Token[] = [];
  let abbr: string | null = null;
  let j = k;
  while (j < toks.length && j < k + 16) {
    const t = toks[j];
    if (t.nl) break;
    const prev = words[words.length - 1];
    if (unitWordOk(ctx, j, prev, entry)) {
      words.push(t);
      j++;
      continue;
    }
    if (words.length && (t.k === 'dan' || t.k === 'serta' || t.t === '&' || t.t === ',') && unitWordOk(ctx, j + 1, t, entry)) {
      if (t.t !== ',') words.push(t);
      j++;
      continue;
    }
    if (t.kind === 'n' && /^\d{1,2}$/.test(t.t) && (prev ? NUMBERED.has(prev.k) : entry.keys[0] === 'asisten')) {
      words.push(t);
      j++;
      continue;
    }
    if (t.t === '(' && words.length) {
      const close = findClose(toks, j, 6);
      const inner = close > 0 ? toks.slice(j + 1, close) : [];
      if (inner.length && isCapitalised(inner[0]) && inner.every((x) => x.kind === 'w' || x.t === '-' || x.t === '.')) {
        abbr = squash(ctx.text.slice(inner[0].s, inner[inner.length - 1].e));
        j = close + 1;
        continue;
      }
    }
    break;
  }
  while (words.length && /^(dan|serta|&)$/.test(words[words.length - 1].k || words[words.length - 1].t)) {
    words.pop();
  }
  if (words.length) j = Math.max(j, toks.indexOf(words[words.length - 1]) + 1);
  return { end: j, words, abbr };
}

function roleOfUnit(unit: string): PersonRole | null {
  const u = unit.toLowerCase();
  for (const [role, re] of BODY_ROLES) if (re.test(u)) return role;
  return null;
}

interface Place {
  startTok: number;
  endTok: number;
  text: string;
}

/**
 * The place after a position: the longest prefix of the capitalised run that `isPlace` accepts, else a guess
 * (admin word + one word, a word before a title or initial, the first word of a long run).
 */
function placeAt(ctx: PositionContext, k: number): Place | null {
  const { toks, isPlace } = ctx;
  const t = toks[k];
  if (!t || t.nl) return null;
  // "Dandim 1015/Sampit", "Danrem 142/Tatag"
  if (t.kind === 'n' && toks[k + 1]?.t === '/' && !toks[k + 1].sp && toks[k + 2]?.kind === 'w' && !toks[k + 2].sp) {
    return { startTok: k, endTok: k + 3, text: span(ctx, k, k + 3) };
  }
  if (t.kind !== 'w' || !isCapitalised(t)) return null;
  let admin = -1;
  let r = k;
  if (ADMIN_PREFIXES.has(t.k)) {
    admin = k;
    r = k + 1;
    if (isGluedDot(toks[r])) r++;
    if (toks[r]?.k === 'administrasi') r++;
  }
  const run: number[] = [];
  let cue = false;
  let m = r;
  while (m < toks.length && run.length < 6) {
    const x = toks[m];
    if (x.nl || x.kind !== 'w' || !isCapitalised(x)) break;
    if (titleAt(toks, m) > 0 || rankAt(toks, m) > 0) {
      cue = true;
      break;
    }
    if (NON_NAME_WORDS.has(x.k) && !PLACE_WORDS_OK.has(x.k)) break;
    if (startsPosition(toks, m)) break;
    run.push(m);
    m++;
    if (isInitialLetter(x) && isGluedDot(toks[m])) m++;
  }
  if (!run.length) return null;
  const firstInitial = run.findIndex((i) => isInitialLetter(toks[i]));
  const maxLen = Math.min(run.length, firstInitial >= 0 ? firstInitial : run.length, 5);
  const from = admin >= 0 ? admin : run[0];
  const accepts = (len: number): boolean => {
    const bare = span(ctx, run[0], run[len - 1] + 1);
    if (BUILTIN_PLACES.has(bare.toLowerCase())) return true;
    if (!isPlace) return false;
    return isPlace(admin >= 0 ? span(ctx, admin, run[len - 1] + 1) : bare) || (admin >= 0 && isPlace(bare));
  };
  let len = 0;
  for (let n = maxLen; n >= 1; n--) {
    if (accepts(n)) {
      len = n;
      break;
    }
  }
  if (!len) len = admin >= 0 ? adminLen(toks, run, maxLen) : guessLen(ctx, run, m, cue, maxLen);
  if (len <= 0) return null;
  // "Jakarta" accepted but "Jakarta Utara" written: a name never starts with a compass word.
  while (len < run.length && COMPASS_WORDS.has(toks[run[len]].k)) len++;
  let endTok = run[len - 1] + 1;
  const text = span(ctx, from, endTok);
  // An alias in parentheses: "Sulawesi Tengah (Sulteng)".
  if (toks[endTok]?.t === '(') {
    const close = findClose(toks, endTok, 5);
    const inner = close > 0 ? toks.slice(endTok + 1, close) : [];
    if (inner.length && inner.every((x) => x.kind === 'w' && isCapitalised(x))) endTok = close + 1;
  }
  return { startTok: from, endTok, text };
}

function adminLen(toks: Token[], run: number[], maxLen: number): number {
  if (maxLen <= 0) return 0;
  if (maxLen >= 2 && PLACE_SECOND_WORDS.has(toks[run[1]].k)) {
    return maxLen >= 3 && PLACE_SECOND_WORDS.has(toks[run[2]].k) ? 3 : 2;
  }
  return 1;
}

function guessLen(ctx: PositionContext, run: number[], after: number, cue: boolean, maxLen: number): number {
  const { toks, isPlace } = ctx;
  const n = run.length;
  // A title or rank right after the run: the run is the place ("Wali Kota Mataram H. Ahyar Abduh").
  if (cue) return n <= 4 ? n : 0;
  const first = toks[run[0]];
  if (isInitialLetter(first) || GIVEN_NAME_STARTERS.has(first.k)) return 0;
  const second = n >= 2 ? toks[run[1]] : undefined;
  const placeHead = second && PLACE_SECOND_WORDS.has(second.k) ? 2 : 1;
  if (isPlace) {
    // The gazetteer knows no prefix: only a long run is split, and never one with initials ("Samsuddin A Kadir").
    if (n >= 3 && maxLen === n) return placeHead;
    return 0;
  }
  // No gazetteer: "Bupati Bangka M Haris" (a word before an initial), "Bupati Kayong Utara, Romi Wijaya".
  if (maxLen < n) return maxLen <= 2 ? maxLen : 0;
  if (toks[after]?.t === ',' && parseNameAt(toks, after + 1)) return Math.min(n, 4);
  if (n === 1) return 1;
  return Math.min(placeHead, n);
}

/** Case normalisation of unit words written in capitals: `KEPALA DINAS KESEHATAN` -> `Kepala Dinas Kesehatan`. */
function tidyCase(s: string): string {
  return s
    .split(' ')
    .map((w) =>
      /^\p{Lu}{5,}$/u.test(w) && (w.match(/[AEIOU]/g)?.length ?? 0) >= 2 && UNIT_WORDS.has(w.toLowerCase())
        ? w[0] + w.slice(1).toLowerCase()
        : w,
    )
    .join(' ');
}

function candidateCanonical(entry: PositionEntry): string {
  const key = entry.keys.join(' ');
  return CANDIDATE_CANONICAL[key] ?? entry.keys.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

/** Reads a position phrase starting at token `i`, or null. */
export function positionAt(ctx: PositionContext, i: number): PositionPhrase | null {
  const toks = ctx.toks;
  const acting = actingAt(toks, i);
  const j = acting ? acting.end : i;
  const base = baseAt(toks, j);
  if (!base) return null;
  const { entry } = base;
  if (!entry.lowerOk && !isCapitalised(toks[i]) && !isCapitalised(toks[j])) {
    // "anggota KPU Kabupaten Buru": a lower-case position word is fine before a capitalised body.
    if (entry.unit !== 'required' || !isCapitalised(toks[base.end])) return null;
  }
  let k = base.end;
  // "Sekretaris Daerah (Sekda)", "Kepala Kepolisian Resor (Kapolres)"
  if (entry.unit === 'none' && toks[k]?.t === '(') {
    const close = findClose(toks, k, 4);
    if (close > 0 && close - k <= 3 && toks.slice(k + 1, close).every((x) => x.kind === 'w')) k = close + 1;
  }
  let role: PersonRole | null = entry.role;
  let position = entry.role === 'candidate' ? candidateCanonical(entry) : entry.canonical;
  if (entry.unit !== 'none') {
    const unit = unitAt(ctx, k, entry);
    if (entry.unit === 'required' && !unit.words.length) return null;
    if (unit.words.length || unit.abbr) {
      const written = squash(
        ctx.text.slice(unit.words[0]?.s ?? 0, unit.words.length ? unit.words[unit.words.length - 1].e : 0),
      );
      const unitRole = roleOfUnit(`${written} ${unit.abbr ?? ''}`);
      if (unitRole) role = unitRole;
      const short = unit.abbr ?? UNIT_ABBREVIATIONS[written.toLowerCase()] ?? null;
      // The secretariat a unit belongs to is not part of the position: "Asisten I Setda" -> "Asisten I".
      const bareUnit = written.replace(SECRETARIAT_TAIL, '').trim();
      position = `${position} ${short ?? bareUnit}`.trim();
      k = unit.end;
    }
  }
  if (role === null) return null;
  let actingKind: ActingKind | null = acting?.acting ?? null;
  if (acting) position = `${acting.label} ${position}`;
  else if (entry.acting) {
    actingKind = entry.acting;
    position = `Pj ${position}`;
  }
  const place = placeAt(ctx, k);
  const endTok = place ? place.endTok : k;
  return {
    startTok: i,
    endTok,
    start: toks[i].s,
    end: toks[endTok - 1].e,
    position: tidyCase(position),
    role,
    acting: actingKind,
    place: place ? place.text : null,
  };
}
