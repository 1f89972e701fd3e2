/**
 * `pantau sources list` and `pantau sources check`: the outlet registry, and a live check of its discovery URLs.
 */
import { checkSources, type SourceCheck, type UrlCheck } from '../crawl/discovery/check.js';
import { getGazetteer } from '../extract/region/index.js';
import { defaultUserAgent } from '../input/http.js';
import { SOURCES, getSource } from '../sources/registry.js';
import type { Source } from '../types/source.js';

export interface SourcesListOptions {
  json?: boolean;
  /** The list to show (default: the registry). */
  sources?: readonly Source[];
  /** Where output goes (default: process.stdout). */
  out?: (text: string) => void;
}

export interface SourcesCheckOptions {
  /** Seconds per request (string from the command line, or a number). Default 20. */
  timeout?: string | number;
  json?: boolean;
  /** The list to check (default: the registry); ids are looked up in it. */
  sources?: readonly Source[];
  /** Spacing of requests to one host in ms (default 1000; robots Crawl-delay and crawlDelay win when larger). */
  hostIntervalMs?: number;
  /** Sources checked at once (default 4; requests to one host are never concurrent). */
  concurrency?: number;
  userAgent?: string;
  maxBytes?: number;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

const write = (text: string) => process.stdout.write(text);
const writeErr = (text: string) => process.stderr.write(text);

function regionLabel(code: string | undefined): string {
  if (!code) return '-';
  const r = getGazetteer().byCode(code);
  return r ? `${code} ${r.name}` : `${code} (unknown)`;
}

function discoveryKinds(s: Source): string {
  const counts = new Map<string, number>();
  for (const d of s.discovery) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n > 1 ? `${k}×${n}` : k)).join(', ');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join('  ').trimEnd())
    .join('\n');
}

