/**
 * Child process of `npm run bench:pipeline`: serves the generated demo site (politeness off) so that the
 * benchmark's pipeline process does not share its event loop, CPU time or heap with the web server — as with a
 * real outlet, which is another machine.
 *
 * Protocol (IPC): starts with `BENCH_SITE_ARTICLES` / `BENCH_SITE_SEED` from the environment, sends
 * `{ type: 'ready', sources, truthUrls, traps, ms }`; on `{ type: 'close' }` replies `{ type: 'closed', requests,
 * cpuMs, maxRssMb }` and exits.
 */
import { startDemoSite } from '../../src/demo-site/index.js';

async function main(): Promise<void> {
  const articles = Number(process.env.BENCH_SITE_ARTICLES ?? 5000);
  const seed = Number(process.env.BENCH_SITE_SEED ?? 2024);
  const t0 = performance.now();
  const site = await startDemoSite({ articles, seed, politeness: false, port: 0 });
  const ms = performance.now() - t0;
  const cpu0 = process.cpuUsage();
  process.send!({
    type: 'ready',
    sources: site.sources,
    truthUrls: site.truth.map((t) => t.url),
    traps: site.traps.map((t) => ({ kind: t.kind, url: t.url })),
    ms,
  });
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type !== 'close') return;
    const cpu = process.cpuUsage(cpu0);
    const byStatus: Record<string, number> = {};
    for (const r of site.requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    void site.close().finally(() => {
      process.send!(
        {
          type: 'closed',
          requests: site.requests.length,
          byStatus,
          external: site.requests.filter((r) => r.outlet === 'external').length,
          cpuMs: (cpu.user + cpu.system) / 1000,
          maxRssMb: process.resourceUsage().maxRSS / 1024,
        },
        () => process.exit(0),
      );
    });
  });
  // The parent went away: do not linger.
  process.on('disconnect', () => process.exit(0));
}

main().catch((err: Error) => {
  process.stderr.write(`bench site: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
