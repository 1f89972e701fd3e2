export {
  resolveConfig,
  redactUrl,
  ConfigError,
  CONFIG_KEYS,
  DEFAULT_CONFIG,
  type PantauConfig,
  type ConfigOrigin,
  type ConfigLayers,
  type ResolvedConfig,
} from './resolve.js';
export { loadConfig, DEFAULT_CONFIG_FILE, type LoadConfigOptions } from './load.js';
