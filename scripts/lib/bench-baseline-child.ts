/**
 * Child process of `npm run bench:pipeline`: the extraction-only baseline, in a fresh process (the benchmark's
 * own heap and JIT state after the run would colour it). Loads the stored pages given, runs `extract()` on the
 * first 200 untimed (JIT, lazily built tables), then times `extract()` alone over all of them, twice, and keeps
 * the faster pass: the baseline is what extraction can do, so a pass slowed by the machine's other work must
 * not make the pipeline look better against it.
 *
 * Protocol (IPC): receives `{ type: 'run', db, ids }`, replies `{ type: 'baseline', pages, seconds, pagesPerSecond,
 * avgKb, passes }` and exits.
 */
import { extract } from '../../src/extract/index.js';
import { loadPage, openStore } from '../../src/store/index.js';

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

process.on('message', (msg: { type?: string; db: string; ids: string[] }) => {
  if (msg?.type !== 'run') return;
  void (async () => {
    const store = openStore({ sqlitePath: msg.db });
    const pages: { html: string; url: string; input: string }[] = [];
    for (const id of msg.ids) {
      const page = await loadPage(store, id);
      if (page?.html) pages.push({ html: page.html, url: page.finalUrl ?? page.url, input: page.url });
    }
    await store.close();
    const pass = (list: typeof pages) => {
      const t0 = performance.now();
      for (const p of list) extract(p.html, p.url, { input: p.input });
      return performance.now() - t0;
    };
    pass(pages.slice(0, 200));
    const passes: number[] = [];
    for (let i = 0; i < 2; i++) {
      gc();
      passes.push(pass(pages) / 1000);
    }
    const seconds = Math.min(...passes);
    const bytes = pages.reduce((n, p) => n + p.html.length, 0);
    process.send!(
      { type: 'baseline', pages: pages.length, seconds, pagesPerSecond: pages.length / seconds, avgKb: bytes / pages.length / 1024, passes },
      () => process.exit(0),
    );
  })().catch((err: Error) => {
    process.stderr.write(`bench baseline: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
