/**
 * `pantau serve` as a process: opens the configured SQLite database without Redis, answers on loopback, and exits
 * 0 on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'pantau-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pantau serve', () => {
  it('serves the API on loopback and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', join(dir, 'p.db'), '--port', '0', '--redis-url', 'redis://127.0.0.1:1'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const base = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const m = /listening on (http:\/\/[^\s/]+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    try {
      const res = await fetch(`${base}/api/commitments`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ total: 0, totalCapped: false, limit: 50, offset: 0, nextOffset: null, items: [] });
      expect((await fetch(`${base}/api/stats?measure=bribe`)).status).toBe(400);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM, closing/);
  });
});
