/**
 * Boundary terms (migration 0011): what narrows a text search for a text holding a space to a handful of events,
 * where its rarest trigrams each occur in tens of thousands (an official's name: 659 matches among a million events,
 * 0.8 ms instead of 3.3 ms on SQLite).
 *
 * A term stands for a boundary between two adjacent words of a line of the folded body (split on '\n', then on each
 * single ' '), both at least 3 code points long: the left word's last 3 code points and the right word's first 3,
 * hashed to a short alphanumeric token (FNV-1a, 32 bits, base 36, after a 'b'), one word for both indexes (FTS5's
 * unicode61 tokenizer, a PostgreSQL text array).
 *
 * Why the terms of a text are a superset test, exactly: folding is a mapping of each code point of the lowercased
 * string (below), so a line containing the text, both folded, contains it at code point boundaries (the text is
 * well-formed and holds no '\n'). Split on ' ', the text's words t0 .. tk lie over the line's words w(j) .. w(j+k):
 * t0 ends w(j), tk starts w(j+k), the others are equal. At each inner boundary the left word of the line ends with
 * t(i) and the right one starts with t(i+1), so when both are 3 code points or more, the line has the text's term
 * for that boundary. Events without some term of the text cannot match; those with all of them are checked for the
 * whole text, as before. A boundary with a shorter side (or an empty word, from several spaces) gives no term, and a
 * text without any term is looked up by trigrams.
 */

/** Code points on each side of a boundary: a trigram's worth, rare enough across a word boundary. */
const SIDE = 3;

/**
 * Lowercase (as SQLite's check, JavaScript's `toLowerCase`) with the two differences from PostgreSQL's `lower`
 * (which its ILIKE applies) folded away, so that both dialects' matches have the text's terms: a final sigma is a
 * sigma (JavaScript lowercases 'Σ' by context), and the dot above that JavaScript leaves of 'İ' goes ('i' for
 * PostgreSQL). Folding more can only add candidates, which the whole-text check removes.
 */
function fold(s: string): string {
  return s.toLowerCase().replace(/ς/g, 'σ').replace(/\u0307/g, '');
}

/** The term of a boundary between the end `a` of a word and the start `b` of the next. */
function term(a: string, b: string): string {
  const s = `${a}\u0001${b}`;
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return `b${(h >>> 0).toString(36)}`;
}

/** The terms of the boundaries of one folded line (or text), in order, repeats included. */
function lineTerms(line: string): string[] {
  const words = line.split(' ').map((w) => Array.from(w));
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (a.length >= SIDE && b.length >= SIDE) out.push(term(a.slice(-SIDE).join(''), b.slice(0, SIDE).join('')));
  }
  return out;
}

/** The distinct terms of a body (what `event_search.terms` holds, joined by single spaces). */
export function bodyTerms(body: string): string[] {
  return [...new Set(fold(body).split('\n').flatMap(lineTerms))];
}

/**
 * The distinct terms every body containing `text` has (case-insensitive); none when no boundary qualifies, or when
 * the text is not well-formed UTF-16 (a lone surrogate could pair with its neighbour in a body).
 */
export function textTerms(text: string): string[] {
  if (/\p{Cs}/u.test(text) || text.includes('\n')) return [];
  return [...new Set(lineTerms(fold(text)))];
}
