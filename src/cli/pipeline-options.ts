/**
 * The options every pipeline command shares (database, Redis, data folder, queue prefix, config file), turned
 * into a resolved configuration: flags over environment over config file over defaults.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config/index.js';
import type { PantauConfig, ResolvedConfig } from '../config/index.js';

/** Adds the shared options to a command. */
export function withPipelineOptions(command: Command): Command {
  return command
    .option('--config <file>', 'config file (JSON); default ./pantau.config.json when it exists, or $PANTAU_CONFIG')
    .option('--db <file>', 'SQLite database file [$PANTAU_DB, default ./data/pantau.db]')
    .option('--database-url <url>', 'PostgreSQL URL; used instead of SQLite [$DATABASE_URL]')
    .option('--redis-url <url>', 'Redis for the queues; default: pantau runs its own redis-server [$REDIS_URL]')
    .option('--data-dir <dir>', 'folder for local data (embedded Redis, default database) [$PANTAU_DATA_DIR, default ./data]')
    .option('--queue-prefix <prefix>', 'prefix of pantau\'s keys in Redis [$PANTAU_QUEUE_PREFIX, default pantau]');
}

/** Command-line values (strings as commander gives them) for the config keys they set. */
export function configFlags(opts: Record<string, unknown>): Partial<Record<keyof PantauConfig, unknown>> {
  const flags: Partial<Record<keyof PantauConfig, unknown>> = {
    db: opts.db,
    databaseUrl: opts.databaseUrl,
    redisUrl: opts.redisUrl,
    dataDir: opts.dataDir,
    queuePrefix: opts.queuePrefix,
    politenessMs: opts.politeness,
    maxPages: opts.maxPages,
    concurrency: opts.concurrency,
    extractThreads: opts.threads,
    lockDurationMs: opts.lockMs,
  };
  for (const key of Object.keys(flags) as (keyof PantauConfig)[]) if (flags[key] === undefined) delete flags[key];
  return flags;
}

export function resolveCommandConfig(opts: Record<string, unknown>, overrides: Partial<Record<keyof PantauConfig, unknown>> = {}): ResolvedConfig {
  return loadConfig({ flags: { ...configFlags(opts), ...overrides }, configFile: opts.config as string | undefined });
}
