/**
 * Configuration from one place: command-line flags over environment variables over the config file over
 * defaults, resolved by one pure function so every command sees the same rules and a test can check them.
 */
import { defaultUserAgent } from '../input/http.js';

/** Where a setting's value came from. */
export type ConfigOrigin = 'flag' | 'env' | 'file' | 'default';

/** Everything pantau's crawl, worker and queue commands can be configured with. */
export interface PantauConfig {
  /** PostgreSQL URL (`postgres://...`); when set, records go to PostgreSQL instead of SQLite. Env `DATABASE_URL`. */
  databaseUrl?: string;
  /** SQLite database file used when `databaseUrl` is unset. Env `PANTAU_DB`. Default `./data/pantau.db`. */
  db: string;
  /** Redis for the queues. Unset: pantau starts its own redis-server with its data under `<dataDir>/redis`. Env `REDIS_URL`. */
  redisUrl?: string;
  /** Folder for local data (embedded Redis, default database). Env `PANTAU_DATA_DIR`. Default `./data`. */
  dataDir: string;
  /** Prefix of pantau's keys in Redis, so several pipelines can share one server. Env `PANTAU_QUEUE_PREFIX`. Default `pantau`. */
  queuePrefix: string;
  /** Minimum milliseconds between two requests to one host (robots.txt Crawl-delay wins when larger). Env `PANTAU_POLITENESS_MS`. Default 1000. */
  politenessMs: number;
  /** Article pages fetched per source and crawl. Env `PANTAU_MAX_PAGES`. Default 1000. */
  maxPages: number;
  /**
   * Extraction jobs run at once by one worker process. Env `PANTAU_CONCURRENCY`. Default 8: extraction is
   * synchronous, so jobs do not run in parallel within a process; having several in hand lets the worker commit
   * the records of those finishing together in one transaction (about 12% less CPU per page than 2 in
   * bench:pipeline) and keeps the next job at hand while one is being stored.
   */
  concurrency: number;
  /**
   * Threads running the extractor in each process that extracts (`pantau worker`, and `pantau crawl` for the
   * pages it extracts itself). Env `PANTAU_EXTRACT_THREADS`. Default 1: the extractor, most of a job's CPU, runs
   * beside the thread that takes jobs, stores records and (in `pantau crawl`) fetches pages, instead of stalling
   * it. 0 runs it on the main thread.
   */
  extractThreads: number;
  /** Responses larger than this many bytes are abandoned while downloading. Env `PANTAU_MAX_BODY_BYTES`. Default 10 MB. */
  maxBodyBytes: number;
  /** How long a worker holds a job before another may take it over (a crashed worker's job is retried after this). Env `PANTAU_LOCK_MS`. Default 30000. */
  lockDurationMs: number;
  /** User-Agent sent with every request. Env `PANTAU_USER_AGENT`. */
  userAgent: string;
}


export const DEFAULT_CONFIG: Readonly<PantauConfig> = Object.freeze({
  db: './data/pantau.db',
  dataDir: './data',
  queuePrefix: 'pantau',
  politenessMs: 1000,
  maxPages: 1000,
  concurrency: 8,
  extractThreads: 1,
  maxBodyBytes: 10 * 1024 * 1024,
  lockDurationMs: 30_000,
  userAgent: defaultUserAgent(),
});

type Kind = 'string' | 'url' | 'int' | 'posint' | 'redis' | 'postgres';

/** Each setting: its environment variable and how its value is checked. */
export const CONFIG_KEYS: Readonly<Record<keyof PantauConfig, { env: string; kind: Kind }>> = Object.freeze({
  databaseUrl: { env: 'DATABASE_URL', kind: 'postgres' },
  db: { env: 'PANTAU_DB', kind: 'string' },
  redisUrl: { env: 'REDIS_URL', kind: 'redis' },
  dataDir: { env: 'PANTAU_DATA_DIR', kind: 'string' },
  queuePrefix: { env: 'PANTAU_QUEUE_PREFIX', kind: 'string' },
  politenessMs: { env: 'PANTAU_POLITENESS_MS', kind: 'int' },
  maxPages: { env: 'PANTAU_MAX_PAGES', kind: 'posint' },
  concurrency: { env: 'PANTAU_CONCURRENCY', kind: 'posint' },
  extractThreads: { env: 'PANTAU_EXTRACT_THREADS', kind: 'int' },
  maxBodyBytes: { env: 'PANTAU_MAX_BODY_BYTES', kind: 'posint' },
  lockDurationMs: { env: 'PANTAU_LOCK_MS', kind: 'posint' },
  userAgent: { env: 'PANTAU_USER_AGENT', kind: 'string' },
});

