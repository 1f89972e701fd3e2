/**
 * The adapter around `resolveConfig`: finds and reads the config file, then resolves with the process's
 * flags and environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, resolveConfig } from './resolve.js';
import type { PantauConfig, ResolvedConfig } from './resolve.js';

/** The config file read when none is named: `./pantau.config.json` if it exists. */
export const DEFAULT_CONFIG_FILE = 'pantau.config.json';

export interface LoadConfigOptions {
  /** Flag values; undefined entries are unset. */
  flags?: Partial<Record<keyof PantauConfig, unknown>>;
  /** A config file named with `--config` or `PANTAU_CONFIG`; it must exist. */
  configFile?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): ResolvedConfig & { file?: string } {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const named = options.configFile ?? (env.PANTAU_CONFIG?.trim() || undefined);
  const path = named ? resolve(cwd, named) : resolve(cwd, DEFAULT_CONFIG_FILE);
  let file: unknown;
  if (existsSync(path)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(path, 'file-format', `cannot read: ${(err as Error).message}`);
    }
    try {
      file = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(path, 'file-format', `not valid JSON: ${(err as Error).message}`);
    }
  } else if (named) {
    throw new ConfigError(path, 'file-format', 'no such file');
  }
  const resolved = resolveConfig({ flags: options.flags, env, file });
  return file === undefined ? resolved : { ...resolved, file: path };
}
