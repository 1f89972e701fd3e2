/**
 * `npm run bench:query [-- --events N --runs R --sqlite FILE --pg URL --no-pg]`: generates N (default 1,000,000)
 * events, one commitment, article, page and evidence quote each, straight into a SQLite file and a PostgreSQL schema
 * (set-based INSERT ... SELECT, not through the extractor), then times the common filtered queries of the query
 * layer (region; province + measure; a 30-day range; text; region + dates; then a few others for comparison) R times
 * each (varying the values) and prints p50 / p95. Totals are counted as the API counts them (up to 1,000), or every
 * match with --exact; --only S runs the queries whose label contains S.
 * The SQLite file is kept between runs (regenerated when the count differs); PostgreSQL uses the schema
 * `pantau_bench_query` of BENCH_DATABASE_URL / TEST_DATABASE_URL / postgres://postgres@127.0.0.1:5432/test, dropped
 * at the end unless --keep.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { getGazetteer } from '../src/extract/region/index.js';
import { parseQueryFilters, queryEvents } from '../src/query/index.js';
import { migrate, openStore, rebuildEventSearch } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';
import { MEASURES } from '../src/types/record.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '100' },
    sqlite: { type: 'string', default: join(tmpdir(), 'pantau-bench-query', 'bench.db') },
    pg: { type: 'string', default: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' },
    'no-pg': { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
    /** Keep the PostgreSQL schema for the next run (default: dropped, so it does not linger in a test database). */
    keep: { type: 'boolean', default: false },
    /** Count every match (`queryEvents(..., { exactTotal: true })`, as `pantau query` does) instead of up to 10,000. */
    exact: { type: 'boolean', default: false },
    /** Only the queries whose label contains this. */
    only: { type: 'string' },
  },
});
const N = Number(args.events);
const RUNS = Number(args.runs);
const SCHEMA = 'pantau_bench_query';
const options = { exactTotal: args.exact };