/** `pantau sources list [--json]`. Resolves to the exit status (0). */
export function runSourcesList(opts: SourcesListOptions = {}): number {
  const out = opts.out ?? write;
  const list = opts.sources ?? SOURCES;
  if (opts.json) {
    const rows = list.map((s) => ({
      ...s,
      region_name: s.region ? (getGazetteer().byCode(s.region)?.name ?? null) : null,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const rows = [['ID', 'NAME', 'REGION', 'DISCOVERY', 'VERIFIED']];
  for (const s of list) rows.push([s.id, s.name, regionLabel(s.region), discoveryKinds(s), s.verified ? 'yes' : 'no']);
  const verified = list.filter((s) => s.verified).length;
  out(`${table(rows)}\n\n${list.length} sources, ${verified} verified\n`);
  return 0;
}

function parseTimeout(value: string | number | undefined): number {
  if (value === undefined) return 20_000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--timeout ${value}: expected a positive number of seconds`);
  return n * 1000;
}

function urlLine(c: UrlCheck, indent: string): string {
  const label = c.kind === 'robots' ? 'robots.txt' : c.kind;
  const parts: string[] = [`${indent}${label.padEnd(10)} ${c.url}`];
  const facts: string[] = [];
  if (c.status) facts.push(String(c.status));
  if (c.mediaType) facts.push(c.mediaType);
  if (c.finalUrl) facts.push(`-> ${c.finalUrl}`);
  if (c.kind === 'robots') {
    if (c.crawlDelay !== undefined) facts.push(`crawl-delay ${c.crawlDelay} s`);
    if (c.sitemaps?.length) facts.push(`${c.sitemaps.length} sitemap${c.sitemaps.length === 1 ? '' : 's'} declared`);
  } else {
    if (c.format === 'index') facts.push(`index of ${c.children} sitemaps`);
    else if (c.format) facts.push(c.format);
    if (c.articleLinks !== undefined && c.format !== 'index') {
      facts.push(`${c.articleLinks} article link${c.articleLinks === 1 ? '' : 's'}${c.found !== undefined && c.found !== c.articleLinks ? ` of ${c.found}` : ''}`);
    }
    if (c.newest) facts.push(`newest ${c.newest}`);
    if (c.next) facts.push(`next page ${c.next}`);
  }
  if (facts.length) parts.push(`  ${facts.join(', ')}`);
  parts.push(c.ok ? '  OK' : `  FAIL: ${c.reason ?? 'failed'}`);
  if (c.note) parts.push(` (${c.note})`);
  let text = parts.join('');
  if (c.sample) text += `\n${urlLine(c.sample, `${indent}  └ `)}`;
  return text;
}

function report(r: SourceCheck): string {
  const s = r.source;
  const lines = [`${s.id} — ${s.name} (${regionLabel(s.region)})${s.verified ? ' [verified]' : ''}`];
  for (const c of r.robots) lines.push(urlLine(c, '  '));
  for (const c of r.urls) lines.push(urlLine(c, '  '));
  if (r.undeclaredSitemaps.length) {
    lines.push(`  robots.txt declares sitemaps the registry does not list: ${r.undeclaredSitemaps.join(' ')}`);
  }
  const failed = r.urls.filter((u) => !u.ok);
  if (r.ok) {
    lines.push(
      s.verified
        ? `  OK: all ${r.urls.length} discovery URLs answered with article links (already verified)`
        : `  OK: all ${r.urls.length} discovery URLs answered with article links; ` +
            `set \`verified: true\` (and notes on what was seen) in the entry of "${s.id}" in src/sources/registry.ts`,
    );
  } else if (r.urls.length === 0) {
    lines.push('  FAIL: no discovery URL declared');
  } else {
    lines.push(
      `  FAIL: ${failed.length} of ${r.urls.length} discovery URLs failed ` +
        `(${failed.map((f) => `${f.kind}: ${f.reason}`).join('; ')})`,
    );
  }
  return lines.join('\n');
}

function jsonReport(r: SourceCheck) {
  return { id: r.source.id, name: r.source.name, ok: r.ok, robots: r.robots, urls: r.urls, undeclared_sitemaps: r.undeclaredSitemaps };
}

/**
 * `pantau sources check [ID...] [--timeout S] [--json]`: fetches robots.txt and every discovery URL of each
 * source (all when no id), politely, and prints a report per source as it completes (in the order given).
 * Resolves to 0 when every source passed, 1 when any failed, 2 for an unknown id or a bad option.
 */
export async function runSourcesCheck(ids: string[], opts: SourcesCheckOptions = {}): Promise<number> {
  const out = opts.out ?? write;
  const err = opts.err ?? writeErr;
  const list = opts.sources ?? SOURCES;
  let timeoutMs: number;
  let selected: Source[];
  try {
    timeoutMs = parseTimeout(opts.timeout);
    selected = ids.length ? [...new Set(ids)].map((id) => getSource(id, list)) : [...list];
  } catch (e) {
    err(`pantau sources check: ${(e as Error).message}\n`);
    return 2;
  }
  if (selected.length === 0) {
    err('pantau sources check: no source to check\n');
    return 2;
  }

  const done: Array<SourceCheck | undefined> = new Array(selected.length);
  let printed = 0;
  const flush = () => {
    while (printed < done.length && done[printed]) {
      if (!opts.json) out(`${printed ? '\n' : ''}${report(done[printed]!)}\n`);
      printed++;
    }
  };
  if (!opts.json) {
    err(`checking ${selected.length} source${selected.length === 1 ? '' : 's'} as ${opts.userAgent ?? defaultUserAgent()}, ` +
      `at most 1 request per ${((opts.hostIntervalMs ?? 1000) / 1000).toString()} s per host\n`);
  }
  const results = await checkSources(selected, {
    timeoutMs,
    hostIntervalMs: opts.hostIntervalMs ?? 1000,
    concurrency: opts.concurrency ?? 4,
    userAgent: opts.userAgent,
    maxBytes: opts.maxBytes,
    onResult: (r, i) => {
      done[i] = r;
      flush();
    },
  });
  const okCount = results.filter((r) => r.ok).length;
  const failedIds = results.filter((r) => !r.ok).map((r) => r.source.id);
  const toVerify = results.filter((r) => r.ok && !r.source.verified).map((r) => r.source.id);
  if (opts.json) {
    out(`${JSON.stringify({ ok: okCount, failed: failedIds.length, sources: results.map(jsonReport) }, null, 2)}\n`);
  } else {
    out(`\n${results.length} source${results.length === 1 ? '' : 's'} checked: ${okCount} OK, ${failedIds.length} FAIL\n`);
    if (failedIds.length) out(`failed: ${failedIds.join(' ')}\n`);
    if (toVerify.length) out(`set \`verified: true\` in src/sources/registry.ts for: ${toVerify.join(' ')}\n`);
  }
  return failedIds.length ? 1 : 0;
}
