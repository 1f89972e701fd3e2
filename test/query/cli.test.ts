/** `pantau query|stats|regions|export` as a user runs them (child processes on a seeded SQLite file). */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { csvObjects } from './csv-parse.js';
import { seed } from './seed.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let db: string;

function pantau(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '' };
    execFile(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args, '--db', db], { cwd: root, env }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pantau-query-cli-'));
  db = join(dir, 'pantau.db');
  const store = openStore({ sqlitePath: db });
  await seed(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pantau query, stats, regions, export', () => {
  it('queries with filters as CSV and JSON', async () => {
    const csv = await pantau('query', '--region', 'Kendari', '--measure', 'integrity_pact', '--format', 'csv');
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    const rows = csvObjects(csv.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ region_code: '74.71', articles: '4', sites: '3', first_source_url: 'https://kendaripos.test/pakta' });
    expect(rows[0].source_urls.split('; ')).toHaveLength(4);
    const json = await pantau('query', '--province', 'Sultra', '--since', '2024-02-01', '--format', 'json');
    expect(JSON.parse(json.stdout).total).toBe(2);
    const table = await pantau('query', '--format', 'table', '--limit', '2');
    expect(table.stdout).toMatch(/6 events, 1-2 shown/);
  });

  it('exits 2 naming the option on bad input', async () => {
    for (const [args, option] of [
      [['query', '--region', 'Atlantis'], '--region'],
      [['query', '--since', '2024-13-01'], '--since'],
      [['query', '--measure', "' OR 1=1 --"], '--measure'],
      [['query', '--limit', '0'], '--limit'],
      [['query', '--format', 'xml'], '--format'],
      [['regions', '--province', 'Narnia'], '--province'],
      [['export', '--format', 'xlsx', '--out', 'x'], '--format'],
    ] as const) {
      const r = await pantau(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(option);
    }
  });

  it('prints stats, the coverage gap and exports', async () => {
    const stats = JSON.parse((await pantau('stats', '--format', 'json')).stdout);
    expect(stats).toMatchObject({ events: 6, regionsCovered: 4, regionsTotal: 514 });
    const gap = JSON.parse((await pantau('regions', '--without-commitments', '--province', 'Sultra', '--format', 'json')).stdout);
    expect(gap.map((r: { code: string }) => r.code)).not.toContain('74.71');
    expect(gap.length).toBe(16);
    const out = join(dir, 'all.ndjson');
    const exp = await pantau('export', '--format', 'ndjson', '--out', out);
    expect(exp.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(16);
  });
});