const FIRST = ['Asmawa', 'Budi', 'Citra', 'Dedi', 'Eka', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lukman', 'Made', 'Nur', 'Oki', 'Putu', 'Rahmat', 'Sri', 'Teguh', 'Umar', 'Vina', 'Wayan', 'Yusuf', 'Zainal', 'Agus', 'Bambang', 'Dewi', 'Endang', 'Faisal', 'Hasan', 'Irwan', 'Joni', 'Kadek', 'Lina', 'Mulyadi', 'Nyoman', 'Ratna'];
const LAST = ['Tosepu', 'Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Pratama', 'Nugroho', 'Siregar', 'Nasution', 'Lubis', 'Harahap', 'Sinaga', 'Simanjuntak', 'Salampessy', 'Latuconsina', 'Pattimura', 'Rumbiak', 'Wonda', 'Tabuni', 'Kogoya', 'Manurung', 'Gultom', 'Purba', 'Ginting', 'Tarigan', 'Sembiring', 'Daulay', 'Rangkuti', 'Pohan', 'Batubara', 'Matondang', 'Hutapea', 'Tambunan', 'Situmorang', 'Panjaitan', 'Marpaung', 'Sitompul', 'Pardede', 'Siahaan', 'Tampubolon', 'Rajagukguk'];

async function count(store: Store): Promise<number> {
  try {
    const r = await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  } catch {
    return -1;
  }
}

/** Fills the store with N generated events (and their commitment, article, page and evidence). */
async function generate(store: Store): Promise<void> {
  const db = store.db;
  const pgsql = store.dialect === 'postgres';
  const regions = getGazetteer().all();
  await sql`drop table if exists bench_regions`.execute(db);
  await sql`drop table if exists bench_names`.execute(db);
  await sql`create table bench_regions (i integer primary key, code text, name text, level text, pcode text, pname text)`.execute(db);
  await sql`create table bench_names (i integer primary key, name text)`.execute(db);
  for (let i = 0; i < regions.length; i += 100) {
    const rows = regions.slice(i, i + 100).map((r, j) => ({ i: i + j, code: r.code, name: r.name, level: r.level, pcode: r.province.code, pname: r.province.name }));
    await db.insertInto('bench_regions' as never).values(rows as never).execute();
  }
  const names = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
  for (let i = 0; i < names.length; i += 200) {
    await db.insertInto('bench_names' as never).values(names.slice(i, i + 200).map((name, j) => ({ i: i + j, name })) as never).execute();
  }
  const R = regions.length;
  const NN = names.length;
  const series = pgsql ? sql`select g::bigint as n from generate_series(1, ${sql.lit(N)}) g` : sql`select value as n from (with recursive s(value) as (select 1 union all select value + 1 from s where value < ${sql.lit(N)}) select value from s)`;
  const hex = pgsql ? sql`lpad(to_hex(n), 16, '0')` : sql`printf('%016x', n)`;
  const day = (offset: string) =>
    pgsql ? sql.raw(`to_char(date '2023-01-01' + ((n * 7919) % 730)::int${offset}, 'YYYY-MM-DD')`) : sql.raw(`date('2023-01-01', '+' || (((n * 7919) % 730)${offset}) || ' days')`);
  const measure = (k: number) => `(case (n + ${k}) % 9 ${MEASURES.map((m, i) => `when ${i} then '${m}'`).join(' ')} end)`;
  // The bit of MEASURES.indexOf(measure(k)), as the grouping writes `measures_mask`.
  const bit = (k: number) => (pgsql ? `(1 << ((n + ${k}) % 9)::int)` : `(1 << ((n + ${k}) % 9))`);
  const now = new Date().toISOString();
  const gen = sql`with g as (${series}) select n, r.code, r.name, r.level, r.pcode, r.pname, nm.name as official from g
    join bench_regions r on r.i = n % ${sql.lit(R)} join bench_names nm on nm.i = (n * 31) % ${sql.lit(NN)}`;
  const t0 = Date.now();
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t = Date.now();
    await q.execute(db);
    console.log(`  ${store.dialect}: ${label} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await step('pages', sql`insert into pages (id, url, status, fetched_at, headers, extract_state, attempts)
    select 'p' || ${hex}, 'https://site' || (n % 97) || '.test/berita/' || n, 200, ${now}, '{}', 'done', 1 from (${series}) g`);
  await step('articles', sql`insert into articles (page_id, input, url, title, site, published_at, language, text, relevant, relevance, extractor_version, extracted_at)
    select 'p' || ${hex}, 'x', 'https://site' || (n % 97) || '.test/berita/' || n, 'Netralitas ASN ' || name || ': ' || official || ' hadir', 'site' || (n % 97) || '.test', ${day(' + 1')}, 'id', '', 1, 0.9, 'bench', ${now} from (${gen}) g`);
  await step('events', sql`insert into events (id, region_code, region_name, region_level, province_code, province_name, event_date, date_min, date_max, first_published, last_published, commitments, articles, sites, measures, measures_mask, circulars, officials, seq, created_at, updated_at)
    select 'ev_' || ${hex}, code, name, level, pcode, pname, ${day('')}, ${day('')}, ${day('')}, ${day(' + 1')}, ${day(' + 1')}, 1, 1, 1,
      case when n % 3 = 0 then '["' || ${sql.raw(measure(0))} || '","' || ${sql.raw(measure(4))} || '"]' else '["' || ${sql.raw(measure(0))} || '"]' end,
      ${sql.raw(bit(0))} | (case when n % 3 = 0 then ${sql.raw(bit(4))} else 0 end), '[]', '["' || official || '"]', n, ${now}, ${now} from (${gen}) g`);
  await step('event_measures', sql`insert into event_measures (event_id, measure, region_code, province_code, event_date)
    select 'ev_' || ${hex}, ${sql.raw(measure(0))}, code, pcode, ${day('')} from (${gen}) g
    union all select 'ev_' || ${hex}, ${sql.raw(measure(4))}, code, pcode, ${day('')} from (${gen}) g where n % 3 = 0`);
  await step('commitments', sql`insert into commitments (id, article_id, ordinal, region_code, region_name, region_level, province_code, province_name, event_date, event_id)
    select 'c' || ${hex}, 'p' || ${hex}, 0, code, name, level, pcode, pname, ${day('')}, 'ev_' || ${hex} from (${gen}) g`);
  await step('evidence', sql`insert into evidence (id, article_id, owner_kind, owner_id, field, start, "end", quote)
    select 'x' || ${hex}, 'p' || ${hex}, 'measure', 'm' || ${hex}, 'text', 0, 40, 'Pemerintah ' || name || ' menandatangani pakta integritas bersama ' || official from (${gen}) g`);
  // Written around the store, so its search table and the events' sources (migrations 0007, 0010) are filled from
  // the rows, as the store keeps them.
  const t = Date.now();
  await rebuildEventSearch(store);
  console.log(`  ${store.dialect}: event_search, events.sources ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await step('analyze', pgsql ? sql`vacuum analyze` : sql`analyze`);
  console.log(`  ${store.dialect}: ${N} events generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function bench(store: Store): Promise<void> {
  const g = getGazetteer();
  const regs = g.all().filter((r) => r.level !== 'province');
  const provs = g.provinces();
  const names = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
  const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
  const dates = (i: number) => {
    const d = new Date(Date.UTC(2023, 0, 1 + ((i * 37) % 700)));
    const e = new Date(d.getTime() + 29 * 86400_000);
    return { since: d.toISOString().slice(0, 10), until: e.toISOString().slice(0, 10) };
  };
  const cases: [string, (i: number) => Record<string, unknown>][] = [
    ['region', (i) => ({ region: pick(regs, i).code })],
    ['province + measure', (i) => ({ province: pick(provs, i).code, measure: MEASURES[i % 9] })],
    ['date range (30 days)', dates],
    ['text (official name)', (i) => ({ text: pick(names, i) })],
    ['region + date range', (i) => ({ region: pick(regs, i).code, since: '2023-06-01', until: '2023-12-31' })],
    // Less common shapes, for comparison.
    ['no filter', () => ({})],
    ['province', (i) => ({ province: pick(provs, i).code })],
    ['2 measures + dates', (i) => ({ measure: [MEASURES[i % 9], MEASURES[(i + 4) % 9]], since: '2024-01-01', until: '2024-03-31' })],
    ['text + province', (i) => ({ text: pick(names, i), province: pick(provs, i).code })],
    ['region, oldest first', (i) => ({ region: pick(regs, i).code, sort: '-date' })],
    ['date range, page 20', (i) => ({ ...dates(i), offset: 950 })],
  ];
  for (const [label, make] of cases) {
    if (args.only && !label.includes(args.only)) continue;
    for (let i = 0; i < 5; i++) await queryEvents(store, parseQueryFilters(make(i + 1000)), options); // warm-up
    const times: number[] = [];
    let total = 0;
    let capped = 0;
    for (let i = 0; i < RUNS; i++) {
      const filters = parseQueryFilters(make(i));
      const t = performance.now();
      const page = await queryEvents(store, filters, options);
      times.push(performance.now() - t);
      total += page.total;
      if (page.totalCapped) capped++;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${store.dialect.padEnd(8)} ${label.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  (avg total ${Math.round(total / RUNS)}${capped ? `, capped in ${capped} of ${RUNS}` : ''})`,
    );
  }
}

async function run(store: Store): Promise<void> {
  await migrate(store);
  if ((await count(store)) !== N) {
    console.log(`${store.dialect}: generating ${N} events...`);
    for (const t of ['event_search', 'evidence', 'measures', 'officials', 'circulars', 'commitments', 'event_measures', 'event_circulars', 'event_officials', 'event_members', 'event_aliases', 'persons', 'events', 'articles', 'pages'] as const) {
      await store.db.deleteFrom(t).execute();
    }
    await generate(store);
  }
  await bench(store);
}

if (!args['no-sqlite']) {
  mkdirSync(join(args.sqlite, '..'), { recursive: true });
  const store = openStore({ sqlitePath: args.sqlite, busyTimeoutMs: 600_000 });
  try {
    await run(store);
  } finally {
    await store.close();
  }
}
if (!args['no-pg']) {
  const admin = new pg.Client({ connectionString: args.pg });
  await admin.connect();
  await admin.query(`create schema if not exists ${SCHEMA}`);
  await admin.end();
  const u = new URL(args.pg);
  u.searchParams.set('options', `-c search_path=${SCHEMA}`);
  const store = openStore({ databaseUrl: u.toString(), poolSize: 4 });
  try {
    await run(store);
  } finally {
    await store.close();
    if (!args.keep) {
      const c = new pg.Client({ connectionString: args.pg });
      await c.connect();
      await c.query(`drop schema if exists ${SCHEMA} cascade`);
      await c.end();
    }
  }
}
