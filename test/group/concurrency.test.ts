/**
 * Two workers saving reports of the same pledges at once must not split an event: grouping holds a per-region
 * lock (PostgreSQL) or the write lock (SQLite) while it reads and writes. Two connections in one process, and two
 * processes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, regroupAll, saveArticleRecord, savePage } from '../../src/store/index.js';
import type { Store, StoreDialect } from '../../src/store/index.js';
import type { RegionRef } from '../../src/types/record.js';
import { DIALECTS, createTestDb, postgresAvailable } from '../store/helpers.js';
import type { TestDb } from '../store/helpers.js';
import { AMBON, KAB_BIMA, KOTA_BIMA, MALTENG, record } from './fixtures.js';
import type { Report } from './fixtures.js';

const execFileAsync = promisify(execFile);
const pgUp = await postgresAvailable();

/**
 * Per region: two pledges a week apart, each reported by five outlets over three days (some without an event
 * date), and a lone report two weeks later. Expected: three events per region.
 */
function reports(region: RegionRef, tag: string): Report[] {
  const out: Report[] = [];
  for (const [pledge, start] of [
    ['a', 1],
    ['b', 8],
  ] as const) {
    for (let i = 0; i < 5; i++) {
      const day = `2023-11-${String(start + (i % 3)).padStart(2, '0')}`;
      out.push({
        url: `https://outlet-${i}.test/${tag}/${pledge}`,
        published: day,
        region,
        eventDate: i % 2 ? null : day,
        measures: i % 2 ? ['pledge'] : ['pledge', 'integrity_pact'],
      });
    }
  }
  out.push({ url: `https://outlet-9.test/${tag}/late`, published: '2023-11-25', region, eventDate: '2023-11-25', measures: ['pledge'] });
  return out;
}

const REGIONS = [MALTENG, AMBON, KAB_BIMA, KOTA_BIMA];
const ALL = REGIONS.flatMap((r, i) => reports(r, `r${i}`));

/** Events as sorted URL lists, with their member counts checked against the events table. */
async function events(store: Store): Promise<string[][]> {
  const rows = await store.db
    .selectFrom('commitments as c')
    .innerJoin('articles as a', 'a.page_id', 'c.article_id')
    .innerJoin('events as e', 'e.id', 'c.event_id')
    .select(['e.id', 'e.commitments', 'a.url'])
    .execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.id, [...(groups.get(r.id) ?? []), r.url!]);
  for (const r of rows) expect(Number(r.commitments)).toBe(groups.get(r.id)!.length);
  const total = await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  expect(Number(total.n)).toBe(groups.size);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

function expected(): string[][] {
  const out: string[][] = [];
  REGIONS.forEach((_, i) => {
    for (const p of ['a', 'b']) out.push(Array.from({ length: 5 }, (_, j) => `https://outlet-${j}.test/r${i}/${p}`).sort());
    out.push([`https://outlet-9.test/r${i}/late`]);
  });
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

describe.each(DIALECTS)('concurrent grouping on %s', (dialect: StoreDialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let tdb: TestDb;
  let store: Store;

  beforeEach(async () => {
    if (skip) return;
    tdb = await createTestDb(dialect);
    store = tdb.open();
    await migrate(store);
  });
  afterEach(async () => {
    if (skip) return;
    await tdb.cleanup();
  });

  it.skipIf(skip)('saves from two connections at once give one event per pledge', async () => {
    const other = tdb.open();
    const ids = await Promise.all(
      ALL.map((r) => savePage(store, { url: r.url, status: 200, body: `<html>${r.url}</html>`, contentType: 'text/html' })),
    );
    // Interleaved across the two connections, all in flight together.
    await Promise.all(ALL.map((r, i) => saveArticleRecord(i % 2 ? other : store, ids[i], record(r))));
    expect(await events(store)).toEqual(expected());
    // And the same again, re-saved concurrently in reverse: still the same events.
    const before = await store.db.selectFrom('events').select(['id', 'updated_at']).orderBy('id').execute();
    await Promise.all([...ALL].reverse().map((r, i) => saveArticleRecord(i % 2 ? store : other, ids[ALL.length - 1 - i], record(r))));
    expect(await store.db.selectFrom('events').select(['id', 'updated_at']).orderBy('id').execute()).toEqual(before);
    // A rebuild agrees, keeping every id.
    expect(await regroupAll(store)).toMatchObject({ created: 0, merged: 0, dissolved: 0, events: expected().length });
    expect((await store.db.selectFrom('events').select('id').orderBy('id').execute()).map((e) => e.id)).toEqual(before.map((e) => e.id));
  });

  it.skipIf(skip)('saves from two processes at once give one event per pledge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-group-job-'));
    try {
      const child = fileURLToPath(new URL('./concurrent-group-child.ts', import.meta.url));
      const startAt = Date.now() + 2500;
      const runs = [0, 1].map((k) => {
        const file = join(dir, `job-${k}.json`);
        // Each child takes every other report, in opposite orders, so reports of one pledge race.
        const mine = ALL.filter((_, i) => i % 2 === k).map((r) => record(r));
        writeFileSync(file, JSON.stringify({ options: tdb.options, articles: k ? mine.reverse() : mine, startAt }));
        return execFileAsync(process.execPath, ['--import', 'tsx', child, file], { timeout: 60_000 });
      });
      await Promise.all(runs);
      expect(await events(store)).toEqual(expected());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
