import { describe, expect, it } from 'vitest';
import { FULL, newStats, report, SEED, size } from '../reliability/config.js';
import { killAndRerun } from './kill-harness.js';

// `npm test` runs this small; `npm run test:reliability` (its config includes this file) at 1,000 rows.
const ROWS = size(1000, 24);
const TIMEOUT = FULL ? 600_000 : 120_000;

describe(`bfinance-cards bulk killed with SIGKILL three times, ${ROWS} rows, faults on every POST kind`, () => {
  for (const operation of ['issue', 'topup'] as const) {
    it(
      `${operation}: every row exactly once by the sandbox ledger; journal and results CSV agree`,
      async (context) => {
        const started = Date.now();
        const run = await killAndRerun(operation, ROWS, 3, SEED + (operation === 'issue' ? 1 : 2));
        const stats = newStats(`bulk ${operation}, SIGKILL x3`);
        stats.cases = run.rows;
        stats.faults = run.faults + run.kills;
        stats.outcomes.success = run.rows - run.notOnce.length;
        stats.duplicates = run.notOnce.length;
        stats.lost = run.disagree.length;
        stats.elapsedMs = Date.now() - started;
        report(context, stats);
        expect(run.kills).toBe(3);
        expect(run.exitCodes.at(-1)).toBe(0);
        expect(run.faults).toBeGreaterThan(0);
        expect(run.notOnce).toEqual([]);
        expect(run.disagree).toEqual([]);
      },
      TIMEOUT,
    );
  }
});
