/**
 * Name normalisation shared by the gazetteer and the mention finder.
 *
 * A name is compared by its *key*: the lowercase letters and digits of its words, concatenated without any
 * separator. So "Bau-Bau", "Bau Bau", "BAUBAU" and "Baubau" share the key `baubau`; "Toli-Toli" = "Tolitoli";
 * "Labuhan Batu" = "Labuhanbatu"; "D.I. Yogyakarta" = "DI Yogyakarta".
 */

/** Words of a name (letters and digits runs), in order. */
export const WORD_RE = /[\p{L}\p{N}]+/gu;

export function words(s: string): string[] {
  return s.match(WORD_RE) ?? [];
}

/** The comparison key of a name: lowercase word characters, no separators. */
export function nameKey(s: string): string {
  return words(s).join('').toLowerCase();
}

/** "KABUPATEN ACEH SELATAN" -> "Kabupaten Aceh Selatan"; keeps `DKI` and `DI` uppercase. */
export function titleCase(upper: string): string {
  return upper
    .trim()
    .split(/\s+/)
    .map((w) => {
      if (w === 'DKI' || w === 'DI') return w;
      return w
        .split('-')
        .map((p) => (p ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p))
        .join('-');
    })
    .join(' ');
}
