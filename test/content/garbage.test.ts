import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractContent } from '../../src/extract/content/index.js';

const para = '<p>Isi berita yang cukup panjang dengan kata dan di untuk pegawai daerah.</p>';
const cases: Record<string, () => string> = {
  empty: () => '',
  whitespace: () => '   \n\t ',
  binary: () => randomBytes(300_000).toString('latin1'),
  'binary as utf8': () => randomBytes(300_000).toString('utf8'),
  'nested 10k divs': () => `<html><body>${'<div>'.repeat(10_000)}${para}${'</div>'.repeat(10_000)}</body></html>`,
  'nested 10k unclosed': () => `<html><body>${'<div><span>'.repeat(10_000)}${para}`,
  'truncated tag': () => `<html><head><title>Judul</title></head><body><div class="content">${para}<p>Kedua <a href="/x`,
  'unclosed script': () => `<html><body>${para}<script>var x = "${'a'.repeat(1_000_000)}`,
  'unclosed comment': () => `<html><body>${para}<!-- ${'x'.repeat(1_000_000)}`,
  // `İ` lengthens the lower-cased copy the element stripping searches: an open `<svg` at the end once looped forever.
  'dotted capital I and an open svg': () => `<html><body>${para}<svg></scripts>\u0130</svgtext<<svg<svg><p></svg>\u0130\u0130<svg-icon>\u0130<svg><p><svg`,
  'stray angle brackets': () => '<'.repeat(2_000_000),
  'spaced angle brackets': () => '< '.repeat(1_000_000),
  'many open tags': () => '<a'.repeat(1_000_000),
  'many entities': () => '&amp;'.repeat(2_000_000),
  'broken json-ld': () => `<html><head><script type="application/ld+json">{"@graph": [${'['.repeat(50_000)}</script></head><body>${para}</body></html>`,
  '20 MB page': () => `<html><head><title>Besar</title></head><body>${'<div class="row"><p>Lorem ipsum dolor sit amet yang dan di.</p><span>x</span></div>\n'.repeat(220_000)}</body></html>`,
};

describe('extractContent on garbage', () => {
  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: returns quickly without throwing`, () => {
      const html = make();
      const started = performance.now();
      const c = extractContent(html, 'https://example.id/a');
      const ms = performance.now() - started;
      expect(typeof c.text).toBe('string');
      expect(c.url).toBe('https://example.id/a');
      expect(ms).toBeLessThan(5_000);
    });
  }

  it('gives binary input empty text', () => {
    expect(extractContent(randomBytes(10_000).toString('latin1'), null).text).toBe('');
  });

  it('still finds the text inside absurd nesting', () => {
    expect(extractContent(cases['nested 10k divs'](), null).text).toContain('Isi berita');
  });

  it('tolerates non-string input', () => {
    expect(extractContent(undefined as unknown as string, null).text).toBe('');
  });
});
