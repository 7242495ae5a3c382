import type { Reporter, TestModule } from 'vitest/node';
import { SEED, type SuiteStats } from './config.js';

const COLUMNS = [
  'Suite',
  'Cases',
  'Faults injected',
  'Success',
  'Definite failure',
  'Outcome unknown',
  'Duplicates (0)',
  'Lost (0)',
  'Canary hits (0)',
  'Elapsed',
] as const;

function row(s: SuiteStats): string[] {
  return [
    s.suite,
    s.cases.toLocaleString('en-US'),
    s.faults.toLocaleString('en-US'),
    s.outcomes.success.toLocaleString('en-US'),
    s.outcomes.failed.toLocaleString('en-US'),
    s.outcomes.unknown.toLocaleString('en-US'),
    String(s.duplicates),
    String(s.lost),
    String(s.canaryHits),
    `${(s.elapsedMs / 1000).toFixed(1)} s`,
  ];
}

/** Sums suites into one row. */
function total(all: SuiteStats[], elapsedMs: number): SuiteStats {
  const sum = (pick: (s: SuiteStats) => number): number => all.reduce((acc, s) => acc + pick(s), 0);
  return {
    suite: 'Total',
    cases: sum((s) => s.cases),
    faults: sum((s) => s.faults),
    outcomes: {
      success: sum((s) => s.outcomes.success),
      failed: sum((s) => s.outcomes.failed),
      unknown: sum((s) => s.outcomes.unknown),
    },
    duplicates: sum((s) => s.duplicates),
    lost: sum((s) => s.lost),
    canaryHits: sum((s) => s.canaryHits),
    elapsedMs,
  };
}

/** A Markdown table, ready to paste into an issue. */
export function summaryTable(all: SuiteStats[], elapsedMs: number, title: string): string {
  const rows = [...all.map(row), row(total(all, elapsedMs))];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    title,
    '',
    line(COLUMNS),
    line(COLUMNS.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
    '',
  ].join('\n');
}

/**
 * Prints the reliability summary after a run: the stats each suite attached to its test's
 * metadata (`report()` in config.ts), one row per suite and a total. Wall-clock elapsed is the
 * whole run; suite rows show their own time (suites run in parallel, so they do not add up).
 */
export class ReliabilitySummary implements Reporter {
  #started = Date.now();

  onInit(): void {
    this.#started = Date.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const all: SuiteStats[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const stats = test.meta().reliability;
        if (stats) all.push(stats);
      }
    }
    all.sort((a, b) => a.suite.localeCompare(b.suite));
    const full = process.env.RELIABILITY_FULL === '1' ? 'full numbers' : 'fast run';
    const title = `Reliability summary (${full}, seed ${process.env.RELIABILITY_SEED ?? SEED})`;
    process.stdout.write(`\n${summaryTable(all, Date.now() - this.#started, title)}\n`);
  }
}
