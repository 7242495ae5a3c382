// The README's first call: the same code against your bfinance account and against the in-process
// sandbox. Your account is called only with BFINANCE_LIVE=1 (and BFINANCE_API_TOKEN), as in every
// example. Run it with `npm run example examples/first-call.ts`.
import { CardsClient } from 'bfinance-cards';
import { createSandbox } from 'bfinance-cards/testing';

async function firstCall(where: string, client: CardsClient): Promise<void> {
  const balance = await client.funds.balance();
  console.log(`${where}: balance ${balance.eur.toFixed(2)} EUR, ${balance.usd.toFixed(2)} USD`);
  const programs = await client.cards.types();
  console.log(`${where}: card programs ${programs.map((p) => `${p.name} (${p.id})`).join(', ')}`);
}

// Your bfinance account: the token comes from the BFINANCE_API_TOKEN environment variable.
if (process.env.BFINANCE_LIVE === '1') await firstCall('bfinance (LIVE)', new CardsClient());

// The in-process sandbox: the same client and calls, no token, no network.
await firstCall('sandbox', createSandbox().client());
