import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, PartialMessage, Plugin } from 'esbuild';
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
 * it to src/index.ts from source), kept external here, so a test's `instanceof` sees the
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

/**
 * The one module that differs between platforms is `core/http/default-sender.js`: the global fetch
 * (edge runtimes, Bun, Deno, bundlers: dist/lib) or undici (Node: dist/node, the bins). The Node
 * builds resolve it to `default-sender.node.ts`; every other module is the same in both.
 */
const nodeDefaultSender: Plugin = {
  name: 'node-default-sender',
  setup(build) {
    build.onResolve({ filter: /\/default-sender\.js$/ }, (args) => ({
      path: fileURLToPath(new URL(args.path.replace(/\.js$/, '.node.ts'), `file://${args.resolveDir}/`)),
    }));
  },
};

/**
 * The package's entries: the client and each resource class alone, sharing one engine (chunks), so
 * a bundler that takes `bfinance-cards/cards` keeps only the cards resource.
 */
const ENTRIES = {
  index: 'src/index.ts',
  cards: 'src/entries/cards.ts',
  customers: 'src/entries/customers.ts',
  pins: 'src/entries/pins.ts',
  funds: 'src/entries/funds.ts',
  status: 'src/entries/status.ts',
  disputes: 'src/entries/disputes.ts',
  // Node only: the journal and its lock are files (node:fs), keys and checksums node:crypto.
  bulk: 'src/entries/bulk.ts',
  webhooks: 'src/entries/webhooks.ts',
  feed: 'src/entries/feed.ts',
};

const shared = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  target: 'node20',
  sourcemap: false,
  treeshake: true,
  // Shared chunks: every entry loads the one copy of the engine, so an error thrown through
  // `Cards` is `instanceof` the class `bfinance-cards` exports (test/package/check.ts).
  splitting: true,
  minifySyntax: true,
  minifyWhitespace: true,
  // The CJS build loads the undici chunk with require() (inside a promise): no ESM loader
  // involved, and it works where import() in CommonJS does not (Jest without --experimental-vm-modules).
  esbuildOptions(options: BuildOptions, { format }: { format: string }) {
    options.define = { ...options.define, [FORMAT_MARK]: JSON.stringify(format) };
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
};

/**
 * Node's entries (the `node` export condition): each resource entry re-exports the root entry's
 * class, so all of them share one chunk and an ES module import loads a few files, not the dozen
 * small chunks that serve bundlers best (an import pays per module file: 24 vs 40 ms measured).
 */
const NODE_ENTRIES = {
  ...ENTRIES,
  cards: 'src/entries/node/cards.ts',
  customers: 'src/entries/node/customers.ts',
  pins: 'src/entries/node/pins.ts',
  funds: 'src/entries/node/funds.ts',
  status: 'src/entries/node/status.ts',
  disputes: 'src/entries/node/disputes.ts',
};

export default defineConfig([
  {
    ...shared,
    // Bundlers, edge runtimes, Bun and Deno: without a `fetch` option a client uses the global fetch.
    entry: ENTRIES,
    outDir: 'dist/lib',
    platform: 'neutral',
    dts: { entry: ENTRIES },
    clean: true,
  },
  {
    ...shared,
    // Node: undici by default. Same classes and types as dist/lib (its declarations serve both).
    entry: NODE_ENTRIES,
    outDir: 'dist/node',
    platform: 'node',
    dts: false,
    clean: true,
    esbuildPlugins: [nodeDefaultSender, undiciRequestChunk],
  },
  {
    ...shared,
    entry: { testing: 'src/testing/index.ts' },
    outDir: 'dist/tools',
    platform: 'node',
    dts: { entry: { testing: 'src/testing/index.ts' } },
    clean: true,
    external: ['bfinance-cards'],
    esbuildPlugins: [nodeDefaultSender, undiciRequestChunk, testingUsesMainEntry],
  },
  {
    ...shared,
    // The bins (package.json `bin`) are ES modules only: nothing would reach a CommonJS copy.
    format: ['esm'],
    entry: {
      'sandbox-cli': 'src/testing/cli.ts',
      // The `bfinance-cards` command (doctor, bulk): it bundles the schemas and drift check the
      // doctor reports with (internal API), and the CSV parser and progress bar bulk needs.
      'bfinance-cards': 'src/doctor/bin.ts',
    },
    outDir: 'dist/bin',
    platform: 'node',
    dts: false,
    clean: true,
    external: ['bfinance-cards'],
    esbuildPlugins: [nodeDefaultSender, undiciRequestChunk, testingUsesMainEntry],
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
    // Third-party code nobody reads in dist: minified in full (its error codes and classes keep
    // their names, which is what the SDK's sender reads).
    minify: true,
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
