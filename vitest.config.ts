import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^bfinance-cards\/testing$/, replacement: src('testing/index.ts') },
      { find: /^bfinance-cards\/webhooks$/, replacement: src('webhooks/index.ts') },
      { find: /^bfinance-cards\/feed$/, replacement: src('feed/index.ts') },
      // What `bfinance-cards` resolves to on Node: the Node entry (undici default sender).
      { find: /^bfinance-cards$/, replacement: src('index.node.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
