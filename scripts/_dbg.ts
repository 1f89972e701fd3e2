import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractContent } from '../src/extract/content/index.js';
import { shingles, tokenize } from './content-metric.js';
const dir = '/work/shared/bench/article-extraction';
const truth = JSON.parse(readFileSync(dir + '/ground-truth.json', 'utf8'));
const only = process.argv[2];
const mode = process.argv[3] ?? 'fp';
for (const f of readdirSync(dir + '/html').sort()) {
  const id = f.slice(0, -8);
  if (only && only !== 'all' && !id.startsWith(only)) continue;
  const html = gunzipSync(readFileSync(dir + '/html/' + f)).toString('utf8');
  const out = extractContent(html, truth[id].url);
  const t = shingles(truth[id].articleBody);
  const tt = truth[id].articleBody;
  const paras = out.text.split('\n\n');
  const tjoined = ' ' + tokenize(tt).join(' ') + ' ';
  const pjoined = ' ' + tokenize(out.text).join(' ') + ' ';
  const lines: string[] = [];
  if (mode === 'fp') {
    for (const p of paras) {
      const tk = tokenize(p).join(' ');
      if (tk && !tjoined.includes(tk)) lines.push(`  - [${tokenize(p).length}] ${p.slice(0, 160)}`);
    }
  } else {
    const p = shingles(out.text);
    for (const tp of tt.split(/\n+/)) {
      const tk = tokenize(tp).join(' ');
      if (tk && !pjoined.includes(tk)) lines.push(`  + [${tokenize(tp).length}] ${tp.slice(0, 160)}`);
    }
  }
  if (lines.length) console.log(id.slice(0, 12), truth[id].url, '\n' + lines.join('\n'));
}
