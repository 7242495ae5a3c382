import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^bfinance-cards\/testing$/, replacement: src('testing/index.ts') },
      {
        find: /^bfinance-cards\/(cards|customers|pins|funds|status|disputes|bulk|webhooks|feed)$/,
        replacement: src('entries/$1.ts'),
      },
      { find: /^bfinance-cards$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
