/** A token of the text: a word, a number or one punctuation character. */
export interface Token {
  /** Text as written. */
  t: string;
  /** Lower-case text. */
  l: string;
  /** Matching key: lower case without dots, hyphens and apostrophes (`Menpan-RB` -> `menpanrb`). */
  k: string;
  s: number;
  e: number;
  kind: 'w' | 'n' | 'p';
  /** Whitespace precedes the token. */
  sp: boolean;
  /** A line break precedes the token. */
  nl: boolean;
}

// A word: letters, with inner apostrophes (Musa'ad, Ma’ruf) and hyphens (Menpan-RB, Al-Amin).
// Each alternative consumes at least one character, so the pattern is linear.
const TOKEN_RE = /(\p{L}[\p{L}\p{M}]*(?:['’`‘-][\p{L}\p{M}]+)*)|(\d+)|(\S)/gu;

/** Characters dropped from the matching key. */
const KEY_DROP = /[-'’`‘.]/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const l = t.toLowerCase();
    const kind = m[1] !== undefined ? 'w' : m[2] !== undefined ? 'n' : 'p';
    out.push({
      t,
      l,
      // Digits have nothing to drop; most words and punctuation neither, and replace() then returns `l` itself.
      k: kind === 'n' ? l : l.replace(KEY_DROP, ''),
      s: m.index,
      e: m.index + t.length,
      kind,
      sp: m.index > last,
      nl: hasNewline(text, last, m.index),
    });
    last = m.index + t.length;
  }
  return out;
}

/** Whether text[from, to) contains a line break (the gap between two tokens: no slice needed). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) return true;
  return false;
}

const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Starts with an upper-case letter. */
export function isCapitalised(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && UPPER.test(tok.t));
}

/** Upper-case letters only (digits allowed after the first letter): `BKPSDM`, `DPRD`, `RI`. */
export function isAllCaps(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && UPPER.test(tok.t) && !HAS_LOWER.test(tok.t));
}

/** `Romi`, `Musa'ad` (not `BKPSDM`, not `romi`). */
export function isTitleCase(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && UPPER.test(tok.t) && HAS_LOWER.test(tok.t));
}

/** A single upper-case letter: an initial (`M`, `F`) or a Balinese `I`. */
export function isInitialLetter(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && tok.t.length === 1 && UPPER.test(tok.t));
}

/** `.` written right after the previous token (no space): `M.`, `Pj.`, `Kab.`. */
export function isGluedDot(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'p' && tok.t === '.' && !tok.sp);
}

/** Collapses whitespace runs to one space. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
