import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { slimHtml, estimateDepth } from '../src/extract/content/parse-document.js';
import { extractContent } from '../src/extract/content/index.js';
const dir = '/work/shared/bench/article-extraction/html/';
let maxLen = 0, maxDepth = 0, slowest = 0;
for (const f of readdirSync(dir)) {
  const h = gunzipSync(readFileSync(dir + f)).toString('utf8');
  const s = slimHtml(h);
  maxLen = Math.max(maxLen, s.length); maxDepth = Math.max(maxDepth, estimateDepth(s));
  const t = performance.now(); extractContent(h, null); slowest = Math.max(slowest, performance.now() - t);
}
console.log({ maxLen, maxDepth, slowest });
for (const d of [200, 400, 800]) {
  const html = '<html><body>' + '<div>'.repeat(d) + '<p>Isi berita yang dan di dengan untuk semua orang di sana</p>' + '</div>'.repeat(d) + '</body></html>';
  const t = performance.now(); extractContent(html, null); console.log('depth', d, Math.round(performance.now() - t));
}
for (const n of [10_000, 20_000, 40_000]) {
  const html = '<html><head><title>Besar</title></head><body>' + '<div class="row"><p>Lorem ipsum dolor sit amet yang dan di dengan untuk.</p><span>x</span></div>\n'.repeat(n) + '</body></html>';
  const t = performance.now(); extractContent(html, null); console.log('size', html.length, Math.round(performance.now() - t));
}
