/**
 * pantau's own Redis, for when no REDIS_URL is given: a `redis-server` (the Debian package) on a free loopback
 * port, its data under a directory (default ./data/redis) with the append-only file on, so queued jobs survive a
 * restart. Several pantau processes on the same data directory share one server: the first starts it, the
 * others find it through the pid and port files and reuse it.
 *
 * Files in the data directory: `redis.pid` (written by redis-server), `redis.port` (written once it answers),
 * `redis.log`, `redis.lock` (held while starting), and redis' own `appendonlydir/`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { EmbeddedRedisError, RedisNotInstalledError } from './errors.js';

export const DEFAULT_REDIS_DIR = './data/redis';

export interface EmbeddedRedisOptions {
  /** Where the server keeps its data, pid, port and log files (default `./data/redis`; created). */
  dataDir?: string;
  /** The server binary, a name looked up in PATH or a path (default `redis-server`). */
  binary?: string;
  /** How long to wait for a new server to answer PING, in milliseconds (default 15000). */
  startTimeoutMs?: number;
  /** How long to wait for the server to exit after SIGTERM before killing it, in milliseconds (default 10000). */
  stopTimeoutMs?: number;
}

export interface StopOptions {
  /**
   * Shut the server down even when other clients (another pantau process reusing it) are connected
   * (default false: the server is then left running for them, and the next pantau start reuses it).
   */
  force?: boolean;
}

