/**
 * Person names in Indonesian news: reading a name out of tokens (titles, ranks and degrees stripped), cleaning
 * and normalising names, and telling whether two spellings name the same person.
 */
import {
  ACRONYMS,
  ACTING_SHORT,
  CORPS,
  DEGREES,
  NAME_PARTICLES,
  NAME_VARIANTS,
  NON_NAME_WORDS,
  POSITIONS,
  PREFIX_TITLES,
  RANKS,
  UNIT_WORDS,
} from './lexicon.js';
import { isAllCaps, isCapitalised, isGluedDot, isInitialLetter, isTitleCase, squash, tokenize } from './tokens.js';
import type { Token } from './tokens.js';

/** First words of position phrases: a name stops before them. */
export const POSITION_FIRST_KEYS = new Set<string>([
  ...POSITIONS.map((p) => p.keys[0]),
  ...Object.keys(ACTING_SHORT),
  'penjabat',
  'pelaksana',
]);

/** A glued chunk of words and dots (`S.Sos`, `M.Si.`, `K.H.`, `H.U.P.`): the token index after each prefix. */
interface Chunk {
  key: string;
  end: number;
  hasDot: boolean;
}

/** Every prefix of the words of `set`: a chunk whose first word is none of them cannot be in `set`. */
function prefixesOf(set: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const w of set) for (let n = 1; n <= w.length; n++) out.add(w.slice(0, n));
  return out;
}

// A chunk's key starts with the key of its first word: most words start no title or degree, and need no chunks.
const DEGREE_PREFIXES = prefixesOf(DEGREES);
const TITLE_PREFIXES = prefixesOf(PREFIX_TITLES);

/** Prefixes of the glued chunk starting at `j`, longest first. */
function chunkAt(toks: Token[], j: number): Chunk[] {
  const first = toks[j];
  if (!first || first.kind !== 'w') return [];
  const out: Chunk[] = [];
  let key = '';
  let hasDot = false;
  for (let m = j; m < toks.length && m < j + 10; m++) {
    const t = toks[m];
    if (m > j && (t.sp || (t.kind !== 'w' && t.t !== '.'))) break;
    if (t.kind === 'w') {
      if (m > j && toks[m - 1].kind === 'w') break;
      key += t.k;
    } else {
      hasDot = true;
    }
    out.push({ key, end: m + 1, hasDot });
  }
  return out.reverse();
}

/**
 * End (token index) of an academic degree starting at `j` (`S.Sos`, `M.Si`, `SH`, `MM`, `Ph.D`), or -1.
 * `loose` also accepts any short `S.xxx` / `M.xxx` with a dot (used after a name and a comma).
 */
export function degreeAt(toks: Token[], j: number, loose = false): number {
  const tok = toks[j];
  if (!tok || tok.kind !== 'w') return -1;
  if (!DEGREE_PREFIXES.has(tok.k) && !(loose && (tok.t === 'S' || tok.t === 'M'))) return -1;
  for (const c of chunkAt(toks, j)) {
    if (!DEGREES.has(c.key)) continue;
    if (c.hasDot) return c.end;
    // Without dots: SH, MM, SSos, MSi, Lc.
    if (c.end === j + 1) {
      if (isAllCaps(tok) && tok.t.length >= 2) return c.end;
      if (/^[SM]\p{Lu}/u.test(tok.t) || c.key === 'lc' || c.key === 'phd') return c.end;
    }
  }
  if (loose) {
    const c = chunkAt(toks, j).find((x) => x.hasDot && /^[sm][a-z]{1,5}$/.test(x.key) && /^[SM]$/.test(tok.t));
    if (c && toks[j + 1]?.t === '.') return c.end;
  }
  return -1;
}

