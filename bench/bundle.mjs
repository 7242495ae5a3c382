// Bundle sizes by esbuild: a program that constructs the client and retrieves one card, bundled
// for the edge (platform browser, `workerd` / `edge-light` conditions) and for Node, minified,
// with the gzip size at level 9. The package is resolved by its own name, so the `exports`
// conditions decide which dist file each bundle starts from, as in a user's project.
//
//   node bench/bundle.mjs [--json=out.json]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { parseArgs, ROOT, report } from './lib/common.mjs';

const args = parseArgs();
const PROGRAM = `import { CardsClient } from 'bfinance-cards';
const client = new CardsClient({ apiToken: 'token' });
const card = await client.cards.retrieve('card_1');
console.log(card.status, card.last4);
`;
// The same call through the cards entry alone: what a program that only needs cards carries.
const CARDS_PROGRAM = `import { Cards } from 'bfinance-cards/cards';
const cards = new Cards({ apiToken: 'token' });
const card = await cards.retrieve('card_1');
console.log(card.status, card.last4);
`;

const sizes = (bytes) => ({ bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

async function bundle(options, stdin = { contents: PROGRAM, loader: 'js' }) {
  const result = await esbuild.build({
    stdin: { ...stdin, resolveDir: `${ROOT}bench` },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'error',
    // A user's project, not this repository: the repository's tsconfig maps `bfinance-cards` to
    // src/ (for src/testing), which would bypass the exports map this script measures.
    tsconfigRaw: '{}',
    ...options,
  });
  // With splitting, the first output is the program's entry chunk; the others load on `import()`.
  const output = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const from = Object.keys(inputs).filter((file) => file.includes('dist/'));
  return { ...sizes(output), from, inputs, output };
}

const EDGE = { platform: 'browser', conditions: ['workerd', 'edge-light'] };
const edge = await bundle(EDGE);
const edgeCards = await bundle(EDGE, { contents: CARDS_PROGRAM, loader: 'js' });
for (const { from } of [edge, edgeCards])
  if (!from.some((file) => file.includes('dist/lib/')))
    throw new Error('the edge bundle did not use dist/lib');
// A bundler that splits code (Vite, webpack, Next, esbuild --splitting) keeps what the SDK loads
// with `import()` (the reconcilers behind `error.reconcile()`) out of the program's entry chunk.
const SPLIT = { ...EDGE, splitting: true, outdir: `${ROOT}bench/.split` };
const edgeSplit = await bundle(SPLIT);
const edgeCardsSplit = await bundle(SPLIT, { contents: CARDS_PROGRAM, loader: 'js' });
// What a Node process loads on import (the undici chunk stays a separate file, required on the
// first request through createRequire, which esbuild does not follow) …
const nodeEager = await bundle({ platform: 'node' });
// … and everything once the first request ran: that program plus the undici chunk.
const undiciChunk = readFileSync(`${ROOT}dist/undici/request.cjs`);
const nodeAll = {
  ...sizes(Buffer.concat([Buffer.from(nodeEager.output), undiciChunk])),
  from: [...nodeEager.from, 'dist/undici/request.cjs'],
};

// The same edge program built from source, to attribute bytes to the response reader (dist is one file).
const fromSource = await bundle(
  { platform: 'browser', conditions: ['workerd', 'edge-light'] },
  { contents: PROGRAM.replace("'bfinance-cards'", "'../src/index.ts'"), loader: 'ts' },
);
const readerBytes = Object.entries(fromSource.inputs)
  .filter(([file]) => /src\/core\/(reader|drift)\.ts$/.test(file))
  .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);

const file = (path) => sizes(readFileSync(`${ROOT}${path}`));
const results = {
  'edge program (workerd, edge-light)': { bytes: edge.bytes, gzip: edge.gzip, from: edge.from },
  'edge program, Cards alone (bfinance-cards/cards)': {
    bytes: edgeCards.bytes,
    gzip: edgeCards.gzip,
    from: edgeCards.from,
  },
  'edge program, entry chunk of a splitting bundler': { bytes: edgeSplit.bytes, gzip: edgeSplit.gzip },
  'edge program, Cards alone, entry chunk of a splitting bundler': {
    bytes: edgeCardsSplit.bytes,
    gzip: edgeCardsSplit.gzip,
  },
  'node program (loaded on import)': { bytes: nodeEager.bytes, gzip: nodeEager.gzip, from: nodeEager.from },
  'node program (after the first request)': { bytes: nodeAll.bytes, gzip: nodeAll.gzip, from: nodeAll.from },
  readerInEdgeProgram: {
    minifiedBytes: readerBytes,
    shareOfMinified: Number((readerBytes / fromSource.bytes).toFixed(3)),
  },
  files: {
    'dist/lib/index.js': file('dist/lib/index.js'),
    'dist/lib/cards.js': file('dist/lib/cards.js'),
    'dist/undici/request.cjs': file('dist/undici/request.cjs'),
  },
};
process.stderr.write(
  `bundle: edge ${edge.gzip} B gzip, Cards alone ${edgeCards.gzip} B gzip, node ${nodeEager.gzip} B gzip\n`,
);
report(args, { params: { gzipLevel: 9, esbuild: esbuild.version }, results });
