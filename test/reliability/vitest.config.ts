import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';
import { ReliabilitySummary } from './summary-reporter.js';

// `npm run test:reliability`: the reliability suites at their full sizes (RELIABILITY_FULL), with a
// summary table at the end, over the reliability and adversarial folders. `npm test` runs the same
// files at their fast sizes.
process.env.RELIABILITY_FULL = '1';

// biome-ignore lint/style/noDefaultExport: vitest loads a config file's default export.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    ...base.test,
    // The bulk kill-and-rerun run lives with the bulk tests; here it runs at 1,000 rows.
    include: ['test/reliability/**/*.test.ts', 'test/adversarial/**/*.test.ts', 'test/bulk/kill.test.ts'],
    reporters: ['default', new ReliabilitySummary()],
  },
});