/** A setting with a value pantau cannot use; the message names the setting, where it came from and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly key: string,
    readonly origin: ConfigOrigin | 'file-format',
    readonly problem: string,
  ) {
    super(`invalid setting ${key} (from ${origin === 'file-format' ? 'the config file' : originLabel(origin, key)}): ${problem}`);
  }
}

function originLabel(origin: ConfigOrigin, key: string): string {
  if (origin === 'env') return `environment variable ${CONFIG_KEYS[key as keyof PantauConfig]?.env ?? key}`;
  if (origin === 'flag') return 'command-line flag';
  if (origin === 'file') return 'the config file';
  return 'defaults';
}

export interface ConfigLayers {
  /** Parsed command-line flags (undefined = not given). */
  flags?: Partial<Record<keyof PantauConfig, unknown>>;
  /** Environment variables. Empty values count as unset. */
  env?: Record<string, string | undefined>;
  /** The config file's JSON object, already parsed. */
  file?: unknown;
}

export interface ResolvedConfig {
  config: PantauConfig;
  /** Where each setting's value came from. */
  origins: Record<keyof PantauConfig, ConfigOrigin>;
}

function check(key: keyof PantauConfig, origin: ConfigOrigin, raw: unknown): string | number {
  const kind = CONFIG_KEYS[key].kind;
  if (kind === 'int' || kind === 'posint') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < (kind === 'posint' ? 1 : 0)) {
      throw new ConfigError(key, origin, `expected ${kind === 'posint' ? 'a positive' : 'a non-negative'} integer, got ${JSON.stringify(raw)}`);
    }
    return n;
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new ConfigError(key, origin, `expected a non-empty string, got ${JSON.stringify(raw)}`);
  }
  const value = raw.trim();
  if (kind === 'redis' && !/^rediss?:\/\/[^\s]+$/i.test(value)) {
    throw new ConfigError(key, origin, `expected a redis:// or rediss:// URL, got ${JSON.stringify(redactUrl(value))}`);
  }
  if (kind === 'postgres' && !/^postgres(ql)?:\/\/[^\s]+$/i.test(value)) {
    throw new ConfigError(key, origin, `expected a postgres:// or postgresql:// URL, got ${JSON.stringify(redactUrl(value))}`);
  }
  return value;
}

/** A URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/, '$1***@');
}

/**
 * Resolves the configuration: for each setting the first of flag, environment variable, config file, default
 * that is set. Pure: it reads nothing but its arguments. Unknown keys in the file are an error (a typo would
 * otherwise silently fall back to a default).
 */
export function resolveConfig(layers: ConfigLayers = {}): ResolvedConfig {
  const flags = layers.flags ?? {};
  const env = layers.env ?? {};
  const file = layers.file ?? {};
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new ConfigError('config file', 'file-format', 'expected a JSON object of settings');
  }
  const fileValues = file as Record<string, unknown>;
  for (const key of Object.keys(fileValues)) {
    if (!(key in CONFIG_KEYS)) {
      throw new ConfigError(key, 'file-format', `unknown setting; known: ${Object.keys(CONFIG_KEYS).join(', ')}`);
    }
  }
  const config: Record<string, unknown> = {};
  const origins = {} as Record<keyof PantauConfig, ConfigOrigin>;
  for (const key of Object.keys(CONFIG_KEYS) as (keyof PantauConfig)[]) {
    const envValue = env[CONFIG_KEYS[key].env];
    const candidates: [ConfigOrigin, unknown][] = [
      ['flag', flags[key]],
      ['env', envValue === undefined || envValue.trim() === '' ? undefined : envValue],
      ['file', fileValues[key] ?? undefined],
    ];
    const found = candidates.find(([, v]) => v !== undefined && v !== null);
    if (found) {
      config[key] = check(key, found[0], found[1]);
      origins[key] = found[0];
    } else {
      const fallback = (DEFAULT_CONFIG as Partial<PantauConfig>)[key];
      if (fallback !== undefined) config[key] = fallback;
      origins[key] = 'default';
    }
  }
  return { config: config as unknown as PantauConfig, origins };
}
