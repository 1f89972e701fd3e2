/**
 * Starting a worker thread on a module next to the caller: the built `.js` once compiled; from the TypeScript
 * sources (tsx, vitest) a thread that registers tsx's loader first, since loader flags do not carry over to
 * worker threads.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Starts a thread on `name` (without extension) in the directory of `base` (the caller's `import.meta.url`). */
export function startModuleThread(base: string, name: string, workerData: unknown): Worker {
  const ext = extname(fileURLToPath(base));
  const url = new URL(`./${name}${ext}`, base);
  if (ext !== '.ts') return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
