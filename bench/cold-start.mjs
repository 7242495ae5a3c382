// Cold start of fresh `node` processes, two ways:
//   - in process ("net"): ms from the script's first line to done (import, construct, first
//     response), read with performance.now() inside the child: what a caller waits for, net of
//     Node's own start-up by construction;
//   - wall: spawn to exit, Node's own start-up included (`node -e 0` is measured alongside for
//     scale). It also counts process teardown, which after a first HTTP response is slow for every
//     client alike (V8 waits for the background compilation of undici's llhttp WebAssembly parser;
//     fetch pays it too). Reported, not subtracted: a difference of two noisy wall times can come
//     out negative, which is no measurement.
//
//   node bench/cold-start.mjs [--rounds=15] [--json=out.json]
//
// Each round starts one process per variant, in an order rotated round by round, so drift on a
// busy machine hits every variant alike. The processes that make a request call the fixture server
// (another process, already listening) and exit right after the first response.
import { spawnSync } from 'node:child_process';
import {
  intArg,
  median,
  paired,
  parseArgs,
  ROOT,
  report,
  rotate,
  startServer,
  summary,
} from './lib/common.mjs';
import { CARD_ID, TOKEN } from './lib/fixtures.mjs';

const args = parseArgs();
const ROUNDS = intArg(args, 'rounds', 15);

const server = await startServer();
const cardUrl = JSON.stringify(`${server.origin}/cards/${CARD_ID}`);
const auth = `{ headers: { authorization: 'Bearer ${TOKEN}' } }`;
const construct = `new CardsClient({ apiToken: ${JSON.stringify(TOKEN)}, baseUrl: ${JSON.stringify(server.origin)} })`;
// Every child script: t0 on its first line, t1 when done, printed as JSON; exit right away.
const timed = (body) =>
  `const t0 = performance.now(); ${body}; if (card !== undefined && card.id !== ${JSON.stringify(CARD_ID)}) process.exit(3); process.stdout.write(JSON.stringify({ t0, t1: performance.now() })); process.exit(0);`;
const esm = (body) => ['--input-type=module', '-e', timed(body)];

/** name → [node arguments, what it measures] */
const VARIANTS = {
  baseline: [['-e', '0'], '`node -e 0` (wall only)'],
  'sdk import + construct (ESM)': [
    esm(`const { CardsClient } = await import('bfinance-cards'); ${construct}; const card = undefined`),
    'the cold-start target: ESM import and new CardsClient()',
  ],
  'sdk import + construct (CJS)': [
    ['-e', timed(`const { CardsClient } = require('bfinance-cards'); ${construct}; const card = undefined`)],
    'the same through require()',
  ],
  'sdk first response': [
    esm(
      `const { CardsClient } = await import('bfinance-cards'); const card = await ${construct}.cards.retrieve(${JSON.stringify(CARD_ID)})`,
    ),
    'import + construct + cards.retrieve (undici request path loaded on first use)',
  ],
  'fetch first response': [
    esm(`const res = await fetch(${cardUrl}, ${auth}); const card = (await res.json()).data`),
    'raw global fetch: first request and JSON body',
  ],
  'undici first response': [
    esm(
      `const { request } = await import('undici'); const res = await request(${cardUrl}, ${auth}); const card = (await res.body.json()).data`,
    ),
    'raw undici: import the whole package, first request',
  ],
};
const names = Object.keys(VARIANTS);

/** One fresh process: wall ms from spawn to exit, and the child's own t1 − t0 when it reports one. */
function once(argv) {
  const t0 = process.hrtime.bigint();
  const out = spawnSync(process.execPath, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (out.status !== 0)
    throw new Error(`cold-start variant failed (${out.status}): ${argv.join(' ')}\n${out.stderr}`);
  const inside = out.stdout.trim() ? JSON.parse(out.stdout) : undefined;
  return { wallMs, ms: inside ? inside.t1 - inside.t0 : 0 };
}

for (const name of names) once(VARIANTS[name][0]); // fill the OS file cache first
const raw = Object.fromEntries(names.map((n) => [n, { ms: [], wallMs: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of rotate(names, round)) {
    const { ms, wallMs } = once(VARIANTS[name][0]);
    raw[name].ms.push(ms);
    raw[name].wallMs.push(wallMs);
  }
}
await server.stop();

const results = {};
const base = raw.baseline.wallMs;
for (const name of names) {
  results[name] = {
    what: VARIANTS[name][1],
    netMs: summary(raw[name].ms, 1),
    wallMs: summary(raw[name].wallMs, 1),
  };
}
const diff = (a, b) =>
  summary(
    paired(raw[a].ms, raw[b].ms, (x, y) => x - y),
    1,
  );
results.comparisons = {
  'sdk first response − fetch first response': diff('sdk first response', 'fetch first response'),
  'sdk first response − undici first response': diff('sdk first response', 'undici first response'),
  baselineWallMs: Number(median(base).toFixed(1)),
};
process.stderr.write(`cold-start: ${ROUNDS} rounds done\n`);
report(args, { params: { rounds: ROUNDS }, results, raw });
