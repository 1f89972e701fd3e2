/**
 * Robustness (spec): at least 1,000 generated malformed, empty, binary, truncated, deeply nested and very large
 * (20 MB) inputs; no crash, no input over 5 s, each gets a record or an error. `extract`/`extractText` must never
 * throw, so here every input must give a well-formed record, within 5 s. The inputs are deterministic
 * (test/robustness/inputs.ts); a failure names the case.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extract, extractText } from '../../src/extract/index.js';
import { hostileCases, largeCases, type HostileCase } from './inputs.js';
import { recordProblems } from './record-shape.js';

/** The spec's bound for one input. */
const LIMIT_MS = 5000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  ms: number;
  problems: string[];
}

function run(c: HostileCase): Outcome {
  const t0 = performance.now();
  let record: unknown;
  try {
    record =
      c.kind === 'html'
        ? extract(c.content, c.url, { input: c.name })
        : extractText(c.content, { url: c.url }, { input: c.name });
  } catch (err) {
    const e = err as Error;
    return { ms: performance.now() - t0, problems: [`threw ${e?.name}: ${String(e?.message).slice(0, 200)}`] };
  }
  const ms = performance.now() - t0;
  const problems = recordProblems(record);
  if ((record as { input?: unknown }).input !== c.name) problems.push('input is not the one given');
  if (ms >= LIMIT_MS) problems.push(`took ${Math.round(ms)} ms (limit ${LIMIT_MS} ms)`);
  return { ms, problems };
}

interface Stats {
  n: number;
  totalMs: number;
  maxMs: number;
  maxName: string;
  bytes: number;
}

function report(stats: Map<string, Stats>): string {
  const rows = [...stats.entries()].map(
    ([cat, s]) =>
      `${cat.padEnd(16)} ${String(s.n).padStart(5)} ${(s.bytes / 1e6).toFixed(1).padStart(8)} MB ${Math.round(s.totalMs).toString().padStart(7)} ms total  max ${Math.round(s.maxMs).toString().padStart(5)} ms (${s.maxName})`,
  );
  return rows.join('\n');
}

function runAll(cases: Iterable<HostileCase>): { count: number; failures: string[]; stats: Map<string, Stats> } {
  const failures: string[] = [];
  const stats = new Map<string, Stats>();
  let count = 0;
  for (const c of cases) {
    count++;
    const out = run(c);
    const s = stats.get(c.category) ?? { n: 0, totalMs: 0, maxMs: 0, maxName: '', bytes: 0 };
    s.n++;
    s.totalMs += out.ms;
    s.bytes += c.content.length;
    if (out.ms > s.maxMs) {
      s.maxMs = out.ms;
      s.maxName = c.name;
    }
    stats.set(c.category, s);
    for (const p of out.problems) failures.push(`${c.name}: ${p}`);
  }
  return { count, failures, stats };
}

describe('robustness of extraction on hostile inputs', () => {
  it('warms up within the bound (lazy tables are built on first use)', () => {
    const t0 = performance.now();
    const r = extract('<html><body><p>Pj Bupati Poso menegaskan netralitas ASN.</p></body></html>', null);
    expect(recordProblems(r)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(LIMIT_MS);
  });

  it('at least 1,000 malformed, empty, binary, truncated, nested inputs: a record each, none over 5 s', () => {
    const { count, failures, stats } = runAll(hostileCases());
    console.log(`robustness: ${count} inputs\n${report(stats)}`);
    expect(count).toBeGreaterThanOrEqual(1000);
    expect(failures.slice(0, 50), `${failures.length} failures`).toEqual([]);
  }, 600_000);

  it('20 MB inputs (long article, one line without whitespace, many elements): a record each, none over 5 s', () => {
    const { count, failures, stats } = runAll(largeCases());
    console.log(`robustness (20 MB): ${count} inputs\n${report(stats)}`);
    expect(count).toBe(3);
    expect(failures).toEqual([]);
  }, 600_000);
});

const CLI = join(ROOT, 'dist', 'cli', 'main.js');

describe.skipIf(!existsSync(CLI))('robustness through the CLI (built dist/)', () => {
  it('every input, readable or not, yields exactly one ndjson line in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pantau-robust-'));
    try {
      const files: string[] = [];
      let i = 0;
      for (const c of hostileCases()) {
        // A spread of about 70 cases over every category; the small ones only, to keep the run short.
        if (i++ % 16 !== 0 || c.content.length > 2_000_000) continue;
        const ext = c.kind === 'text' ? '.txt' : files.length % 5 === 0 ? '.html.gz' : files.length % 7 === 0 ? '.bin' : '.html';
        const f = join(dir, `${files.length}-${c.category}${ext}`);
        const bytes = Buffer.from(c.content, files.length % 3 === 0 ? 'latin1' : 'utf8');
        await writeFile(f, ext === '.html.gz' ? gzipSync(bytes) : bytes);
        files.push(f);
      }
      // Unreadable inputs: missing, corrupt gzip, a directory.
      const corrupt = join(dir, 'corrupt.html.gz');
      await writeFile(corrupt, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef]));
      const folder = join(dir, 'folder.html');
      await mkdir(folder);
      files.push(join(dir, 'missing.html'), corrupt, folder);

      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          [join(ROOT, 'bin', 'pantau.js'), 'extract', '--format', 'ndjson', ...files],
          { maxBuffer: 512 * 1024 * 1024, timeout: 120_000 },
          (err, out) => {
            // Exit status 1 is expected (some inputs fail); anything else is a crash.
            if (err && (err as { code?: unknown }).code !== 1) reject(err);
            else resolve(out);
          },
        );
      });
      const lines = stdout.split('\n').filter((l) => l.length > 0);
      expect(lines).toHaveLength(files.length);
      const problems: string[] = [];
      lines.forEach((line, k) => {
        let obj: Record<string, unknown>;
        try {
          obj = JSON.parse(line) as Record<string, unknown>;
        } catch {
          problems.push(`line ${k}: not JSON`);
          return;
        }
        if (obj.input !== files[k]) problems.push(`line ${k}: input ${String(obj.input)} is not ${files[k]}`);
        if (typeof obj.error === 'string') {
          if (obj.text !== undefined) problems.push(`line ${k}: both error and record`);
        } else {
          for (const p of recordProblems(obj)) problems.push(`line ${k} (${files[k]}): ${p}`);
        }
      });
      expect(problems).toEqual([]);
      const errors = lines.map((l) => JSON.parse(l) as { input: string; error?: string }).filter((o) => o.error);
      expect(errors.map((e) => e.input).sort()).toEqual([join(dir, 'missing.html'), corrupt, folder].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
