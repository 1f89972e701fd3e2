/**
 * One person, several spellings: a canonical key per official name that absorbs the spelling variation of
 * Indonesian news (old spelling, doubled consonants, vowel variants, titles, spaces and hyphens), and a looser
 * comparison for what the key cannot absorb (one typo in a long word, a dropped given name).
 */
import { CORPS, DEGREES, PREFIX_TITLES, RANKS } from '../extract/officials/lexicon.js';

/** Spellings of Muhammad and its abbreviations: all `m`, so `M. Arief` and `Mohammad Arief` agree. */
const MUHAMMAD = new Set(
  `muhammad muhamad mohammad mohamad mohammed mohamed muhammed mochammad mochamad mukhammad muhammmad
   moch moh mohd muh muhd mhd md m`.split(/\s+/),
);
const ABBREVIATIONS: Record<string, string> = { abd: 'abdul', abdl: 'abdul', st: 'siti', sti: 'siti' };

/**
 * Spelling rules, applied in order to each word (already lower case, no diacritics). Old (pre-1972) spelling
 * first, then the variants modern outlets still disagree on. Doubled letters are collapsed last.
 */
const SPELLING: [RegExp, string][] = [
  [/oe/g, 'u'], // Soekarno -> Sukarno
  [/dj/g, 'j'], // Djalaludin -> Jalaludin
  [/tj/g, 'c'], // Tjandra -> Candra
  [/sj/g, 'sy'], // Sjamsuddin -> Syamsuddin
  [/nj/g, 'ny'],
  [/[ck]h/g, 'h'], // Achmad, Akhmad -> Ahmad; Chairul, Khairul -> Hairul
  [/ph/g, 'f'],
  [/th/g, 't'], // Fathul -> Fatul
  [/dh/g, 'd'], // Ramadhan -> Ramadan
  [/sy(?=[aiueo])/g, 's'], // Syamsudin -> Samsudin (not a final -sy: Salampessy)
  [/q/g, 'k'],
  [/ie(?![aiueo])/g, 'i'], // Arief -> Arif
  [/ae/g, 'ai'], // Sulaeman -> Sulaiman
  [/y(?![aiueo])/g, 'i'], // Effendy -> Effendi, Rizky -> Rizki
  [/(.)\1+/g, '$1'], // Djalaluddin -> Jalaludin, Salampessy -> Salampesy
];

function spell(word: string): string {
  if (MUHAMMAD.has(word)) return 'm';
  let w = Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word] : word;
  for (const [re, to] of SPELLING) w = w.replace(re, to);
  return w;
}

const isTitle = (w: string) => PREFIX_TITLES.has(w) || RANKS.has(w) || CORPS.has(w);

/**
 * The words of a name as compared: lower case, no diacritics, titles before the name, ranks and degrees after it
 * dropped (the extractor strips them already; this is a safety net), apostrophes and hyphens joining (`Sa'adah`,
 * `Abdul-Rahman`), dots separating (`M.Arief`), then the spelling rules above. `Dr. H. Djalaluddin Salampessy,
 * S.Sos` -> `['jalaludin', 'salampesi']`.
 */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(',')[0]
    .replace(/['’‘`´-]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let start = 0;
  let end = words.length;
  while (end - start > 1 && isTitle(words[start])) start++;
  while (end - start > 1 && DEGREES.has(words[end - 1])) end--;
  return words
    .slice(start, end)
    .map(spell)
    .filter((w) => w !== '');
}

/**
 * Canonical key of an official's name: its words (see `nameTokens`) joined without spaces, so spacing does not
 * matter either (`Abdul Rahman` = `Abdulrahman`). `Djalaludin Salampessy` and `Djalaluddin Salampesy` both give
 * `jalaludinsalampesi`. Empty when the name has no letters.
 */
export function officialKey(name: string): string {
  return nameTokens(name).join('');
}

/** Edit distance with unit costs (names are short: a two-row table is plenty). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Two words of a name agree: equal, an initial of the other, or one edit apart when both are long. */
function wordsAgree(a: string, b: string): 'exact' | 'close' | null {
  if (a === b) return 'exact';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 'close' : null;
  if (Math.min(a.length, b.length) >= 5 && a[0] === b[0] && editDistance(a, b) <= 1) return 'close';
  return null;
}

/**
 * Whether two spellings name the same person (within one region: the caller makes sure of that). True when
 * their keys are equal; otherwise only for names of two or more words, when every word of the shorter name agrees
 * with a distinct word of the longer one (equal, an initial, or one edit apart in a word of 5+ letters) and at
 * least one word of 3+ letters is equal — so `Arief Irwanto` ~ `M. Arief Irwanto` and `Hamzah Salampesi` ~
 * `Hamza Salampesi`, but a bare `Hamzah` never matches anyone by this looser rule, nor `Rina Wati` ~ `Rini Wati`
 * (short words must be equal).
 */
export function samePerson(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.join('') === tb.join('')) return true;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < 2) return false;
  const used = new Set<number>();
  let exact = 0;
  for (const w of short) {
    let found = -1;
    let how: 'exact' | 'close' | null = null;
    for (let i = 0; i < long.length && how !== 'exact'; i++) {
      if (used.has(i)) continue;
      const agree = wordsAgree(w, long[i]);
      if (agree && (how === null || agree === 'exact')) {
        found = i;
        how = agree;
      }
    }
    if (found < 0) return false;
    used.add(found);
    if (how === 'exact' && w.length >= 3) exact++;
  }
  return exact >= 1;
}

/**
 * The spelling to show for one person (or one circular number): the most frequent, then the longest (the
 * fullest form: `Djalaluddin Salampessy` over `Djalaluddin`), then the first in code-point order, so the choice
 * does not depend on the order the spellings arrived in.
 */
export function pickSpelling(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, n] of counts) {
    if (
      n > bestCount ||
      (n === bestCount && (spelling.length > best.length || (spelling.length === best.length && spelling < best)))
    ) {
      best = spelling;
      bestCount = n;
    }
  }
  return best;
}
