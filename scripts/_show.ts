import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractContent } from '../src/extract/content/index.js';
const dir = '/work/shared/bench/article-extraction';
const f = readdirSync(dir + '/html').find((x) => x.startsWith(process.argv[2]))!;
const html = gunzipSync(readFileSync(dir + '/html/' + f)).toString('utf8');
if (process.argv[3]) { let i = html.indexOf(process.argv[3]); console.log(html.slice(Math.max(0, i - 1500), i + 300)); }
else console.log(extractContent(html, null).text.slice(0, 3000));
