import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig, resolveConfig } from '../../src/config/index.js';

describe('resolveConfig', () => {
  it('uses defaults when nothing is set', () => {
    const { config, origins } = resolveConfig();
    expect(config.db).toBe(DEFAULT_CONFIG.db);
    expect(config.politenessMs).toBe(1000);
    expect(config.redisUrl).toBeUndefined();
    expect(origins.politenessMs).toBe('default');
  });

  it('takes flags over env over file over defaults, per setting', () => {
    const { config, origins } = resolveConfig({
      flags: { maxPages: 5 },
      env: { PANTAU_MAX_PAGES: '50', PANTAU_POLITENESS_MS: '250', REDIS_URL: 'redis://127.0.0.1:7000' },
      file: { maxPages: 500, politenessMs: 2000, concurrency: 4 },
    });
    expect(config.maxPages).toBe(5);
    expect(origins.maxPages).toBe('flag');
    expect(config.politenessMs).toBe(250);
    expect(origins.politenessMs).toBe('env');
    expect(config.concurrency).toBe(4);
    expect(origins.concurrency).toBe('file');
    expect(config.redisUrl).toBe('redis://127.0.0.1:7000');
  });

  it('treats empty environment variables as unset', () => {
    const { config, origins } = resolveConfig({ env: { REDIS_URL: '', PANTAU_DB: '  ' } });
    expect(config.redisUrl).toBeUndefined();
    expect(config.db).toBe(DEFAULT_CONFIG.db);
    expect(origins.db).toBe('default');
  });

  it('names the setting, its origin and the reason of a bad value', () => {
    expect(() => resolveConfig({ env: { PANTAU_MAX_PAGES: 'many' } })).toThrow(/maxPages.*PANTAU_MAX_PAGES.*positive integer/);
    expect(() => resolveConfig({ flags: { concurrency: 0 } })).toThrow(/concurrency.*flag/);
    expect(() => resolveConfig({ env: { REDIS_URL: 'http://x:secret@host' } })).toThrow(/redis:\/\//);
    expect(() => resolveConfig({ env: { REDIS_URL: 'http://x:secret@host' } })).not.toThrow(/secret/);
    expect(() => resolveConfig({ env: { DATABASE_URL: 'mysql://db' } })).toThrow(/postgres/);
    expect(() => resolveConfig({ file: { maxPage: 3 } })).toThrow(/unknown setting/);
    expect(() => resolveConfig({ file: [1] })).toThrow(ConfigError);
  });

  it('accepts politeness 0 (off) but not negative', () => {
    expect(resolveConfig({ flags: { politenessMs: '0' } }).config.politenessMs).toBe(0);
    expect(() => resolveConfig({ flags: { politenessMs: '-5' } })).toThrow(/non-negative/);
  });
});

describe('loadConfig', () => {
  it('reads ./pantau.config.json from the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-config-'));
    writeFileSync(join(dir, 'pantau.config.json'), JSON.stringify({ queuePrefix: 'research' }));
    const loaded = loadConfig({ cwd: dir, env: {} });
    expect(loaded.config.queuePrefix).toBe('research');
    expect(loaded.file).toBe(join(dir, 'pantau.config.json'));
  });

  it('fails clearly on a missing named file or invalid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-config-'));
    expect(() => loadConfig({ cwd: dir, env: {}, configFile: 'nope.json' })).toThrow(/nope\.json.*no such file/);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(() => loadConfig({ cwd: dir, env: { PANTAU_CONFIG: 'bad.json' } })).toThrow(/bad\.json.*not valid JSON/);
  });
});
