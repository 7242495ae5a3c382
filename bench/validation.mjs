// Validation cost: parsing the response data of `cards.retrieve` with the schemas the SDK uses
// (bundled from src, as dist bundles them), measured two ways:
//   - isolated: the parse alone in a tight loop (caches warm, the best case);
//   - in situ: raw undici.request + JSON against the fixture server, with and without the same
//     parse of the card after each response, interleaved in blocks and paired run by run. The
//     difference is what validation costs amid real request work (cold caches), which is the figure
//     to set against the per-request CPU.
//
//   node bench/validation.mjs [--n=100000] [--requests=5000] [--runs=5] [--json=out.json]
//
// bench/run.mjs sets both against the per-request CPU of bench/requests.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { request } from 'undici';
import { intArg, paired, parseArgs, ROOT, report, rotate, startServer, summary } from './lib/common.mjs';
import { CARD_BODY, CARD_ID, TOKEN, TOP_UP_BODY } from './lib/fixtures.mjs';

const args = parseArgs();
const N = intArg(args, 'n', 100_000);
const RUNS = intArg(args, 'runs', 5);
const REQUESTS = intArg(args, 'requests', 5000);

// The schemas are internal, so bundle them from source into a temporary module.
const dir = mkdtempSync(join(tmpdir(), 'bfinance-bench-'));
const outfile = join(dir, 'schemas.mjs');
await esbuild.build({
  stdin: {
    contents: `export { safeParse } from './src/core/reader.ts';
export { cardSchema } from './src/resources/card-schemas.ts';
export { actionResult } from './src/core/schema.ts';`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'error',
});
const { safeParse, cardSchema, actionResult } = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

const card = JSON.parse(CARD_BODY).data;
const topUp = { message: JSON.parse(TOP_UP_BODY).message };
const CASES = {
  'card (cards.retrieve)': () => safeParse(cardSchema('card'), card),
  'action result (funds.topUp)': () => safeParse(actionResult(), topUp),
  'JSON.parse of the card body (for scale)': () => JSON.parse(CARD_BODY),
};
if (!CASES['card (cards.retrieve)']().ok) throw new Error('the card body does not parse');

function cpuPerCall(fn, n) {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / n;
}

const results = {};
for (const [name, fn] of Object.entries(CASES)) {
  cpuPerCall(fn, Math.min(N, 20_000));
  const runs = Array.from({ length: RUNS }, () => cpuPerCall(fn, N));
  results[name] = { cpuUs: summary(runs, 3) };
}
// In situ: the same requests with and without the parse, 16 in flight and sequential.
const server = await startServer();
const cardUrl = `${server.origin}/cards/${CARD_ID}`;
const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
const schema = cardSchema('card');
const VARIANTS = {
  plain: async () => (await (await request(cardUrl, { headers })).body.json()).data,
  validated: async () => {
    const data = (await (await request(cardUrl, { headers })).body.json()).data;
    if (!safeParse(schema, data).ok) throw new Error('the card body does not parse');
    return data;
  },
};
async function drive(call, n, inflight) {
  let issued = 0;
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: Math.min(inflight, n) }, async () => {
      while (issued < n) {
        issued++;
        await call();
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return cpu.user + cpu.system;
}
const BLOCKS = Math.min(10, REQUESTS);
const names = Object.keys(VARIANTS);
results.inSitu = {};
for (const [mode, inflight] of [
  ['sequential', 1],
  ['16 in flight', 16],
]) {
  for (const name of names) await drive(VARIANTS[name], Math.min(1000, REQUESTS), inflight);
  const raw = { plain: [], validated: [] };
  for (let run = 0; run < RUNS; run++) {
    const cpu = { plain: 0, validated: 0 };
    for (let block = 0; block < BLOCKS; block++) {
      for (const name of rotate(names, run + block)) {
        cpu[name] += await drive(VARIANTS[name], Math.ceil(REQUESTS / BLOCKS), inflight);
      }
    }
    const n = Math.ceil(REQUESTS / BLOCKS) * BLOCKS;
    for (const name of names) raw[name].push(cpu[name] / n);
  }
  results.inSitu[mode] = {
    plainCpuUs: summary(raw.plain),
    validatedCpuUs: summary(raw.validated),
    parseCpuUs: summary(
      paired(raw.validated, raw.plain, (a, b) => a - b),
      2,
    ),
  };
}
await server.stop();

process.stderr.write(
  `validation: card ${results['card (cards.retrieve)'].cpuUs.median} µs isolated, ${results.inSitu['16 in flight'].parseCpuUs.median} µs in situ (16 in flight)\n`,
);
report(args, { params: { n: N, requests: REQUESTS, runs: RUNS }, results });
process.exit(0);