export interface EmbeddedRedis {
  url: string;
  port: number;
  pid: number;
  /** Absolute data directory. */
  dataDir: string;
  /** Whether this process started the server; false when it reused one another pantau process runs. */
  owned: boolean;
  /**
   * Shuts the server down (SIGTERM: redis flushes the append-only file and exits) and waits for it to exit.
   * Does nothing for a reused server, nor (unless forced) while other clients stay connected.
   */
  stop(options?: StopOptions): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function files(dir: string) {
  return {
    pid: join(dir, 'redis.pid'),
    port: join(dir, 'redis.port'),
    log: join(dir, 'redis.log'),
    lock: join(dir, 'redis.lock'),
  };
}

function readInt(path: string): number | undefined {
  try {
    const n = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Reply = string | number | null;

/**
 * Sends one command over a fresh loopback socket and reads one reply (simple string, error, integer or bulk
 * string: all that PING, INFO and SHUTDOWN return). A full client would bring reconnect logic this does not want:
 * a probe must fail fast.
 */
export function redisCommand(port: number, args: string[], timeoutMs = 1000): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let buf = Buffer.alloc(0);
    const done = (err: Error | null, value?: Reply) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolvePromise(value ?? null);
    };
    const timer = setTimeout(() => done(new Error(`no reply from 127.0.0.1:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (e) => done(e));
    socket.on('connect', () => {
      socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const eol = buf.indexOf('\r\n');
      if (eol < 0) return;
      const head = buf.subarray(1, eol).toString('utf8');
      switch (buf[0]) {
        case 0x2b: // +
          return done(null, head);
        case 0x2d: // -
          return done(new Error(head));
        case 0x3a: // :
          return done(null, Number(head));
        case 0x24: {
          // $
          const len = Number(head);
          if (len < 0) return done(null, null);
          if (buf.length < eol + 2 + len) return;
          return done(null, buf.subarray(eol + 2, eol + 2 + len).toString('utf8'));
        }
        default:
          return done(new Error(`unexpected reply from 127.0.0.1:${port}: ${JSON.stringify(head)}`));
      }
    });
    socket.on('close', () => done(new Error(`127.0.0.1:${port} closed the connection`)));
  });
}

async function ping(port: number, timeoutMs = 1000): Promise<boolean> {
  try {
    return (await redisCommand(port, ['PING'], timeoutMs)) === 'PONG';
  } catch {
    return false;
  }
}

/** The server already running for this data directory: pid file and port file present, the pid alive and the
 * server on that port reporting that pid (so a recycled port or pid is not mistaken for ours). */
async function findRunning(dir: string): Promise<{ port: number; pid: number } | undefined> {
  const f = files(dir);
  const port = readInt(f.port);
  const pid = readInt(f.pid);
  if (port === undefined || pid === undefined || !alive(pid)) return undefined;
  try {
    const info = await redisCommand(port, ['INFO', 'server'], 1000);
    if (typeof info !== 'string' || !new RegExp(`^process_id:${pid}\\r?$`, 'm').test(info)) return undefined;
  } catch {
    return undefined;
  }
  return (await ping(port)) ? { port, pid } : undefined;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePromise(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Only one process starts a server for a data directory at a time; the others wait, then reuse it. A lock left
 * by a dead process (or older than the wait) is stale and taken over.
 */
async function withStartLock<T>(lock: string, waitMs: number, fn: () => Promise<T>, whileWaiting: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readInt(lock);
    let age = 0;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue;
    }
    if (holder === undefined || !alive(holder) || age > waitMs) {
      rmSync(lock, { force: true });
      continue;
    }
    const found = await whileWaiting();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new EmbeddedRedisError(`another process (pid ${holder}) is starting Redis in ${lock}; gave up waiting`);
    await sleep(100);
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

class PortTaken extends Error {}

function tail(path: string, lines = 8): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function launch(dir: string, port: number, binary: string, startTimeoutMs: number): Promise<ChildProcess> {
  const f = files(dir);
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--dir', dir,
    '--pidfile', f.pid,
    '--logfile', f.log,
    '--daemonize', 'no',
    // Every write goes to the append-only file (fsync each second, and at shutdown); no RDB snapshots.
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    // BullMQ requires that Redis never evicts its keys.
    '--maxmemory-policy', 'noeviction',
  ];
  // Its own process group: a Ctrl-C in the terminal reaches pantau, which finishes its jobs and then stops the
  // server, instead of the server dying first under the workers.
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  const exited = new Promise<Error>((resolveExit) => {
    child.once('error', (e: NodeJS.ErrnoException) =>
      resolveExit(e.code === 'ENOENT' ? new RedisNotInstalledError(binary) : new EmbeddedRedisError(`could not run ${binary}: ${e.message}`)),
    );
    child.once('exit', (code, signal) => {
      const why = [stderr.trim(), tail(f.log)].filter(Boolean).join('\n');
      if (/address already in use/i.test(why)) resolveExit(new PortTaken(String(port)));
      else resolveExit(new EmbeddedRedisError(`redis-server exited (${signal ?? `code ${code}`}) before answering on port ${port}${why ? `:\n${why}` : ''}`));
    });
  });
  const deadline = Date.now() + startTimeoutMs;
  let failure: Error | undefined;
  void exited.then((e) => (failure = e));
  while (!failure) {
    if (await ping(port, 500)) {
      writeFileSync(f.port, `${port}\n`);
      child.stderr?.destroy();
      // A forgotten stop() must not keep pantau alive; the server outlives it and the next start reuses it.
      child.unref();
      return child;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new EmbeddedRedisError(`redis-server did not answer on port ${port} within ${startTimeoutMs} ms; see ${f.log}`);
    }
    await sleep(50);
  }
  throw failure;
}

/**
 * Whether clients other than the probe stay connected (another pantau process reusing the server). Waits up to
 * `graceMs` first: this process' own connections, just closed, may not have been released by the server yet.
 */
async function othersConnected(port: number, graceMs = 1_000): Promise<boolean> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const info = await redisCommand(port, ['INFO', 'clients'], 1000).catch(() => '');
    // The probe's own connection is one of them.
    const clients = Number(/^connected_clients:(\d+)/m.exec(String(info))?.[1] ?? 1);
    if (clients <= 1) return false;
    if (Date.now() > deadline) return true;
    await sleep(100);
  }
}

/** Sends a signal, ignoring a process that is already gone (exited before Node reaped it). */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return true;
    await sleep(50);
  }
  return false;
}

/**
 * Starts pantau's Redis for a data directory, or reuses the one another pantau process already runs there.
 * Throws `RedisNotInstalledError` when the binary is missing.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions = {}): Promise<EmbeddedRedis> {
  const dir = resolve(options.dataDir ?? DEFAULT_REDIS_DIR);
  const binary = options.binary ?? 'redis-server';
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  mkdirSync(dir, { recursive: true });
  const f = files(dir);

  const reused = (r: { port: number; pid: number }): EmbeddedRedis => ({
    url: `redis://127.0.0.1:${r.port}`,
    port: r.port,
    pid: r.pid,
    dataDir: dir,
    owned: false,
    stop: async () => {},
  });

  const running = await findRunning(dir);
  if (running) return reused(running);

  return withStartLock(
    f.lock,
    startTimeoutMs + 5_000,
    async () => {
      const again = await findRunning(dir);
      if (again) return reused(again);
      rmSync(f.port, { force: true });
      let child: ChildProcess | undefined;
      let port = 0;
      for (let attempt = 1; !child; attempt++) {
        port = await freePort();
        try {
          child = await launch(dir, port, binary, startTimeoutMs);
        } catch (e) {
          // Another program took the port between our probe and redis binding it.
          if (!(e instanceof PortTaken) || attempt >= 3) throw e instanceof PortTaken ? new EmbeddedRedisError(`no free port for redis-server (last tried ${port})`) : e;
        }
      }
      const pid = child.pid as number;
      const exited = () => child.exitCode !== null || child.signalCode !== null;
      let stopping: Promise<void> | undefined;
      const stop = async ({ force = false }: StopOptions = {}): Promise<void> => {
        if (exited()) return;
        if (!force && (await othersConnected(port))) return;
        signal(pid, 'SIGTERM');
        if (!(await waitForExit(child, stopTimeoutMs))) {
          signal(pid, 'SIGKILL');
          await waitForExit(child, 2_000);
        }
        if (readInt(f.port) === port) rmSync(f.port, { force: true });
      };
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        pid,
        dataDir: dir,
        owned: true,
        stop: (opts) => (stopping ??= stop(opts).finally(() => (stopping = undefined))),
      };
    },
    async () => findRunning(dir).then((r) => (r ? reused(r) : undefined)),
  );
}

export interface ResolveRedisOptions {
  /** An existing Redis to use (REDIS_URL); when empty, pantau runs its own. */
  redisUrl?: string;
  /** Data directory of pantau's own Redis (default `./data/redis`). */
  dataDir?: string;
  /** The `redis-server` binary for pantau's own Redis (default `redis-server` from PATH). */
  binary?: string;
}

export interface ResolvedRedis {
  url: string;
  /** Whether this is pantau's own server (started here or reused) rather than REDIS_URL. */
  embedded: boolean;
  /** Whether `stop()` shuts a server down: only an embedded server this process started. */
  owned: boolean;
  /** Shuts down the embedded server this process started (see `EmbeddedRedis.stop`); otherwise does nothing. */
  stop(options?: StopOptions): Promise<void>;
}

/**
 * The Redis to use: `redisUrl` when given, else pantau's own server for `dataDir` (started, or reused when
 * another pantau process runs it).
 */
export async function resolveRedis(options: ResolveRedisOptions = {}): Promise<ResolvedRedis> {
  const url = options.redisUrl?.trim();
  if (url) return { url, embedded: false, owned: false, stop: async () => {} };
  const server = await startEmbeddedRedis({ dataDir: options.dataDir, binary: options.binary });
  return { url: server.url, embedded: true, owned: server.owned, stop: (opts) => server.stop(opts) };
}
