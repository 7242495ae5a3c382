import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CardTransaction } from 'bfinance-cards';
import { transactionsSince } from 'bfinance-cards/feed';
import { createSandbox } from 'bfinance-cards/testing';
import { createWebhookHandler, toNodeListener } from 'bfinance-cards/webhooks';
import { afterEach, expect, it } from 'vitest';
import { allowLoopback } from './http-support.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

it('with 30% of webhooks dropped and 20% duplicated, receiver plus feed record every transaction exactly once', async () => {
  const sandbox = createSandbox({ seed: 20 });
  const client = sandbox.client();
  const cards = await Promise.all(
    [1, 2, 3, 4].map(() =>
      client.cards.issue({
        model: 'card',
        typeId: sandbox.cardTypeIds.standalone,
        initialBalance: 5000,
        firstName: 'Ada',
        lastName: 'Lovelace',
      }),
    ),
  );

  // The application: a webhook is a hint that triggers a feed read of its card; the feed records.
  const recorded = new Map<string, CardTransaction[]>();
  const cursors = new Map<string, string>();
  const reads = new Map<string, Promise<void>>();
  const hinted = new Set<string>();
  const readCard = (cardId: string): Promise<void> => {
    // One read at a time per card: each starts from the cursor the previous one stored.
    const next = (reads.get(cardId) ?? Promise.resolve()).then(async () => {
      const { transactions, cursor } = await transactionsSince(client, cardId, cursors.get(cardId), {
        pageSize: 25,
      });
      for (const tx of transactions)
        if (!tx.update) recorded.set(tx.id, [...(recorded.get(tx.id) ?? []), tx]);
      cursors.set(cardId, cursor);
    });
    reads.set(cardId, next);
    return next;
  };
  const eventIds: string[] = [];
  const handler = createWebhookHandler({
    allow: ['127.0.0.1'],
    onEvent: async (event) => {
      eventIds.push(event.id);
      const cardId = event.data.cardId;
      if (event.type === 'transaction' && typeof cardId === 'string') {
        hinted.add(cardId);
        await readCard(cardId);
      }
    },
  });
  const server = createServer(toNodeListener(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bfinance`;
  allowLoopback(url);
  sandbox.webhooks.subscribe(url, { drop: 0.3, duplicate: 0.2, delayMs: 3 });

  for (let i = 0; i < 220; i++) {
    const card = cards[i % cards.length];
    if (card === undefined) throw new Error('no card');
    if (i % 11 === 0) await client.funds.topUp(card, { amount: '20.00' });
    else sandbox.transactions.add(card.id, { amount: 1 + (i % 7), merchant: `Shop ${i}` });
  }
  await sandbox.webhooks.settled();
  // The timer: every card is read once more, whether a webhook came for it or not.
  await Promise.all(cards.map((card) => readCard(card.id)));

  const expected = new Set<string>();
  for (const card of cards)
    for await (const tx of client.cards.transactions(card, { limit: 100 })) expected.add(tx.id);
  expect(expected.size).toBeGreaterThanOrEqual(220);
  expect(new Set(recorded.keys())).toEqual(expected);
  for (const [id, copies] of recorded) expect(copies, id).toHaveLength(1);
  // Webhooks did arrive, some were lost, and no duplicate reached onEvent.
  expect(hinted.size).toBeGreaterThan(0);
  expect(new Set(eventIds).size).toBe(eventIds.length);
  expect(eventIds.length).toBeLessThan(220);
}, 60_000);
