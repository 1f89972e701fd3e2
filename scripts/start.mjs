#!/usr/bin/env node
// `npm start`: the first run on a fresh clone. Plain JavaScript with no dependencies, because it runs before
// `npm install`: it installs what is missing (npm packages, the build, Debian's redis-server when pantau has to
// run its own Redis), then runs `pantau demo`, which crawls the bundled loopback site through the real pipeline.
// Arguments after `npm start --` go to `pantau demo`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (text) => process.stderr.write(`pantau start: ${text}\n`);

function run(command, args, what) {
  say(what);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.error || r.status !== 0) {
    say(`failed: ${command} ${args.join(' ')}${r.error ? ` (${r.error.message})` : ` exited with ${r.status}`}`);
    process.exit(1);
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  say(`Node.js ${process.versions.node} is too old: pantau needs Node.js 20 or newer.`);
  process.exit(1);
}

// npm packages: install when missing or when package-lock.json changed since the last install.
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) {
  run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], 'installing npm packages (first run: a few minutes)');
}

// The compiled CLI: build when missing or older than the sources.
const built = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(built) || newestMtime(join(root, 'src')) > statSync(built).mtimeMs) {
  run('npm', ['run', '--silent', 'build'], 'compiling TypeScript');
}

// Redis: pantau runs its own redis-server unless REDIS_URL points at one.
if (!process.env.REDIS_URL && !onPath('redis-server')) {
  const root_ = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root_ && onPath('apt-get')) {
    run('apt-get', ['update', '-qq'], 'redis-server is missing: installing Debian package redis-server');
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], 'apt-get install redis-server');
  } else {
    say('redis-server is missing. Install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL=redis://host:6379.');
    process.exit(1);
  }
}

const r = spawnSync(process.execPath, [join(root, 'bin', 'pantau.js'), 'demo', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(r.status ?? 1);
