import { describe, expect, it } from 'vitest';
import { pageCounts, score, shingles, tokenize } from '../../scripts/content-metric.js';

describe('benchmark shingle metric', () => {
  it('tokenizes like Python \\w+ with Unicode', () => {
    expect(tokenize('Wali-kota 2024, naïve_x ¿qué?')).toEqual(['Wali', 'kota', '2024', 'naïve_x', 'qué']);
  });

  it('makes one shingle of a text shorter than four tokens, none of an empty one', () => {
    expect([...shingles('a b')]).toEqual([['a b', 1]]);
    expect(shingles('').size).toBe(0);
  });

  it('counts shingles as a multiset and normalises per page', () => {
    // truth tokens: a b c d e -> shingles {abcd, bcde}; predicted: a b c d x -> {abcd, bcdx}.
    // tp = 1, fp = 1, fn = 1 -> each 1/3.
    const c = pageCounts('a b c d e', 'a b c d x');
    expect(c.tp).toBeCloseTo(1 / 3);
    expect(c.fp).toBeCloseTo(1 / 3);
    expect(c.fn).toBeCloseTo(1 / 3);
    // Repeated shingles count as often as they occur: truth has "a a a a" twice, prediction once.
    const r = pageCounts('a a a a a', 'a a a a');
    expect(r).toEqual({ tp: 0.5, fp: 0, fn: 0.5 });
  });

  it('averages over pages, leaving empty predictions out of precision', () => {
    const pages = [pageCounts('a b c d e', 'a b c d x'), pageCounts('a b c d e', ''), pageCounts('a b c d', 'a b c d')];
    // precision over pages 1 and 3: (0.5 + 1) / 2; recall over all three: (0.5 + 0 + 1) / 3.
    const s = score(pages);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
    expect(s.pages).toBe(3);
  });
});
