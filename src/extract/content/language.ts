/** Frequent function words: enough of them in a text tells Indonesian from English. */
const INDONESIAN = new Set([
  'yang', 'dan', 'di', 'dengan', 'untuk', 'dari', 'ini', 'itu', 'tidak', 'dalam', 'akan', 'pada', 'juga',
  'ke', 'karena', 'oleh', 'adalah', 'atau', 'sudah', 'telah', 'kami', 'mereka', 'bahwa', 'para', 'saat',
]);
const ENGLISH = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'are', 'as', 'by', 'this', 'it',
  'be', 'have', 'from', 'at', 'which', 'were', 'has', 'their', 'not',
]);

/** Hits needed before a guess is made at all. */
const MIN_HITS = 3;

/**
 * Guesses `id` or `en` from stop-word counts in the first few thousand words; null when neither
 * language has enough evidence or both look alike.
 */
export function guessLanguage(text: string): string | null {
  const words = text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  let id = 0;
  let en = 0;
  for (const w of words) {
    if (INDONESIAN.has(w)) id++;
    if (ENGLISH.has(w)) en++;
  }
  if (Math.max(id, en) < MIN_HITS) return null;
  if (id > en * 1.5) return 'id';
  if (en > id * 1.5) return 'en';
  return null;
}

/**
 * Reduces a language tag from a page (`id-ID`, `id_ID`, `in`, `en-US`) to its lowercase primary
 * subtag; `in` is the withdrawn code for Indonesian.
 */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().split(/[-_,;\s]/)[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return null;
  return primary === 'in' ? 'id' : primary;
}
