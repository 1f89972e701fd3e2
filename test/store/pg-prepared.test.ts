/**
 * Named prepared statements on PostgreSQL (src/store/pg-prepared.ts), against the real server: a statement run
 * again on a connection is prepared once, the cap per connection holds, results are those of unnamed execution,
 * and tables altered (or search_path changed) between two runs, transactions, DDL and multi-statement scripts
 * still work.
 */
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvent, parseQueryFilters, queryEvents, stats } from '../../src/query/index.js';
import { migrate, openStore, saveArticleRecord, savePage } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { MAX_PARAMETERS, PreparingClient, preparedStatementPool } from '../../src/store/pg-prepared.js';
import { PG_URL, createTestDb, demoRecords, postgresAvailable } from './helpers.js';
import type { TestDb } from './helpers.js';

const pgUp = await postgresAvailable();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}

/** This connection's named statements (the query asking, its `;` keeping it unnamed, takes no place among them). */
async function preparedOn(db: AnyDb): Promise<Prepared[]> {
  const { rows } = await sql<Prepared>`select name, statement, (generic_plans + custom_plans)::int as runs
    from pg_prepared_statements where name like 'pantau\_%' and statement not like '%pg_prepared_statements%'
    order by prepare_time;`.execute(db);
  return rows;
}

