import { CardsClient } from 'bfinance-cards';
import { createSandbox, type Sandbox } from 'bfinance-cards/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueCards } from '../../src/bulk/index.js';
import { memoryStore } from './memory-store.js';
import { issueRows } from './rows.js';

// Our sandbox finds a card by its externalId the instant it is issued. bfinance's lookup may lag
// behind the issue [INF]; this fake serves a 404 for `GET /cards/{externalId}` until `lagMs` after
// the card was issued, and drops the issue response of some rows after the card is made (the
// outcome is unknown, so the row is settled by reading the card by its externalId). Exactly once
// must hold while the lag stays under `settleMs`, the wait between the two reads that prove a card
// was not issued.

/** The sandbox's fetch with a lagging externalId lookup and lost answers for the `drop` rows. */
function laggingFetch(sandbox: Sandbox, lagMs: number, drop: Set<string>) {
  const issuedAt = new Map<string, number>();
  const stats = { lagged: 0 };
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    if (init.method === 'POST' && url.pathname.endsWith('/cards/issue')) {
      const { externalId } = JSON.parse(String(init.body)) as { externalId: string };
      const response = await sandbox.fetch(input, init);
      issuedAt.set(externalId, Date.now());
      if (drop.delete(externalId))
        throw new TypeError('fetch failed: the connection closed before the answer');
      return response;
    }
    const id = /\/cards\/([^/]+)$/.exec(url.pathname)?.[1];
    const at = id === undefined ? undefined : issuedAt.get(decodeURIComponent(id));
    if ((init.method ?? 'GET') === 'GET' && at !== undefined && Date.now() - at < lagMs) {
      stats.lagged++;
      return sandbox.fetch(input.replace(`/cards/${id}`, '/cards/no-such-card'), init);
    }
    return sandbox.fetch(input, init);
  };
  return { fetch, stats };
}

describe('bulk issue against a lookup by externalId that lags behind the issue', () => {
  it('issues every card exactly once while the lag stays under settleMs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 20, max: 60 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        async (n, lagMs, lost) => {
          const sandbox = createSandbox({ seed: 21 });
          const drop = new Set(lost.slice(0, n).flatMap((x, i) => (x ? [`b1.E-${i}`] : [])));
          const dropped = drop.size;
          const { fetch, stats } = laggingFetch(sandbox, lagMs, drop);
          const client = new CardsClient({
            apiToken: sandbox.token,
            baseUrl: sandbox.baseUrl,
            fetch,
            maxRetries: 0,
          });
          const rows = issueRows(sandbox.cardTypeIds.standalone, n);
          const store = memoryStore();
          const options = { journal: store, concurrency: 2, settleMs: lagMs + 40, batchId: 'b1' };
          let result = await issueCards(client, rows, options);
          for (let run = 0; result.unknown > 0 && run < 3; run++)
            result = await issueCards(client, rows, options);
          expect(result.applied).toBe(n);
          const cards = sandbox.state().cards;
          expect(cards).toHaveLength(n);
          for (const row of result.rows) {
            const issued = cards.filter((c) => c.externalId === `b1.${row.ref}`);
            expect(issued).toHaveLength(1);
            expect(row.cardId).toBe(issued[0]?.id);
          }
          // The fake had teeth: every lost answer met a lagging lookup first.
          if (dropped > 0) expect(stats.lagged).toBeGreaterThanOrEqual(dropped);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
