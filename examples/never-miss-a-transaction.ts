import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { transactionsSince } from 'bfinance-cards/feed';
import { createWebhookHandler, toNodeListener } from 'bfinance-cards/webhooks';
import { connect } from './connect.js';

const { client, typeId, sandbox, bfinance, close } = await connect();

// Your database: one feed cursor per card and the transactions recorded (id → status).
const cursors = new Map<string, string>();
const recorded = new Map<string, string>();
let firstDeliveries = 0;
const reading = new Map<string, Promise<void>>();

// The feed is the truth: a read records what is new since the card's cursor (a change of status
// or amount comes again, marked `update`), then stores the cursor. One read at a time per card.
function syncCard(cardId: string): Promise<void> {
  const read = async (): Promise<void> => {
    const { transactions, cursor } = await transactionsSince(client, cardId, cursors.get(cardId));
    for (const tx of transactions) {
      if (!tx.update) firstDeliveries += 1;
      recorded.set(tx.id, tx.status ?? 'unknown');
    }
    cursors.set(cardId, cursor);
  };
  const next = (reading.get(cardId) ?? Promise.resolve()).then(read);
  reading.set(cardId, next);
  return next;
}

// A webhook is a hint: bfinance does not sign it or promise to retry it. The receiver refuses
// other sources, answers a duplicate without calling onEvent, and answers 200 only after onEvent.
const handler = createWebhookHandler({
  allow: ['127.0.0.1'], // bfinance's addresses, from your account manager
  onEvent: async (event) => {
    const cardId = event.data.cardId;
    if (event.type === 'transaction' && typeof cardId === 'string') await syncCard(cardId);
  },
});
const server = createServer(toNodeListener(handler)).listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bfinance/webhooks`;
// Sandbox only: it sends webhooks like bfinance, here losing 30% and repeating 20% of them.
sandbox?.webhooks.subscribe(url, { drop: 0.3, duplicate: 0.2 });

const cards = [];
for (const lastName of ['Lovelace', 'Hopper']) {
  cards.push(
    await client.cards.issue({ model: 'card', typeId, initialBalance: 100, firstName: 'Ada', lastName }),
  );
}
for (let i = 0; i < 20; i++) {
  const card = cards[i % cards.length];
  if (card !== undefined) await bfinance?.charge(card.id, { amount: 1 + i, merchant: `Shop ${i}` });
}
await sandbox?.webhooks.settled();

// The timer: every card is read on a schedule, so a card whose webhooks were all lost is caught up.
for (const card of cards) await syncCard(card.id);

let listed = 0;
for (const card of cards) for await (const _tx of client.cards.transactions(card)) listed += 1;
console.log(`recorded ${recorded.size} of ${listed} listed transactions`);
console.log(
  `delivered as new ${firstDeliveries} times: ${firstDeliveries === recorded.size ? 'each once' : 'DUPLICATES'}`,
);
server.close();
await close();
