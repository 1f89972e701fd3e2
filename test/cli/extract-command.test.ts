import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'fixtures/articles', name);

function pantau(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const server = createServer((req, res) => {
  if (req.url === '/berita/1') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>Pemkot Kendari Teken Pakta Integritas Netralitas</title></head><body><article><h1>Pemkot Kendari Teken Pakta Integritas Netralitas</h1><p>KENDARI - Pemerintah Kota Kendari menandatangani pakta integritas netralitas ASN bersama seluruh kepala OPD menjelang Pemilu 2024, Kamis (18/1/2024).</p><p>Pj Wali Kota Kendari, Asmawa Tosepu, mengatakan pegawai yang tidak netral akan dikenai sanksi.</p></article></body></html>');
  } else {
    res.writeHead(404);
    res.end('not here');
  }
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('pantau extract', () => {
  it('prints one ndjson record per input, in order, for html, html.gz, txt and URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-cli-'));
    const gz = join(dir, 'page.html.gz');
    writeFileSync(gz, gzipSync(Buffer.from('<html><body><p>Tidak ada isi penting.</p></body></html>')));
    const { code, stdout } = await pantau('extract', '--format', 'ndjson', fixture('kota-pledge.html'), gz, fixture('abbreviation-weekday.txt'), `${base}/berita/1`);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual([fixture('kota-pledge.html'), gz, fixture('abbreviation-weekday.txt'), `${base}/berita/1`]);
    expect(lines[0].commitments[0].region.code).toBe('32.75');
    expect(lines[1].relevant).toBe(false);
    expect(lines[2].commitments[0].region.code).toBe('62.02');
    expect(lines[3].url).toBe(`${base}/berita/1`);
    expect(lines[3].commitments[0].region.code).toBe('74.71');
    for (const l of lines) expect(l.extractor_version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reports unreadable inputs as {input, error} and on stderr, keeps going, and exits 1', async () => {
    const missing = join(tmpdir(), 'pantau-no-such-file.html');
    const { code, stdout, stderr } = await pantau('extract', '--format', 'ndjson', missing, fixture('kota-pledge.html'), `${base}/missing`);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ input: missing, error: expect.stringContaining(missing) });
    expect(lines[1].commitments.length).toBeGreaterThan(0);
    expect(lines[2].error).toMatch(/404/);
    expect(stderr).toContain(missing);
    expect(stderr).toContain(`${base}/missing`);
  });

  it('prints a JSON array with --format json and a table with --format table', async () => {
    const json = await pantau('extract', '--format', 'json', fixture('two-governments.html'));
    const records = JSON.parse(json.stdout);
    expect(Array.isArray(records)).toBe(true);
    expect(records[0].commitments.map((c: { region: { code: string } }) => c.region.code).sort()).toEqual(['53', '53.71']);
    const table = await pantau('extract', '--format', 'table', fixture('two-governments.html'));
    expect(table.stdout.split('\n')[0]).toMatch(/^input\s+relevant\s+score\s+region/);
    expect(table.stdout).toContain('53.71 Kota Kupang');
  });

  it('rejects an unknown format with a message naming it', async () => {
    const r = await pantau('extract', '--format', 'xml', fixture('kota-pledge.html'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--format xml');
  });
});

describe('pantau eval', () => {
  it('fails with a clear message on a folder that does not exist', async () => {
    const r = await pantau('eval', '/nonexistent/corpus');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('/nonexistent/corpus');
  });
});
