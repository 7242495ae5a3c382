import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * The tools (the testing entry, the sandbox command, the `bfinance-cards` command) import the SDK
 * as `bfinance-cards` (from source, tsconfig `paths` and the vitest alias map it to src/index.ts),
 * kept external here, so an `instanceof` sees the classes of the installed package. This check
 * fails the build when a library module that declares a class is bundled into a tools output
 * anyway (e.g. through a relative import): that would be a second copy whose `instanceof` fails.
 * The tools' own folders may declare classes.
 */
const TOOLS_OWN = ['testing/', 'doctor/', 'cli/'];
const usesPackageClasses: Plugin = {
  name: 'uses-package-classes',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      const errors: PartialMessage[] = [];
      for (const [out, meta] of Object.entries(result.metafile?.outputs ?? {})) {
        const copies = Object.keys(meta.inputs)
          .map((input) => fileURLToPath(new URL(input, `file://${process.cwd()}/`)))
          .filter((file) => file.startsWith(SRC))
          .filter((file) => !TOOLS_OWN.some((own) => file.startsWith(`${SRC}${own}`)))
          .filter((file) => /^\s*(export\s+)?(abstract\s+)?class\s/m.test(readFileSync(file, 'utf8')));
        if (copies.length > 0) {
          const names = copies.map((file) => file.slice(SRC.length)).join(', ');
          errors.push({ text: `${out} bundles its own copy of ${names}: import it from a package entry` });
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
 * The `bfinance-cards` command runs on the installed package: a relative import of a module that a
 * package entry exports is aimed at that entry, so the command carries no second copy of the client
 * (and its errors are the classes the entry exports). usesPackageClasses proves nothing with a
 * class is left bundled.
 */
const SELF_ENTRIES: Record<string, string> = {
  'index.ts': 'bfinance-cards',
  'client.ts': 'bfinance-cards',
  'errors.ts': 'bfinance-cards',
  'core/errors.ts': 'bfinance-cards',
  'core/redact/index.ts': 'bfinance-cards',
  'bulk/index.ts': 'bfinance-cards/bulk',
};
const selfImports: Plugin = {
  name: 'self-imports',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.startsWith(SRC)) return null;
      const file = fileURLToPath(new URL(args.path.replace(/\.js$/, '.ts'), `file://${args.resolveDir}/`));
      const entry = SELF_ENTRIES[file.slice(SRC.length)];
      return entry ? { path: entry, external: true } : null;
    });
  },
};

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

/**
 * The ES-module face of the one set of declarations: `<entry>.d.ts` re-exports `<entry>.d.cts`, so
 * a bundler's TypeScript (the `types` condition) reads ES-module declarations for the ES-module
 * files it bundles, and the declarations are shipped once.
 */
function esmTypes(dir: string, entries: string[]): () => Promise<void> {
  return async () => {
    for (const entry of entries) {
      writeFileSync(`${dir}/${entry}.d.ts`, `export * from './${entry}.cjs';\n`);
    }
  };
}

export default defineConfig([
  {
    ...shared,
    // Bundlers, edge runtimes, Bun and Deno: without a `fetch` option a client uses the global fetch.
    // ES modules only: a bundler tree-shakes them, and Bun takes them from require() as well.
    format: ['esm'],
    entry: ENTRIES,
    outDir: 'dist/lib',
    platform: 'neutral',
    dts: false,
    clean: false,
    onSuccess: esmTypes('dist/lib', Object.keys(ENTRIES)),
  },
  {
    // The one set of declarations, CommonJS-flavoured (.d.cts) like the Node build they describe
    // (a Node ES module imports its names as it imports the build's); bundlers read them through
    // the `<entry>.d.ts` re-exports (esmTypes).
    entry: ENTRIES,
    outDir: 'dist/lib',
    format: ['cjs'],
    target: 'node20',
    dts: { entry: ENTRIES, only: true },
    clean: false,
  },
  {
    ...shared,
    // Node: undici by default. CommonJS only: `require` and `import` load the same file, so Node
    // never holds two copies of the SDK (an ES module import of it measured 21 vs 24 ms for dist/node's ESM).
    format: ['cjs'],
    entry: NODE_ENTRIES,
    outDir: 'dist/node',
    platform: 'node',
    dts: false,
    clean: false,
    esbuildPlugins: [nodeDefaultSender, undiciRequestChunk],
  },
  {
    ...shared,
    // bfinance-cards/testing and the sandbox command, sharing the sandbox's chunks. CommonJS only,
    // like the Node build it imports: `import` and `require` load the one file.
    format: ['cjs'],
    entry: { testing: 'src/testing/index.ts', 'sandbox-cli': 'src/testing/cli.ts' },
    outDir: 'dist/tools',
    platform: 'node',
    dts: { entry: { testing: 'src/testing/index.ts' } },
    clean: false,
    external: ['bfinance-cards'],
    esbuildPlugins: [nodeDefaultSender, undiciRequestChunk, usesPackageClasses],
  },
  {
    ...shared,
    // The `bfinance-cards` command (doctor, bulk), an ES module. It takes the client, the error
    // classes and bulk from the package itself (selfImports) and bundles only what no entry
    // exports: the schemas and drift check the doctor reports with, the CSV parser and progress bar.
    format: ['esm'],
    entry: { 'bfinance-cards': 'src/doctor/bin.ts' },
    outDir: 'dist/bin',
    platform: 'node',
    dts: false,
    clean: false,
    external: ['bfinance-cards'],
    esbuildPlugins: [nodeDefaultSender, undiciRequestChunk, selfImports, usesPackageClasses],
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
