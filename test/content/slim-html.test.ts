import { describe, expect, it } from 'vitest';
import { stripSlimmed, stripSlimmedInPasses } from '../../src/extract/content/parse-document.js';
import { Rng } from '../../scripts/lib/prng.js';
import { generatePage } from '../../scripts/lib/generate-pages.js';

const PIECES = [
  '<script>', '</script>', '<script type="application/ld+json">', '<SCRIPT', '</SCRIPT >', '<scripts>', '</scripts>',
  '<style>', '</style>', '<style', '<svg>', '</svg>', '<svg-icon>', '<noscript>', '</noscript>', '<NoScript>', 'x', ' ',
  '>', '<', '</', '<p>', 'text', '"', "<a href='<style>'>", '\u0130', '\u212a', '</svg', '<svg', '</style', '</noscript',
];

describe('stripSlimmed', () => {
  it('removes script (JSON-LD aside), style, svg and noscript elements in one scan', () => {
    const html =
      '<head><script src="a.js"></script><script type="application/ld+json">{"a":1}</script><style>p{}</style></head>' +
      '<body><svg><path/></svg><p>Teks</p><noscript><img src="x"></noscript></body>';
    expect(stripSlimmed(html)).toBe(
      '<head> <script type="application/ld+json">{"a":1}</script> </head><body> <p>Teks</p> </body>',
    );
  });

  it('gives what the tag-by-tag passes give, on generated pages and on tag soup', () => {
    for (let i = 0; i < 30; i++) {
      const { html } = generatePage(i, 3);
      expect(stripSlimmed(html)).toBe(stripSlimmedInPasses(html));
    }
    const rng = new Rng(99);
    for (let i = 0; i < 20_000; i++) {
      let soup = '';
      const parts = 1 + rng.int(0, 24);
      for (let j = 0; j < parts; j++) soup += rng.pick(PIECES);
      expect(stripSlimmed(soup), soup).toBe(stripSlimmedInPasses(soup));
    }
  });
});
