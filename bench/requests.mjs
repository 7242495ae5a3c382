// Per-request client CPU and throughput: the same requests through CardsClient, raw
// `undici.request` and raw global `fetch`, against the fixture server in another process.
//
//   node --expose-gc bench/requests.mjs [--n=5000] [--runs=5] [--warmup=1000] [--json=out.json]
//
// For each operation (GET card, POST top-up) and each mode (sequential, 16 in flight), every run
// sends N requests through each client, interleaved in blocks of N/10 with the order changed block
// by block (A/B/C, B/C/A, C/A/B, C/B/A, A/C/B, B/A/C), so a noisy neighbour slows every client alike and the ratios
// paired run by run stay steady even when absolute times drift. CPU is process.cpuUsage()
// (user + system) of this process over the N requests, divided by N. With --expose-gc (as
// `npm run bench` runs it) every block starts after a full collection that is not timed.
import { randomUUID } from 'node:crypto';
import { CardsClient } from 'bfinance-cards';
import { request } from 'undici';
import { collect, intArg, paired, parseArgs, report, rotate, startServer, summary } from './lib/common.mjs';
import { CARD_ID, TOKEN } from './lib/fixtures.mjs';

const args = parseArgs();
const N = intArg(args, 'n', 5000);
const RUNS = intArg(args, 'runs', 5);
const WARMUP = intArg(args, 'warmup', 1000, 0);
const INFLIGHT = intArg(args, 'inflight', 16);
const BLOCKS = Math.min(10, N);

const server = await startServer();
const client = new CardsClient({ apiToken: TOKEN, baseUrl: server.origin });
const cardUrl = `${server.origin}/cards/${CARD_ID}`;
const topUpUrl = `${cardUrl}/topup`;
const getHeaders = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
const postHeaders = () => ({
  authorization: `Bearer ${TOKEN}`,
  accept: 'application/json',
  'content-type': 'application/json',
  // A raw caller moving money should send one too; the SDK generates it.
  'idempotency-key': randomUUID(),
});
const topUpBody = () => JSON.stringify({ amount: 10 });

/** What each client does for one logical call; raw clients read and parse the body like the SDK. */
const OPERATIONS = {
  'cards.retrieve': {
    sdk: () => client.cards.retrieve(CARD_ID),
    undici: async () => {
      const res = await request(cardUrl, { method: 'GET', headers: getHeaders });
      return res.body.json();
    },
    fetch: async () => {
      const res = await fetch(cardUrl, { method: 'GET', headers: getHeaders });
      return res.json();
    },
  },
  'funds.topUp': {
    sdk: () => client.funds.topUp(CARD_ID, { amount: 10 }),
    undici: async () => {
      const res = await request(topUpUrl, { method: 'POST', headers: postHeaders(), body: topUpBody() });
      return res.body.json();
    },
    fetch: async () => {
      const res = await fetch(topUpUrl, { method: 'POST', headers: postHeaders(), body: topUpBody() });
      return res.json();
    },
  },
};
const VARIANTS = ['sdk', 'undici', 'fetch'];
const MODES = { sequential: 1, [`${INFLIGHT} in flight`]: INFLIGHT };

/** Sends `n` calls with at most `inflight` outstanding; resolves with the CPU µs and seconds used. */
async function drive(call, n, inflight) {
  let issued = 0;
  const worker = async () => {
    while (issued < n) {
      issued++;
      await call();
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(inflight, n) }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: cpu.user + cpu.system, seconds };
}

/** One run: N calls per client, interleaved in blocks; CPU µs per call and calls/s per client. */
async function run(calls, inflight, runIndex) {
  const total = Object.fromEntries(VARIANTS.map((v) => [v, { cpuUs: 0, seconds: 0, n: 0 }]));
  for (let block = 0; block < BLOCKS; block++) {
    const size = Math.floor((N * (block + 1)) / BLOCKS) - Math.floor((N * block) / BLOCKS);
    for (const variant of rotate(VARIANTS, runIndex + block)) {
      // Each block starts on a collected heap (with --expose-gc; not timed), so a client pays for
      // its own garbage, not for what the client before it left (raw fetch leaves 3–5× more).
      collect();
      const used = await drive(calls[variant], size, inflight);
      total[variant].cpuUs += used.cpuUs;
      total[variant].seconds += used.seconds;
      total[variant].n += size;
    }
  }
  return Object.fromEntries(
    VARIANTS.map((v) => [v, { cpuUs: total[v].cpuUs / total[v].n, rps: total[v].n / total[v].seconds }]),
  );
}

// Every client must answer correctly before anything is timed.
const first = await client.cards.retrieve(CARD_ID);
if (first.id !== CARD_ID || first.last4 !== '1234')
  throw new Error('unexpected card from the fixture server');

const results = {};
for (const [operation, calls] of Object.entries(OPERATIONS)) {
  results[operation] = {};
  for (const [mode, inflight] of Object.entries(MODES)) {
    for (const variant of VARIANTS) if (WARMUP > 0) await drive(calls[variant], WARMUP, inflight);
    const raw = Object.fromEntries(VARIANTS.map((v) => [v, { cpuUs: [], rps: [] }]));
    for (let index = 0; index < RUNS; index++) {
      const measured = await run(calls, inflight, index);
      for (const variant of VARIANTS) {
        raw[variant].cpuUs.push(measured[variant].cpuUs);
        raw[variant].rps.push(measured[variant].rps);
      }
    }
    const entry = { raw };
    for (const variant of VARIANTS) {
      entry[variant] = { cpuUs: summary(raw[variant].cpuUs), rps: summary(raw[variant].rps, 0) };
    }
    entry.ratios = {
      sdkCpu: summary(paired(raw.sdk.cpuUs, raw.undici.cpuUs), 3),
      fetchCpu: summary(paired(raw.fetch.cpuUs, raw.undici.cpuUs), 3),
      sdkRps: summary(paired(raw.sdk.rps, raw.undici.rps), 3),
      fetchRps: summary(paired(raw.fetch.rps, raw.undici.rps), 3),
    };
    results[operation][mode] = entry;
    process.stderr.write(
      `requests: ${operation} ${mode}: sdk ${entry.sdk.cpuUs.median} µs, undici ${entry.undici.cpuUs.median} µs, fetch ${entry.fetch.cpuUs.median} µs\n`,
    );
  }
}

await server.stop();
report(args, { params: { n: N, runs: RUNS, warmup: WARMUP, inflight: INFLIGHT }, results });
process.exit(0);
