import { extractContent } from '../src/extract/content/index.js';
import { randomBytes } from 'node:crypto';
const cases: Record<string, string> = {
  empty: '',
  binary: randomBytes(200_000).toString('latin1'),
  nested10k: '<html><body>' + '<div>'.repeat(10_000) + '<p>Isi berita yang dan di dengan</p>' + '</div>'.repeat(10_000) + '</body></html>',
  nested3k: '<html><body>' + '<div>'.repeat(3_000) + '<p>Isi berita yang dan di dengan untuk semua orang di sana</p>' + '</div>'.repeat(3_000) + '</body></html>',
  truncated: '<html><head><title>Judul - Situs</title></head><body><div class="content"><p>Paragraf pertama yang cukup panjang dan di dengan<p>Kedua <a href="/x',
  unclosedScript: '<html><body><p>Halo</p><script>var x = "' + 'a'.repeat(1_000_000),
  big20: '<html><head><title>Besar</title></head><body>' + '<div class="row"><p>Lorem ipsum dolor sit amet yang dan di dengan untuk.</p><span>x</span></div>\n'.repeat(230_000) + '</body></html>',
  manyLt: '<'.repeat(2_000_000),
  manyTags: '<a'.repeat(1_000_000),
  entities: '&#'.repeat(1_000_000),
};
for (const [k, v] of Object.entries(cases)) {
  const t = performance.now();
  const r = extractContent(v, 'https://example.com/a');
  console.log(k, (v.length / 1e6).toFixed(1) + 'MB', Math.round(performance.now() - t) + 'ms', r.text.length, JSON.stringify(r.text.slice(0, 60)));
}
