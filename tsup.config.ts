import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The Node build swaps the portable fetch sender for the undici one. Doing it at build time keeps
 * one source tree and guarantees the edge build never references undici.
 */
const nodeSender: Plugin = {
  name: 'node-default-sender',
  setup(build) {
    build.onResolve({ filter: /\/default-sender\.js$/ }, () => ({
      path: fileURLToPath(new URL('./src/core/http/default-sender.node.ts', import.meta.url)),
    }));
  },
};

const shared = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  target: 'node20',
  sourcemap: false,
  treeshake: true,
  splitting: false,
  minifySyntax: true,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', 'sandbox-cli': 'src/testing/cli.ts' },
    outDir: 'dist/node',
    platform: 'node',
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
    clean: true,
    esbuildPlugins: [nodeSender],
  },
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    outDir: 'dist/edge',
    platform: 'neutral',
    dts: false,
    clean: true,
  },
]);