/** End of a title written before a name (`Dr.`, `H.`, `Hj`, `K.H.`, `dr.`, `Prof.`, `Bapak`), or -1. */
export function titleAt(toks: Token[], j: number, anyCase = false): number {
  const tok = toks[j];
  if (!tok || tok.kind !== 'w' || !TITLE_PREFIXES.has(tok.k)) return -1;
  for (const c of chunkAt(toks, j)) {
    if (!PREFIX_TITLES.has(c.key)) continue;
    if (!anyCase && !isCapitalised(tok) && !/^dr[gh]?$/.test(c.key)) continue;
    let end = c.end;
    // Dr. (HC), Dr.(H.C.)
    if (toks[end]?.t === '(') {
      const close = findClose(toks, end, 6);
      if (close > 0 && toksText(toks, end + 1, close).replace(/\./g, '').toLowerCase() === 'hc') end = close + 1;
    }
    return startsName(toks, end, anyCase) ? end : -1;
  }
  return -1;
}

/** End of a police or military rank with its corps (`AKBP`, `Letkol Inf`, `Brigjen Pol.`, `Kolonel (Purn)`), or -1. */
export function rankAt(toks: Token[], j: number, anyCase = false): number {
  const tok = toks[j];
  if (!tok || tok.kind !== 'w' || !RANKS.has(tok.k)) return -1;
  if (!anyCase && !isCapitalised(tok)) return -1;
  let end = j + 1;
  for (let guard = 0; guard < 4; guard++) {
    const t = toks[end];
    if (!t) break;
    if (t.kind === 'w' && (CORPS.has(t.k) || t.k === 'tni' || t.k === 'polri' || /^(pertama|muda|madya)$/.test(t.k))) {
      end++;
      if (isGluedDot(toks[end])) end++;
      continue;
    }
    if (t.t === '(') {
      const close = findClose(toks, end, 4);
      if (close > 0 && toks.slice(end + 1, close).every((x) => x.kind !== 'w' || CORPS.has(x.k) || x.t.length === 1)) {
        end = close + 1;
        continue;
      }
    }
    break;
  }
  return startsName(toks, end, anyCase) ? end : -1;
}

function startsName(toks: Token[], j: number, anyCase: boolean): boolean {
  const t = toks[j];
  if (!t || t.kind !== 'w' || t.nl) return false;
  return anyCase || isCapitalised(t) || PREFIX_TITLES.has(t.k);
}

function findClose(toks: Token[], open: number, max: number): number {
  for (let m = open + 1; m < toks.length && m <= open + max; m++) if (toks[m].t === ')') return m;
  return -1;
}

function toksText(toks: Token[], from: number, to: number): string {
  return toks
    .slice(from, to)
    .map((t) => t.t)
    .join('');
}

export interface NameWordOptions {
  /** Accept ALL-CAPS words of 4+ letters as name words (`ROMI WIJAYA`). */
  allowAllCaps?: boolean;
  /** Accept lower-case words (cleaning a name given as a string). */
  anyCase?: boolean;
}

/** Whether a token can be a word of a person's name. */
export function isNameWord(tok: Token | undefined, opts: NameWordOptions = {}): boolean {
  if (!tok || tok.kind !== 'w') return false;
  if (opts.anyCase) return !NON_NAME_PARTICLE_STOP.has(tok.k) || isCapitalised(tok);
  if (!isCapitalised(tok)) return false;
  const k = tok.k;
  if (NON_NAME_WORDS.has(k) || POSITION_FIRST_KEYS.has(k)) return false;
  if (isTitleCase(tok)) {
    // Title-case verbs of headlines: Tegaskan, Ingatkan; possessives: Menurutnya.
    if ((k.endsWith('kan') && k.length >= 7) || (k.endsWith('nya') && k.length >= 5)) return false;
    return true;
  }
  if (tok.t.length === 1) return false;
  // Verbs in capitals: MEMBUKA, MENGATAKAN, MENYAMPAIKAN.
  if (/^(?:mem|men|meng|meny)\p{L}{3,}$/u.test(k) || k.endsWith('kan')) return false;
  return (
    Boolean(opts.allowAllCaps) &&
    tok.t.length >= 4 &&
    !ACRONYMS.has(k) &&
    !UNIT_WORDS.has(k) &&
    !DEGREES.has(k) &&
    /[AEIOUY]/.test(tok.t)
  );
}

