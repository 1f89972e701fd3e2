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

// A word: letters, with inner apostrophes (Musa'ad, Ma’ruf) and hyphens (Menpan-RB, Al-Amin); a number: ASCII
// digits; anything else that is not white space is a one-character token. tokenize() reads exactly the matches of
// /(\p{L}[\p{L}\p{M}]*(?:['’`‘-][\p{L}\p{M}]+)*)|(\d+)|(\S)/gu, by hand: `exec` would build a match array per
// token. Non-ASCII characters are classified by the sticky regexes below, one code point at a time.
const LETTER = /\p{L}/uy;
const LETTER_OR_MARK = /[\p{L}\p{M}]/uy;
const SPACE = /\s/uy;

/** Length in code units of the code point at `i` if `re` (sticky) matches it, else 0. */
function matchAt(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex - i : 0;
}

function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  return matchAt(LETTER, text, i);
}

function letterOrMarkAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  return matchAt(LETTER_OR_MARK, text, i);
}

/** `'`, `’`, `` ` ``, `‘` and `-` join the letters of a word. */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x60 || c === 0x2018 || c === 0x2d;
}

/** Characters dropped from the matching key: the joiners and `.`. */
const KEY_DROP = /[-'’`‘.]/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : matchAt(SPACE, text, i) > 0) {
      i++; // white space is never a surrogate pair
      continue;
    }
    const start = i;
    let kind: Token['kind'];
    // Whether the key differs from the lower-case text: a word with a joiner, or a dropped punctuation mark.
    let drop = false;
    let len = letterAt(text, i);
    if (len) {
      kind = 'w';
      i += len;
      while (i < n && (len = letterOrMarkAt(text, i))) i += len;
      // A joiner continues the word only when a letter or mark follows it.
      while (i + 1 < n && isJoiner(text.charCodeAt(i)) && (len = letterOrMarkAt(text, i + 1))) {
        drop = true;
        i += 1 + len;
        while (i < n && (len = letterOrMarkAt(text, i))) i += len;
      }
    } else if (c >= 48 && c <= 57) {
      kind = 'n';
      i++;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    } else {
      kind = 'p';
      drop = isJoiner(c) || c === 0x2e;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    const t = text.slice(start, i);
    const l = kind === 'n' ? t : t.toLowerCase();
    out.push({
      t,
      l,
      k: drop ? l.replace(KEY_DROP, '') : l,
      s: start,
      e: i,
      kind,
      sp: start > last,
      nl: hasNewline(text, last, start),
    });
    last = i;
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

/** `/^\p{Lu}/u.test(t)`, with ASCII first letters decided without the regex. */
function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(t);
}

/** Starts with an upper-case letter. */
export function isCapitalised(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && startsUpper(tok.t));
}

/** Upper-case letters only (digits allowed after the first letter): `BKPSDM`, `DPRD`, `RI`. */
export function isAllCaps(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && startsUpper(tok.t) && !HAS_LOWER.test(tok.t));
}

/** `Romi`, `Musa'ad` (not `BKPSDM`, not `romi`). */
export function isTitleCase(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && startsUpper(tok.t) && HAS_LOWER.test(tok.t));
}

/** A single upper-case letter: an initial (`M`, `F`) or a Balinese `I`. */
export function isInitialLetter(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'w' && tok.t.length === 1 && startsUpper(tok.t));
}

/** `.` written right after the previous token (no space): `M.`, `Pj.`, `Kab.`. */
export function isGluedDot(tok: Token | undefined): boolean {
  return Boolean(tok && tok.kind === 'p' && tok.t === '.' && !tok.sp);
}

/** Collapses whitespace runs to one space. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
