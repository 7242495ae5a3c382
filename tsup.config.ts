import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PartialMessage, Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The undici sender loads `./undici-request.node.mjs` (undici's request path alone) on its first
 * request. From source that file runs as is; the Node build bundles the same file into one
 * CommonJS chunk, `dist/undici/request.cjs` (the last config below), and aims the sender's import
 * at that copy. This maps one import specifier to the built form of the same module, so source and
 * dist run the same code; it is not a module replacement. The chunk stays a separate file so
 * importing the SDK never parses it (cold start, bench/README.md). Both formats load the one
 * chunk with `require()` (the ESM build through `createRequire`, which, unlike `import()` of
 * CommonJS, does not scan the file for exports), so the package ships undici once.
 */
const FORMAT_MARK = '__BFC_OUTPUT_FORMAT__';
const undiciRequestChunk: Plugin = {
  name: 'undici-request-chunk',
  setup(build) {
    // tsup runs esbuild in ESM for both formats (rollup makes the CJS); esbuildOptions marks which.
    const cjs = build.initialOptions.define?.[FORMAT_MARK] === '"cjs"';
    build.onResolve({ filter: /^\.\/undici-request\.node\.mjs$/ }, () =>
      cjs
        ? { path: '../undici/request.cjs', external: true }
        : { path: 'request', namespace: 'undici-chunk' },
    );
    build.onLoad({ filter: /.*/, namespace: 'undici-chunk' }, () => ({
      contents: `import { createRequire } from 'node:module';\nexport const request = createRequire(import.meta.url)('../undici/request.cjs').request;\n`,
      loader: 'js',
    }));
  },
};

const SRC = fileURLToPath(new URL('./src/', import.meta.url));
const TESTING_SRC = `${SRC}testing/`;

/**
 * The testing entry imports the SDK as `bfinance-cards` (tsconfig `paths` and the vitest alias map
 * it to src/index.node.ts from source), kept external here, so a test's `instanceof` sees the
 * classes of the one main entry. This check fails the build when a main-package module that
 * declares a class is bundled into a testing output anyway (e.g. through a relative import):
 * that would be a second copy whose `instanceof` fails. Class-free helpers (luhn) may be copied.
 */
const testingUsesMainEntry: Plugin = {
  name: 'testing-uses-main-entry',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      const errors: PartialMessage[] = [];
      for (const [out, meta] of Object.entries(result.metafile?.outputs ?? {})) {
        if (!/(testing|sandbox-cli)\.[cm]?js$/.test(out)) continue;
        const copies = Object.keys(meta.inputs)
          .map((input) => fileURLToPath(new URL(input, `file://${process.cwd()}/`)))
          .filter((file) => file.startsWith(SRC) && !file.startsWith(TESTING_SRC))
          .filter((file) => /^\s*(export\s+)?(abstract\s+)?class\s/m.test(readFileSync(file, 'utf8')));
        if (copies.length > 0) {
          const names = copies.map((file) => file.slice(SRC.length)).join(', ');
          errors.push({
            text: `${out} bundles its own copy of ${names}: import it from 'bfinance-cards' in src/testing`,
          });
        }
      }
      return { errors };
    });
  },
};

/**
 * Leaves out the parts of undici the SDK's request path can never reach, so they are neither
 * shipped nor parsed: HTTP/2 (undici only negotiates it with `allowH2`, which the SDK's default
 * agent never sets) and fetch's body extraction (only for FormData bodies; the SDK sends strings).
 * A caller's own `dispatcher` comes from their undici and is unaffected.
 */
const undiciUnreachable: Plugin = {
  name: 'undici-unreachable',
  setup(build) {
    build.onResolve({ filter: /(^|\/)(client-h2|web\/fetch\/body)(\.js)?$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/undici/`)
        ? { path: args.path, namespace: 'unreachable' }
        : null,
    );
    build.onLoad({ filter: /.*/, namespace: 'unreachable' }, (args) => ({
      contents: `const fail = () => { throw new Error('bfinance-cards: ${args.path} is not part of the bundled undici request path'); };\nmodule.exports = fail;\nmodule.exports.extractBody = fail;\n`,
      loader: 'js',
    }));
  },
};

const undiciVersion = (
  JSON.parse(readFileSync(new URL('./node_modules/undici/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const shared = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  target: 'node20',
  sourcemap: false,
  treeshake: true,
  splitting: false,
  minifySyntax: true,
  // zod/mini is bundled and tree-shaken: importing the `zod` package costs ~50 ms, the schemas the
  // SDK uses ~5 ms (bench/README.md). The public types name no zod type (ResponseSchema), so zod
  // is a dev dependency only.
  noExternal: [/^zod(\/|$)/],
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.node.ts',
      webhooks: 'src/webhooks/index.ts',
      feed: 'src/feed/index.ts',
      testing: 'src/testing/index.ts',
      'sandbox-cli': 'src/testing/cli.ts',
      // A standalone bin: it bundles the schemas and drift check it reports with (internal API).
      'doctor-cli': 'src/doctor/bin.ts',
    },
    outDir: 'dist/node',
    platform: 'node',
    // The declarations come from src/index.ts: the Node entry's CardsClient only sets the default
    // sender, so both entries have the same types, and both builds point at these files.
    dts: {
      entry: {
        index: 'src/index.ts',
        webhooks: 'src/webhooks/index.ts',
        feed: 'src/feed/index.ts',
        testing: 'src/testing/index.ts',
      },
    },
    clean: true,
    external: ['bfinance-cards'],
    esbuildPlugins: [undiciRequestChunk, testingUsesMainEntry],
    // The bins are ESM files (package.json `bin`); nothing reaches a CommonJS copy of them.
    onSuccess: async () => {
      for (const bin of ['sandbox-cli', 'doctor-cli']) rmSync(`dist/node/${bin}.cjs`, { force: true });
    },
    // The CJS build loads its chunk with require() (inside a promise): no ESM loader involved, and
    // it works where import() in CommonJS does not (Jest without --experimental-vm-modules).
    esbuildOptions(options, { format }) {
      options.define = { ...options.define, [FORMAT_MARK]: JSON.stringify(format) };
      if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
    },
  },
  {
    ...shared,
    // src/index.ts is the portable entry: its CardsClient sends through the global fetch.
    entry: { index: 'src/index.ts', webhooks: 'src/webhooks/index.ts', feed: 'src/feed/index.ts' },
    outDir: 'dist/edge',
    platform: 'neutral',
    dts: false,
    clean: true,
  },
  {
    entry: { request: 'src/core/http/undici-request.node.mjs' },
    outDir: 'dist/undici',
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    treeshake: false,
    splitting: false,
    dts: false,
    clean: true,
    noExternal: [/^undici(\/|$)/],
    esbuildPlugins: [undiciUnreachable],
    banner: () => {
      const notice = `/*! undici ${undiciVersion} request path, bundled by bfinance-cards. undici: MIT License, Copyright (c) Matteo Collina and Undici contributors, https://github.com/nodejs/undici */`;
      return { js: notice };
    },
  },
]);
