/**
 * What a crawl run prints when it ends: per-source crawl outcome, extraction, and what the store now holds
 * (articles, relevant ones, commitments by province and by measure).
 */
import type { CrawlRunResult, CrawlRunStatus } from '../pipeline/index.js';
import type { ProgressBoard } from './progress.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Draws a run's state on the progress board: one bar per source, one for extraction. */
export function showRunProgress(board: ProgressBoard, status: CrawlRunStatus, extracting: boolean): void {
  for (const s of status.sources) {
    const done = s.saved + s.failed;
    const total = Math.max(done, s.queued);
    const detail = [
      s.state === 'waiting' ? 'waiting' : s.state === 'failed' ? `FAILED: ${s.error ?? ''}` : undefined,
      s.failed ? `${s.failed} failed` : undefined,
      s.skipped ? `${s.skipped} skipped` : undefined,
      s.state === 'completed' ? 'done' : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    board.update(`crawl ${s.sourceId}`, { done, total, detail });
  }
  if (extracting) {
    const e = status.extraction;
    board.update('extract', {
      done: e.done + e.failed,
      total: e.total,
      detail: e.failed ? `${e.failed} failed` : undefined,
    });
  }
}

export function formatRunSummary(r: CrawlRunResult): string {
  const lines: string[] = [];
  const c = r.counts;
  lines.push(`Crawl ${r.runId}${r.aborted ? ' (stopped early)' : ''} in ${seconds(r.elapsedMs)}`);
  lines.push('');
  const width = Math.max(6, ...r.sources.map((s) => s.sourceId.length));
  lines.push(`${'source'.padEnd(width)}  discovered  fetched  stored  skipped  failed  state`);
  for (const s of r.sources) {
    lines.push(
      `${s.sourceId.padEnd(width)}  ${String(s.discovered).padStart(10)}  ${String(s.fetched).padStart(7)}  ${String(s.saved).padStart(6)}  ${String(s.skipped).padStart(7)}  ${String(s.failed).padStart(6)}  ${s.state}${s.error ? `: ${s.error}` : ''}`,
    );
  }
  const failures = r.sources.flatMap((s) => s.failures.map((f) => `  ${s.sourceId}  ${f}`));
  if (failures.length > 0) {
    lines.push('', 'Pages not stored (retried where it made sense):', ...failures.slice(0, 30));
    if (failures.length > 30) lines.push(`  ... and ${failures.length - 30} more`);
  }
  const e = r.extraction;
  lines.push('');
  if (r.extractedHere) {
    lines.push(`Extraction: ${e.done} extracted, ${e.failed} failed, ${e.pending} pending (of ${e.total} pages stored by this run)`);
  } else {
    lines.push(`Extraction: ${e.pending} pages queued for \`pantau worker\` (${e.done} already extracted)`);
  }
  if (r.requeued > 0) lines.push(`Queued again: ${r.requeued} pages stored earlier but never extracted`);
  lines.push('');
  lines.push(`Database: ${c.articles} articles, ${c.relevant} relevant, ${c.commitments} commitments`);
  if (c.byProvince.length > 0) {
    lines.push('', 'Commitments by province:');
    for (const p of c.byProvince) lines.push(`  ${String(p.commitments).padStart(4)}  ${p.code}  ${p.name}`);
  }
  if (c.byMeasure.length > 0) {
    lines.push('', 'Commitments by measure:');
    for (const m of c.byMeasure) lines.push(`  ${String(m.commitments).padStart(4)}  ${m.type}`);
  }
  return `${lines.join('\n')}\n`;
}
