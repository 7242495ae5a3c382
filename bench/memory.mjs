// Memory over many requests: heap retained after a full GC, and RSS growth.
//
//   node --expose-gc bench/memory.mjs [--client=sdk|undici] [--n=5000] [--rounds=3] [--warmup=500]
//                                     [--json=out.json]
//
// After a warm-up (JIT, undici loaded, connection open), each round sends N sequential
// `cards.retrieve` calls and then N/10 `funds.topUp` calls, and measures heapUsed after two full
// collections, and RSS. "retained" is a round's heap growth; a leak shows as the same positive
// growth round after round. `--client=undici` sends the same requests with raw undici.request, the
// control for RSS: V8 grows its young generation under allocation pressure whoever allocates.
import { randomUUID } from 'node:crypto';
import { CardsClient } from 'bfinance-cards';
import { request } from 'undici';
import { collect, intArg, median, parseArgs, report, startServer } from './lib/common.mjs';
import { CARD_ID, TOKEN } from './lib/fixtures.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const args = parseArgs();
const N = intArg(args, 'n', 5000);
const ROUNDS = intArg(args, 'rounds', 3);
const WARMUP = intArg(args, 'warmup', 500, 0);
const CLIENT = args.client ?? 'sdk';
if (CLIENT !== 'sdk' && CLIENT !== 'undici') throw new Error('--client must be sdk or undici');

const server = await startServer();
const client = new CardsClient({ apiToken: TOKEN, baseUrl: server.origin });

const cardUrl = `${server.origin}/cards/${CARD_ID}`;
const auth = `Bearer ${TOKEN}`;
const calls =
  CLIENT === 'sdk'
    ? {
        retrieve: () => client.cards.retrieve(CARD_ID),
        topUp: () => client.funds.topUp(CARD_ID, { amount: 10 }),
      }
    : {
        retrieve: async () => (await request(cardUrl, { headers: { authorization: auth } })).body.json(),
        topUp: async () => {
          const headers = {
            authorization: auth,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          };
          const res = await request(`${cardUrl}/topup`, { method: 'POST', headers, body: '{"amount":10}' });
          return res.body.json();
        },
      };

async function traffic(n) {
  for (let i = 0; i < n; i++) await calls.retrieve();
  for (let i = 0; i < Math.ceil(n / 10); i++) await calls.topUp();
}

await traffic(WARMUP);
collect();
const start = process.memoryUsage();
const rounds = [];
let before = start.heapUsed;
for (let round = 0; round < ROUNDS; round++) {
  await traffic(N);
  collect();
  const now = process.memoryUsage();
  rounds.push({ heapRetained: now.heapUsed - before, rss: now.rss });
  if (round === 0) rounds.firstRss = now.rss - start.rss;
  before = now.heapUsed;
}
await server.stop();

const end = process.memoryUsage();
const mb = (bytes) => Number((bytes / 1024 / 1024).toFixed(3));
const results = {
  heapRetainedPerRoundMb: rounds.map((r) => mb(r.heapRetained)),
  heapRetainedMedianMb: mb(median(rounds.map((r) => r.heapRetained))),
  rssGrowthFirstRoundMb: mb(rounds.firstRss),
  rssGrowthMb: mb(end.rss - start.rss),
  heapUsedAfterMb: mb(end.heapUsed),
  rssAfterMb: mb(end.rss),
};
process.stderr.write(
  `memory (${CLIENT}): retained ${results.heapRetainedMedianMb} MB per round, RSS +${results.rssGrowthMb} MB\n`,
);
report(args, { params: { client: CLIENT, n: N, rounds: ROUNDS, warmup: WARMUP }, results });
process.exit(0);
