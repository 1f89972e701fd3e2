/**
 * Boundary terms (src/store/events/search-terms.ts): a text's terms are among those of every body containing it
 * (case, punctuation, several spaces, short words, non-ASCII letters, the start and end of a line), and a text
 * spanning two lines of a body does not have them all.
 */
import { describe, expect, it } from 'vitest';
import { bodyTerms, textTerms } from '../../src/store/index.js';

/** Whether a body has every term of a text. */
const covers = (body: string, text: string) => {
  const have = new Set(bodyTerms(body));
  return textTerms(text).every((t) => have.has(t));
};

describe('boundary terms', () => {
  it('are short alphanumeric words, distinct, one per qualifying boundary', () => {
    const terms = bodyTerms('Budi Santoso hadir\nBudi Santoso hadir\nbudi SANTOSO');
    expect(terms).toHaveLength(2);
    for (const t of terms) expect(t).toMatch(/^b[0-9a-z]+$/);
    expect(textTerms('Budi Santoso')).toHaveLength(1);
    expect(textTerms('Budi Santoso')[0]).toBe(terms[0]);
    expect(textTerms('di Santoso hadir')).toEqual([terms[1]]);
  });

  it('fold case', () => {
    expect(textTerms('BUDI SANTOSO')).toEqual(textTerms('budi santoso'));
    expect(textTerms('ÉRIK NÚÑEZ')).toEqual(textTerms('érik núñez'));
    expect(covers('Bupati ÉRIK Núñez', 'érik núñez')).toBe(true);
  });

  it('keep punctuation attached to its word', () => {
    expect(textTerms('Santoso, hadir')).not.toEqual(textTerms('Santoso hadir'));
    expect(covers('Bupati Budi Santoso, hadir', 'santoso, had')).toBe(true);
    expect(covers('Bupati Budi Santoso, hadir', 'oso, hadir')).toBe(true);
    expect(covers('(Budi) Santoso', 'di) san')).toBe(true);
  });

  it('give none for a boundary with a side shorter than 3 code points, or for several spaces', () => {
    expect(textTerms('Sri Lubis')).toHaveLength(1);
    expect(textTerms('di Lubis')).toEqual([]);
    expect(textTerms('Budi S')).toEqual([]);
    expect(textTerms('budi  santoso')).toEqual([]);
    expect(textTerms(' budi santoso ')).toEqual(textTerms('budi santoso'));
    expect(textTerms('budisantoso')).toEqual([]);
    expect(covers('Budi  Santoso', 'budi  santoso')).toBe(true);
    expect(covers('Pak Sri Lubis', 'pak sri lubis')).toBe(true);
  });

  it('count code points, not UTF-16 units', () => {
    expect(textTerms('a😀😀 bcd')).toHaveLength(1);
    expect(covers('xa😀😀 bcdef', 'a😀😀 bcd')).toBe(true);
    expect(covers('xa😀😀 bcdef', '😀😀 bcd')).toBe(true);
    // A lone surrogate could pair with its neighbour in a body: no terms, the text is looked up by trigrams.
    expect(textTerms('\udc00ab cde')).toEqual([]);
  });

  it('fold what PostgreSQL lowercases alike: a final sigma, a capital I with a dot', () => {
    expect(covers('abc ΣΑΣΑ', 'abc ΣΑΣ')).toBe(true);
    expect(covers('Bupati ABDİ Santoso', 'abdi santoso')).toBe(true);
  });

  it('are had by a text at the very start or end of a line', () => {
    const body = 'Budi Santoso hadir di Kendari\nWali Kota Budi Santoso';
    for (const text of ['Budi Santoso', 'budi santoso hadir', 'ari\nWali', 'Kota Budi Santoso', 'kendari', 'uti santo']) {
      expect(covers(body, text), text).toBe(body.toLowerCase().includes(text.toLowerCase()));
    }
  });

  it('do not match a text spanning two lines', () => {
    const body = 'Bupati Budi\nSantoso hadir';
    expect(covers(body, 'Budi Santoso')).toBe(false);
    expect(textTerms('Budi\nSantoso')).toEqual([]);
  });
});