/** The backend a query runs on. */
async function backend(db: AnyDb): Promise<number> {
  return (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0].pid;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!pgUp)('prepared statements on PostgreSQL', () => {
  let tdb: TestDb;
  let schema: string;
  /** One connection, default cap. */
  let store: Store;
  let db: AnyDb;

  beforeAll(async () => {
    tdb = await createTestDb('postgres');
    schema = new URL(tdb.options.databaseUrl!).searchParams.get('options')!.replace('-c search_path=', '');
    store = tdb.open();
    db = store.db as unknown as AnyDb;
    await sql`create table t (id int primary key, label text, at timestamptz, n bigint, doc jsonb)`.execute(db);
    await sql`insert into t values (1, 'one', '2024-01-02T03:04:05Z', 10, '{"a":1}'), (2, 'two', null, 20, null), (3, 'three', now(), 30, '[1,2]')`.execute(db);
  });
  afterAll(async () => {
    await tdb?.cleanup();
  });

  it('prepares a statement run twice on one connection once, by name, and reuses it', async () => {
    await db.connection().execute(async (c) => {
      const q = () => c.selectFrom('t').select(['id', 'label']).where('id', '>', 1).orderBy('id').execute();
      const first = await q();
      const mine = (await preparedOn(c)).filter((p) => p.statement.includes('"label"'));
      expect(mine).toHaveLength(1);
      expect(mine[0].runs).toBe(1);
      const second = await q();
      const again = (await preparedOn(c)).filter((p) => p.statement.includes('"label"'));
      expect(again).toEqual([{ ...mine[0], runs: 2 }]);
      expect(second).toEqual(first);
      expect(first).toEqual([
        { id: 2, label: 'two' },
        { id: 3, label: 'three' },
      ]);
    });
  });

  it('returns what unnamed execution returns, types included, past the switch to a generic plan', async () => {
    const named = tdb.open().db as unknown as AnyDb;
    const off = createStoreLike(tdb, 0);
    try {
      for (let i = 0; i < 8; i++) {
        for (const id of [0, 1, 2, 3]) {
          const q = (k: AnyDb) => k.selectFrom('t').selectAll().where('id', '>=', id).orderBy('id').execute();
          const agg = (k: AnyDb) => k.selectFrom('t').select((eb) => [eb.fn.countAll().as('c'), eb.fn.sum('n').as('s')]).where('label', 'like', `%${'o'.repeat(1 + (i % 2))}%`).execute();
          const bare = (k: AnyDb) => sql`select count(*) as c, max(at) as m from t`.execute(k);
          expect(await q(named)).toEqual(await q(off.db));
          expect(await agg(named)).toEqual(await agg(off.db));
          expect((await bare(named)).rows).toEqual((await bare(off.db)).rows);
        }
      }
      const rows = await named.selectFrom('t').selectAll().where('id', '=', 1).execute();
      expect(rows[0].at).toBeInstanceOf(Date);
      expect(rows[0].n).toBe(10);
      expect(rows[0].doc).toEqual({ a: 1 });
      expect((await preparedOn(named)).length).toBeGreaterThan(0);
      expect(await preparedOn(off.db)).toEqual([]);
    } finally {
      await off.close();
    }
  });

  it('keeps at most the cap of statements per connection, least recently used deallocated first', async () => {
    const small = createStoreLike(tdb, 3);
    try {
      await small.db.connection().execute(async (c) => {
        const q = (k: number) => c.selectFrom('t').select(sql.raw<number>(`id + ${k}`).as('v')).where('id', '=', 1).executeTakeFirstOrThrow();
        for (let k = 0; k < 5; k++) expect((await q(k)).v).toBe(1 + k);
        let held = await preparedOn(c);
        expect(held.length).toBeLessThanOrEqual(3);
        expect(held.map((p) => p.statement).some((s) => s.includes('id + 0'))).toBe(false);
        expect(held.map((p) => p.statement).some((s) => s.includes('id + 4'))).toBe(true);
        // The evicted one runs again (prepared anew), the cap still holds.
        expect((await q(0)).v).toBe(1);
        held = await preparedOn(c);
        expect(held.length).toBeLessThanOrEqual(3);
        expect(held.map((p) => p.statement).some((s) => s.includes('id + 0'))).toBe(true);
        // Used again, a statement is the most recent: not the next to go.
        await q(4);
        await q(5);
        await q(6);
        const last = (await preparedOn(c)).map((p) => p.statement);
        expect(last.some((s) => s.includes('id + 4'))).toBe(true);
        expect(last.some((s) => s.includes('id + 0'))).toBe(false);
      });
    } finally {
      await small.close();
    }
  });

  it('leaves statements with very many parameters unnamed', async () => {
    await db.connection().execute(async (c) => {
      const ids = Array.from({ length: MAX_PARAMETERS + 1 }, (_, i) => i);
      const rows = await c.selectFrom('t').select('id').where('id', 'in', ids).where('label', '!=', 'many-params').orderBy('id').execute();
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
      expect((await preparedOn(c)).filter((p) => p.statement.includes('many-params') || p.statement.includes('$101'))).toEqual([]);
    });
  });

  it('runs a statement again when its table was altered, or dropped and created anew, since it was prepared', async () => {
    await sql`create table alt (id int, label text)`.execute(db);
    await sql`insert into alt values (1, 'x')`.execute(db);
    await db.connection().execute(async (c) => {
      const pid = await backend(c);
      const q = () => c.selectFrom('alt').selectAll().where('id', '=', 1).execute();
      expect(await q()).toEqual([{ id: 1, label: 'x' }]);
      expect(await q()).toEqual([{ id: 1, label: 'x' }]);
      // Altered by another session (a migration elsewhere): the result type changes.
      await admin((a) => a.query(`alter table "${schema}".alt add column extra int default 7`));
      expect(await q()).toEqual([{ id: 1, label: 'x', extra: 7 }]);
      await admin((a) => a.query(`alter table "${schema}".alt alter column label type int using 5`));
      expect(await q()).toEqual([{ id: 1, label: 5, extra: 7 }]);
      await admin((a) => a.query(`drop table "${schema}".alt; create table "${schema}".alt (id int, other text); insert into "${schema}".alt values (1, 'new')`));
      expect(await q()).toEqual([{ id: 1, other: 'new' }]);
      // Altered on this very connection.
      await sql`alter table alt add column more text default 'm'`.execute(c);
      expect(await q()).toEqual([{ id: 1, other: 'new', more: 'm' }]);
      expect(await backend(c)).toBe(pid);
      const mine = (await preparedOn(c)).filter((p) => p.statement.includes('"alt"'));
      expect(mine).toHaveLength(1);
    });
  });

  it('prepares again a statement deallocated without its knowing', async () => {
    const pool = new pg.Pool({ connectionString: tdb.options.databaseUrl, max: 1 });
    const wrapped = preparedStatementPool(pool, 8);
    const client = (await wrapped.connect()) as PreparingClient;
    try {
      expect(client).toBeInstanceOf(PreparingClient);
      const text = 'select label from t where id = $1';
      expect((await client.query<{ label: string }>(text, [1])).rows).toEqual([{ label: 'one' }]);
      expect(client.names).toHaveLength(1);
      await client.client.query('deallocate all'); // around the wrapper
      expect((await client.query<{ label: string }>(text, [2])).rows).toEqual([{ label: 'two' }]);
      const { rows } = await client.client.query(`select count(*)::int as n from pg_prepared_statements where statement = $1`, [text]);
      expect(rows[0].n).toBe(1);
      // And the other way round: prepared on the server, forgotten by pg.
      const parsed = (client.client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
      for (const k of Object.keys(parsed)) delete parsed[k];
      expect((await client.query<{ label: string }>(text, [3])).rows).toEqual([{ label: 'three' }]);
    } finally {
      client.release();
      await wrapped.end();
    }
  });

  it('does not name statements inside transactions, and transactions work over prepared ones', async () => {
    await sql`create table tx (id int, label text)`.execute(db);
    await db.connection().execute(async (c) => {
      const q = (k: AnyDb) => k.selectFrom('tx').select(['id', 'label']).where('id', '>', 0).orderBy('id').execute();
      expect(await q(c)).toEqual([]);
      const before = await preparedOn(c);
      await c.transaction().execute(async (trx) => {
        await trx.insertInto('tx').values({ id: 1, label: 'a' }).execute();
        expect(await q(trx)).toEqual([{ id: 1, label: 'a' }]);
        await trx.insertInto('tx').values({ id: 2, label: 'b' }).execute();
      });
      await expect(
        c.transaction().execute(async (trx) => {
          await trx.insertInto('tx').values({ id: 3, label: 'c' }).execute();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // The table altered, then read in a transaction with the statement prepared before it.
      await admin((a) => a.query(`alter table "${schema}".tx alter column label type varchar(5)`));
      await c.transaction().execute(async (trx) => {
        expect(await q(trx)).toEqual([
          { id: 1, label: 'a' },
          { id: 2, label: 'b' },
        ]);
      });
      expect(await q(c)).toEqual([
        { id: 1, label: 'a' },
        { id: 2, label: 'b' },
      ]);
      const after = (await preparedOn(c)).map((p) => p.statement);
      expect(after.filter((s) => s.startsWith('insert'))).toEqual([]);
      expect(after.length).toBeLessThanOrEqual(before.length + 1);
    });
  });

  it('runs DDL and multi-statement scripts, parameterless or not, unnamed', async () => {
    await db.connection().execute(async (c) => {
      await sql.raw('create table multi (a int); insert into multi values (1), (2); create index multi_a on multi (a)').execute(c);
      await sql.raw('select 1 as x; select 2 as x').execute(c);
      await sql`do $$ begin perform 1; end $$`.execute(c);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from multi where a > ${0}`.execute(c);
      expect(rows).toEqual([{ n: 2 }]);
      const names = (await preparedOn(c)).map((p) => p.statement);
      expect(names.some((s) => s.includes(';') || /^\s*(create|insert|do)\b/i.test(s))).toBe(false);
    });
  });

  it('reads the tables of the search_path in force, however it was changed', async () => {
    const other = `${schema}_b`;
    await admin(async (a) => {
      await a.query(`create schema "${other}"`);
      await a.query(`create table "${other}".t (id int, label int, extra text)`);
      await a.query(`insert into "${other}".t values (1, 100, 'b'), (2, 200, 'b')`);
      await a.query(`create function "${schema}".go_other() returns int language plpgsql as $$ begin perform set_config('search_path', '${other}', false); return 1; end $$`);
    });
    try {
      await db.connection().execute(async (c) => {
        const q = () => c.selectFrom('t').selectAll().where('id', '<=', 2).orderBy('id').execute();
        const ours = await q();
        expect(ours.map((r) => r.label)).toEqual(['one', 'two']);
        await q();
        await sql.raw(`set search_path to "${other}"`).execute(c);
        expect(await q()).toEqual([
          { id: 1, label: 100, extra: 'b' },
          { id: 2, label: 200, extra: 'b' },
        ]);
        await sql.raw(`set search_path to "${schema}"`).execute(c);
        expect((await q()).map((r) => r.label)).toEqual(['one', 'two']);
        await q();
        // Changed where the text does not say so: PostgreSQL re-analyses the statement (or it is run again).
        await sql`select go_other()`.execute(c);
        expect((await q()).map((r) => r.label)).toEqual([100, 200]);
        await sql.raw(`set search_path to "${schema}"`).execute(c);
        expect((await q()).map((r) => r.label)).toEqual(['one', 'two']);
      });
    } finally {
      await admin((a) => a.query(`drop schema "${other}" cascade`));
    }
  });

  it('keeps the store working: migrations, saves and queries equal to unnamed execution', async () => {
    const q = await createTestDb('postgres');
    try {
      const named = q.open();
      const off = createStoreLike(q, 0);
      await migrate(named);
      for (const r of demoRecords().relevant.slice(0, 6)) {
        const id = await savePage(named, { url: r.url, sourceId: null, status: 200, body: r.body, contentType: r.contentType } as Parameters<typeof savePage>[1]);
        await saveArticleRecord(named, id, r.record);
      }
      const inputs: Record<string, unknown>[] = [{}, { limit: 2 }, { limit: 2, offset: 2 }, { measure: 'pledge' }, { since: '2020-01-01', until: '2030-01-01' }, { sort: 'region' }];
      for (let round = 0; round < 7; round++) {
        for (const input of inputs) {
          const a = await queryEvents(named, parseQueryFilters(input));
          const b = await queryEvents(off, parseQueryFilters(input));
          expect(a).toEqual(b);
          if (round === 0 && input.limit === undefined) expect(a.items.length).toBeGreaterThan(0);
          for (const item of a.items.slice(0, 2)) expect(await getEvent(named, item.id)).toEqual(await getEvent(off, item.id));
        }
        expect(await stats(named)).toEqual(await stats(off));
      }
      expect((await preparedOn(named.db as unknown as AnyDb)).length).toBeGreaterThan(0);
      await off.close();
    } finally {
      await q.cleanup();
    }
  });
});

/** A store on the test database with its own cap of prepared statements (0: none); closed by the caller. */
function createStoreLike(tdb: TestDb, preparedStatements: number): Omit<Store, 'db'> & { db: AnyDb } {
  return openStore({ ...tdb.options, preparedStatements }) as unknown as Omit<Store, 'db'> & { db: AnyDb };
}
