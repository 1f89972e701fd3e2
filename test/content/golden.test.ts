import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractContent } from '../../src/extract/content/index.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'content');
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Record<string, string | null>;

// Regenerate with `npm run golden:update` and review the diff.
describe('golden content fixtures', () => {
  for (const [name, url] of Object.entries(cases)) {
    it(name, () => {
      const html = readFileSync(join(dir, `${name}.html`), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      expect(extractContent(html, url)).toEqual(expected);
    });
  }
});

describe('fixture boilerplate never reaches the text', () => {
  const noise = [
    /baca juga/i, /simak juga/i, /foto:/i, /bagikan/i, /tags?:/i, /berita terkait/i, /terpopuler/i,
    /editor:/i, /penulis:/i, /reporter:/i, /google news/i, /dapatkan update/i, /advertisement/i, /iklan/i,
    /scroll to continue/i, /jl\./i, /read also/i, /sign up/i, /most read/i,
  ];
  for (const [name, url] of Object.entries(cases)) {
    it(name, () => {
      const { text } = extractContent(readFileSync(join(dir, `${name}.html`), 'utf8'), url);
      expect(text.length).toBeGreaterThan(500);
      for (const re of noise) expect(text, `${re} in ${name}`).not.toMatch(re);
      // Menus and sidebars name other regions; none of their headlines may leak in.
      expect(text).not.toMatch(/Lebakwangi|Sumatera Utara|Tanjung Sari|Air Tenang|Kota Bumi Raya|Rupiah/);
    });
  }
});