const NON_NAME_PARTICLE_STOP = new Set(['dan', 'atau', 'yang', 'di', 'ke', 'dari']);

/** Where a name sits in the token list. */
export interface NameSpan {
  /** First token (titles and ranks included). */
  start: number;
  /** First and after-last token of the cleaned name. */
  nameStart: number;
  nameEnd: number;
  /** After the trailing degrees. */
  end: number;
}

export interface ParseNameOptions extends NameWordOptions {
  /** Most name words (default 6). */
  maxWords?: number;
}

/**
 * Reads a person's name starting at token `q`: titles and ranks, then capitalised words, initials and particles,
 * then degrees. Null when no name word is there.
 */
export function parseNameAt(toks: Token[], q: number, opts: ParseNameOptions = {}): NameSpan | null {
  const anyCase = Boolean(opts.anyCase);
  const maxWords = opts.maxWords ?? 6;
  let j = q;
  if (!toks[j] || toks[j].kind !== 'w') return null;
  for (let guard = 0; guard < 8; guard++) {
    if (j > q && toks[j]?.nl) return null;
    const t = titleAt(toks, j, anyCase);
    if (t > 0) {
      j = t;
      continue;
    }
    const r = rankAt(toks, j, anyCase);
    if (r > 0) {
      j = r;
      continue;
    }
    break;
  }
  const nameStart = j;
  let words = 0;
  let full = 0;
  let lastWordEnd = j;
  let lastFullEnd = -1;
  while (j < toks.length && words < maxWords) {
    const tok = toks[j];
    if (tok.kind !== 'w' || (j > nameStart && tok.nl)) break;
    if (j > nameStart && degreeAt(toks, j) > 0) break;
    if (isInitialLetter(tok) && !NON_NAME_WORDS.has(tok.k)) {
      j++;
      if (isGluedDot(toks[j])) j++;
      words++;
      lastWordEnd = j;
      continue;
    }
    if (j > nameStart && !isCapitalised(tok) && NAME_PARTICLES.has(tok.k) && isNameWord(toks[j + 1], opts)) {
      j++;
      continue;
    }
    if (isNameWord(tok, opts)) {
      j++;
      words++;
      full++;
      lastWordEnd = j;
      lastFullEnd = j;
      continue;
    }
    break;
  }
  if (full === 0) return null;
  // A name does not end in an initial ("Budi S." at the end of a sentence is more likely "Budi").
  const nameEnd = lastFullEnd >= 0 && lastFullEnd < lastWordEnd && endsWithInitials(toks, lastFullEnd, lastWordEnd) ? lastFullEnd : lastWordEnd;
  let end = nameEnd;
  for (let guard = 0; guard < 8; guard++) {
    if (toks[end]?.t === ',' && !toks[end + 1]?.nl) {
      const d = degreeAt(toks, end + 1, true);
      if (d > 0) {
        end = d;
        continue;
      }
    }
    const d = degreeAt(toks, end);
    if (d > 0 && !toks[end].nl) {
      end = d;
      continue;
    }
    break;
  }
  return { start: q, nameStart, nameEnd, end };
}

function endsWithInitials(toks: Token[], from: number, to: number): boolean {
  for (let m = from; m < to; m++) if (!(isInitialLetter(toks[m]) || isGluedDot(toks[m]))) return false;
  return true;
}

/**
 * The name without titles, ranks and degrees: `Dr. H. Romi Wijaya, S.Sos, M.Si` -> `Romi Wijaya`,
 * `AKBP Budi Santoso` -> `Budi Santoso`, `M. Haris` -> `M. Haris`.
 */
