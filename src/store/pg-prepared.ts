/**
 * Named prepared statements for PostgreSQL: a pg pool wrapper handed to Kysely's PostgresDialect. Kysely sends
 * every query as an unnamed statement, which PostgreSQL parses, analyses and plans on each execution; for our
 * short indexed reads that costs more server CPU than running them. Named (by a hash of the text), a statement
 * is parsed once per pooled connection and then only bound and executed, and after five runs PostgreSQL may keep
 * a generic plan for it as well.
 *
 * What is named, and why the rest is not:
 * - only outside explicit transactions (the connection idle, status `I` before the query). A prepared statement
 *   can fail when the table under it changed (`cached plan must not change result type`) or vanished
 *   (`prepared statement does not exist`); outside a transaction the statement is simply run again, but inside one
 *   the error would already have aborted the transaction. The API's reads run outside transactions.
 * - queries with 1..MAX_PARAMETERS parameters (node-postgres sends them with the extended protocol anyway, which
 *   takes a single statement), and parameterless `select` / `with` queries without a `;`. Everything else, DDL
 *   from migrations, `sql.raw` scripts with several statements, `begin` / `commit`, stays a simple-protocol query.
 *   Queries with many parameters (id lists of varying length) or very long text are one-offs: not named.
 * - nothing whose text mentions `search_path`, `discard` or `deallocate`; after such a query the connection's
 *   names are forgotten and deallocated before the next named one. PostgreSQL re-analyses a prepared statement
 *   when search_path changed since it was prepared (so a change not seen here is still safe: the statement is
 *   re-analysed, or fails with 0A000 and is run again), this just keeps the cache from outliving the change.
 * - at most `max` names per connection (least recently used deallocated first): the server keeps each statement's
 *   parse tree and plans in the backend's memory for the connection's lifetime, so the cache must stay bounded.
 */
import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Named statements kept per connection by default. */
export const DEFAULT_PREPARED_STATEMENTS = 256;
/** Queries with more parameters than this are not named. */
export const MAX_PARAMETERS = 100;
/** Queries longer than this (characters) are not named. */
export const MAX_TEXT_LENGTH = 20_000;

/** SQLSTATEs after which a named statement is forgotten and the query run again (outside a transaction). */
const STALE_CODES = new Set([
  '26000', // prepared statement does not exist (deallocated behind our back)
  '0A000', // cached plan must not change result type (table altered since the statement was prepared)
  '42P05', // prepared statement already exists (prepared behind our back)
]);

/** Names are short (PostgreSQL truncates at 63 bytes) and carry 80 bits of SHA-1 of the text. */
const NAME_PREFIX = 'pantau_';

const RESETS = /search_path|\bdiscard\b|\bdeallocate\b/i;
const PARAMETERLESS = /^\s*(select|with)\b/i;

/** node-postgres's per-connection record of the statements it has parsed (name -> text). Internal to pg 8. */
interface PgConnectionInternals {
  parsedStatements: Record<string, string | undefined>;
}

interface ClientInternals {
  connection?: Partial<PgConnectionInternals>;
  getTransactionStatus?: () => string | null;
}

type Query = (text: string, values: ReadonlyArray<unknown>) => Promise<PostgresQueryResult<unknown>>;

/** Wraps a pg pool so that each connection prepares and names its statements (at most `max` of them; 0: none). */
export function preparedStatementPool(pool: pg.Pool, max: number = DEFAULT_PREPARED_STATEMENTS): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = max > 0 ? new PreparingClient(client, max) : client;
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/** One pooled connection's statements: text -> name, least recently used first. */
export class PreparingClient implements PostgresPoolClient {
  readonly client: pg.PoolClient;
  readonly #max: number;
  readonly #names = new Map<string, string>();
  readonly #parsed: Record<string, string | undefined> | undefined;
  /** Names evicted or gone stale whose server-side statement may still exist. */
  #toDeallocate: string[] = [];
  /** Every statement of this connection is to be deallocated before the next named one. */
  #deallocateAll = false;

  constructor(client: pg.PoolClient, max: number) {
    this.client = client;
    this.#max = max;
    const parsed = (client as unknown as ClientInternals).connection?.parsedStatements;
    // Without pg's record of parsed statements (another pg version) nothing is named.
    this.#parsed = parsed && typeof parsed === 'object' ? parsed : undefined;
  }

