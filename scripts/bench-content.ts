/**
 * Article-body extraction benchmark: scores extractContent (and, with --readability, plain
 * Readability text) against ../shared/bench/article-extraction with the benchmark's shingle metric.
 *
 * Usage: npm run bench:content -- [--dir DIR] [--readability] [--worst N] [--only ID]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { extractContent } from '../src/extract/content/index.js';
import { parseHTML } from 'linkedom';
import { pageCounts, score, type PageCounts } from './content-metric.js';

interface Truth {
  articleBody: string;
  url: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(arg('--dir') ?? join(repo, '..', 'shared', 'bench', 'article-extraction'));
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
const only = arg('--only');
const worst = Number(arg('--worst') ?? 0);

const pages = readdirSync(join(dir, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.slice(0, -'.html.gz'.length))
  .filter((id) => id in truth && (!only || id.startsWith(only)))
  .sort()
  .map((id) => ({ id, html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8') }));

function run(label: string, extract: (html: string, url: string) => string): void {
  const counts: Array<PageCounts & { id: string }> = [];
  const started = performance.now();
  const outputs = new Map<string, string>();
  for (const { id, html } of pages) outputs.set(id, extract(html, truth[id].url));
  const seconds = (performance.now() - started) / 1000;
  for (const { id } of pages) counts.push({ id, ...pageCounts(truth[id].articleBody, outputs.get(id) ?? '') });
  const s = score(counts);
  console.log(
    `${label.padEnd(12)} P=${s.precision.toFixed(4)} R=${s.recall.toFixed(4)} F1=${s.f1.toFixed(4)} ` +
      `pages=${s.pages} ${(pages.length / seconds).toFixed(1)} pages/s`,
  );
  if (worst > 0) {
    const ranked = counts
      .map((c) => ({ id: c.id, p: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1, r: c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1 }))
      .sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r))
      .slice(0, worst);
    for (const w of ranked) console.log(`  ${w.id.slice(0, 12)} P=${w.p.toFixed(3)} R=${w.r.toFixed(3)} ${truth[w.id].url}`);
  }
}

run('pantau', (html, url) => extractContent(html, url).text);

if (process.argv.includes('--readability')) {
  // Plain Readability.js on a plain linkedom document (plus the <base> it needs), as in the published table.
  run('readability', (html, url) => {
    try {
      const { document } = parseHTML(html);
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head?.prepend(base);
      return new Readability(document as never).parse()?.textContent ?? '';
    } catch {
      return '';
    }
  });
}