export function cleanPersonName(raw: string): string {
  const toks = tokenize(raw);
  let q = 0;
  while (q < toks.length && toks[q].kind !== 'w') q++;
  const span = parseNameAt(toks, q, { anyCase: true, maxWords: 12 });
  if (!span || span.nameEnd <= span.nameStart) return squash(raw.replace(/[,;:()]+/g, ' '));
  return squash(raw.slice(toks[span.nameStart].s, toks[span.nameEnd - 1].e));
}

/** Lower case, no punctuation or diacritics, titles and degrees stripped: for comparing spellings. */
export function normalizePersonName(name: string): string {
  let out = NORMALIZED.get(name);
  if (out === undefined) {
    if (NORMALIZED.size >= 4096) NORMALIZED.clear();
    out = normalizeUncached(name);
    NORMALIZED.set(name, out);
  }
  return out;
}

/** Names are compared over and over while resolving mentions. */
const NORMALIZED = new Map<string, string>();

function normalizeUncached(name: string): string {
  return cleanPersonName(name)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`‘.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function lev(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  return levenshtein(a, b);
}

/** The two rows of the edit-distance table, reused across calls (names are short). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance with unit costs over UTF-16 code units (natural's LevenshteinDistance with its defaults), one
 * row at a time instead of a table of cell objects.
 */
function levenshtein(a: string, b: string): number {
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(cur[j - 1] + 1, prev[j] + 1, substitute);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

function variant(t: string): string {
  return NAME_VARIANTS[t] ?? t;
}

/** Whether two name tokens match: equal, spelling variants, an initial, or one or two typos in a long word. */
function tokenMatch(a: string, b: string): 'strong' | 'initial' | null {
  if (a === b || variant(a) === variant(b)) return a.length === 1 ? 'initial' : 'strong';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 'initial' : null;
  const min = Math.min(a.length, b.length);
  if (min >= 5 && a[0] === b[0]) {
    const d = lev(a, b);
    if (d <= 1 || (min >= 8 && d <= 2)) return 'strong';
  }
  return null;
}

/**
 * Whether two spellings name the same person: equal after normalising, one typo in a long name
 * (`Djalaludin` ~ `Djalaluddin`), an initial or short form for a given name (`M Arief Irwanto` ~
 * `Mohamad Arief Irwanto`), or a subset of the other's words (`Arief Irwanto`, a bare `Romi` ~ `Romi Wijaya`).
 */
export function samePerson(a: string, b: string): boolean {
  const na = normalizePersonName(a);
  const nb = normalizePersonName(b);
  const key = na < nb ? `${na}\u0000${nb}` : `${nb}\u0000${na}`;
  let out = SAME.get(key);
  if (out === undefined) {
    if (SAME.size >= 8192) SAME.clear();
    out = sameNormalized(na, nb);
    SAME.set(key, out);
  }
  return out;
}

const SAME = new Map<string, boolean>();

function sameNormalized(na: string, nb: string): boolean {
  if (!na || !nb) return false;
  if (na === nb) return true;
  const ta = na.split(' ');
  const tb = nb.split(' ');
  const min = Math.min(na.length, nb.length);
  if (min >= 8 && ta.length === tb.length) {
    const d = lev(na, nb);
    if (d <= 1 || (min >= 14 && d <= 2)) return true;
  }
  const [short, long] = ta.length < tb.length || (ta.length === tb.length && na.length <= nb.length) ? [ta, tb] : [tb, ta];
  const used = new Set<number>();
  let strong = 0;
  for (const t of short) {
    let found = -1;
    let kind: 'strong' | 'initial' | null = null;
    for (let u = 0; u < long.length; u++) {
      if (used.has(u)) continue;
      const m = tokenMatch(t, long[u]);
      if (m === 'strong') {
        found = u;
        kind = m;
        break;
      }
      if (m && found < 0) {
        found = u;
        kind = m;
      }
    }
    if (found < 0) return false;
    used.add(found);
    if (kind === 'strong' && t.length >= 3) strong++;
  }
  return strong > 0;
}