  /** The names this connection currently holds prepared, least recently used first (for tests). */
  get names(): string[] {
    return [...this.#names.values()];
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query(text: string | PostgresCursor<unknown>, values?: ReadonlyArray<unknown>): unknown {
    // A cursor (Kysely's streaming) goes through as it is.
    if (typeof text !== 'string') return (this.client.query as (q: unknown) => unknown)(text);
    return this.#query(text, values ?? []);
  }

  release(): void {
    this.client.release();
  }

  async #query(text: string, values: ReadonlyArray<unknown>): Promise<PostgresQueryResult<unknown>> {
    const unnamed: Query = (t, v) => this.client.query(t, v as unknown[]) as unknown as Promise<PostgresQueryResult<unknown>>;
    if (RESETS.test(text)) {
      try {
        return await unnamed(text, values);
      } finally {
        this.#forgetAll();
      }
    }
    const name = this.#nameFor(text, values);
    if (name === undefined) return unnamed(text, values);
    await this.#deallocatePending();
    const named = () =>
      this.client.query({ name, text, values: values as unknown[] }) as unknown as Promise<PostgresQueryResult<unknown>>;
    try {
      return await named();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // Not parsed (a syntax error, a missing table): nothing is held under the name.
      if (this.#parsed![name] === undefined) this.#names.delete(text);
      if (typeof code !== 'string' || !STALE_CODES.has(code) || this.#status() !== 'I') throw err;
      // The statement changed under us: drop it here and on the server, and run the query once more, re-prepared.
      this.#names.delete(text);
      delete this.#parsed![name];
      if (code !== '26000') await this.#deallocate(name);
      const result = await named();
      this.#remember(text, name);
      return result;
    }
  }

  /** The statement's name, making room for it; undefined when it is to run unnamed. */
  #nameFor(text: string, values: ReadonlyArray<unknown>): string | undefined {
    const parsed = this.#parsed;
    if (!parsed || this.#status() !== 'I') return undefined;
    const known = this.#names.get(text);
    if (known !== undefined) {
      this.#names.delete(text);
      this.#names.set(text, known);
      return known;
    }
    if (values.length > MAX_PARAMETERS || text.length > MAX_TEXT_LENGTH) return undefined;
    if (values.length === 0 && (!PARAMETERLESS.test(text) || text.includes(';'))) return undefined;
    const name = NAME_PREFIX + createHash('sha1').update(text).digest('hex').slice(0, 20);
    // A hash collision with another statement of this connection: that one keeps the name.
    const holder = parsed[name];
    if (holder !== undefined && holder !== text) return undefined;
    this.#remember(text, name);
    return name;
  }

  /** Records `name` as the most recently used, evicting the least recently used beyond the cap. */
  #remember(text: string, name: string): void {
    this.#names.delete(text);
    while (this.#names.size >= this.#max) {
      const [oldText, oldName] = this.#names.entries().next().value as [string, string];
      this.#names.delete(oldText);
      delete this.#parsed![oldName];
      this.#toDeallocate.push(oldName);
    }
    this.#names.set(text, name);
  }

  #status(): string | null {
    const c = this.client as unknown as ClientInternals;
    return typeof c.getTransactionStatus === 'function' ? c.getTransactionStatus() : null;
  }

  #forgetAll(): void {
    // Nothing named and nothing left to deallocate: nothing of ours is on the server.
    if (this.#names.size > 0 || this.#toDeallocate.length > 0) this.#deallocateAll = true;
    if (this.#parsed) for (const name of this.#names.values()) delete this.#parsed[name];
    this.#names.clear();
    this.#toDeallocate = [];
  }

  async #deallocatePending(): Promise<void> {
    if (this.#deallocateAll) {
      this.#deallocateAll = false;
      await this.client.query('deallocate all').catch(() => {});
    }
    while (this.#toDeallocate.length > 0) await this.#deallocate(this.#toDeallocate.shift()!);
  }

  async #deallocate(name: string): Promise<void> {
    // Fails harmlessly (26000) when the statement was never prepared or is gone already.
    await this.client.query(`deallocate "${name}"`).catch(() => {});
  }
}
