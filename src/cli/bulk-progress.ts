import type { BulkProgress, BulkResult } from '../bulk/index.js';

/** How often a progress line is written when stderr is not a terminal (a CI log). */
const LINE_EVERY_MS = 5_000;

/** A progress display: `update` after each row, `stop` before the summary. */
export interface ProgressView {
  update(progress: BulkProgress): void;
  stop(): void;
}

const seconds = (ms: number | undefined): string =>
  ms === undefined ? '?' : ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`;

/** One progress line, as written to a log. */
export function progressLine(p: BulkProgress): string {
  const rate = p.done < p.total ? `, ${p.perSecond.toFixed(1)} rows/s, about ${seconds(p.etaMs)} left` : '';
  return `progress: ${p.done}/${p.total} rows (applied ${p.applied}, refused ${p.refused}, unknown ${p.unknown})${rate}\n`;
}

/**
 * A bar on a terminal (cli-progress, loaded only then), otherwise one line every few seconds
 * through `err`.
 */
export async function progressView(
  terminal: (NodeJS.WritableStream & { isTTY?: boolean }) | undefined,
  err: (text: string) => void,
): Promise<ProgressView> {
  if (terminal?.isTTY === true) {
    const { SingleBar } = await import('cli-progress');
    const bar = new SingleBar({
      stream: terminal,
      format:
        '{bar} {value}/{total} rows | applied {applied} refused {refused} unknown {unknown} | {speed}/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    });
    let started = false;
    return {
      update(p) {
        const values = {
          applied: p.applied,
          refused: p.refused,
          unknown: p.unknown,
          speed: p.perSecond.toFixed(1),
        };
        if (!started) bar.start(p.total, p.done, values);
        else bar.update(p.done, values);
        started = true;
      },
      stop: () => bar.stop(),
    };
  }
  let last = Date.now();
  return {
    update(p) {
      if (Date.now() - last < LINE_EVERY_MS && p.done < p.total) return;
      last = Date.now();
      err(progressLine(p));
    },
    stop: () => undefined,
  };
}

/** The summary printed at the end: counts, then the rows not applied with their error and hint. */
export function summary(operation: string, result: BulkResult, resultsPath: string): string {
  const earlier = result.rows.filter((r) => r.fromJournal && r.outcome === 'applied').length;
  const lines = [
    `bulk ${operation}, batch ${result.batchId}: ${result.rows.length} rows`,
    `  applied  ${String(result.applied).padStart(6)}${earlier > 0 ? ` (${earlier} by earlier runs)` : ''}`,
    `  refused  ${String(result.refused).padStart(6)}`,
    `  unknown  ${String(result.unknown).padStart(6)}${result.unknown > 0 ? '  run the same command again to settle them' : ''}`,
  ];
  if (result.invalid > 0) lines.push(`  invalid  ${String(result.invalid).padStart(6)}  skipped`);
  if (result.notRun > 0) lines.push(`  not run  ${String(result.notRun).padStart(6)}  the run was stopped`);
  const open = result.rows.filter((r) => r.outcome === 'refused' || r.outcome === 'unknown');
  for (const r of open.slice(0, 20))
    lines.push(`  ${r.outcome} ${r.ref}: ${r.error ?? ''} ${r.hint ?? ''}`.trimEnd());
  if (open.length > 20) lines.push(`  … ${open.length - 20} more in the results file`);
  lines.push(`results: ${resultsPath}`, '');
  return lines.join('\n');
}
