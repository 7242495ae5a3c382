import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from 'bfinance-cards/testing';
import { createWebhookHandler, toNodeListener, type WebhookEvent } from 'bfinance-cards/webhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { allowLoopback } from './http-support.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A receiver on 127.0.0.1 that counts requests and records the events that reach `onEvent`. */
async function receiver(): Promise<{ url: string; events: WebhookEvent[]; requests: string[] }> {
  const events: WebhookEvent[] = [];
  const requests: string[] = [];
  const handler = createWebhookHandler({
    allow: ['127.0.0.1'],
    onEvent: (event) => {
      events.push(event);
    },
  });
  const listener = toNodeListener(handler);
  const server = createServer((req, res) => {
    requests.push(String(req.headers['user-agent']));
    listener(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  allowLoopback(url);
  return { url, events, requests };
}

async function issue(sandbox: Sandbox) {
  return sandbox.client().cards.issue({
    model: 'card',
    typeId: sandbox.cardTypeIds.standalone,
    initialBalance: 100,
    firstName: 'Ada',
    lastName: 'Lovelace',
  });
}

describe('sandbox webhooks', () => {
  it('POST an event for a charge, a top-up, a card status, a customer status and an access decision', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const client = sandbox.client();
    const card = await issue(sandbox);
    const customer = await client.customers.create({
      type: 'individual',
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    const hook = await receiver();
    sandbox.webhooks.subscribe(hook.url);
    const charge = sandbox.transactions.add(card.id, { amount: 12.5, merchant: 'Cafe' });
    await client.funds.topUp(card, { amount: '5.00' });
    await client.status.freeze(card);
    sandbox.customers.verify(customer.id);
    sandbox.access.grant(customer.id, 'cards', sandbox.cardTypeIds.standalone);
    await sandbox.webhooks.settled();
    const byType = (type: string) => hook.events.filter((e) => e.type === type).map((e) => e.data);
    expect(byType('transaction')).toEqual([
      expect.objectContaining({ id: charge.id, cardId: card.id, amount: 12.5, type: 'purchase' }),
      expect.objectContaining({ cardId: card.id, amount: 5, type: 'topup', status: 'completed' }),
    ]);
    expect(byType('card.status')).toEqual([{ cardId: card.id, status: 'frozen' }]);
    expect(byType('customer.status')).toEqual([{ customerId: customer.id, status: 'active' }]);
    expect(byType('product-access')).toEqual([
      expect.objectContaining({ customerId: customer.id, accessType: 'cards', status: 'granted' }),
    ]);
    expect(hook.requests.every((ua) => ua.startsWith('bfinance-cards-sandbox'))).toBe(true);
  });

  it('sends nothing for what happened before the subscription, and nothing after reset', async () => {
    const sandbox = createSandbox({ seed: 4 });
    const card = await issue(sandbox);
    sandbox.transactions.add(card.id, { amount: 1 });
    const hook = await receiver();
    sandbox.webhooks.subscribe(hook.url);
    sandbox.reset();
    const again = await issue(sandbox);
    sandbox.transactions.add(again.id, { amount: 1 });
    await sandbox.webhooks.settled();
    expect(hook.requests).toEqual([]);
  });

  it('drops every delivery with drop 1, and sends each twice, byte for byte, with duplicate 1', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const card = await issue(sandbox);
    const dropped = await receiver();
    const doubled = await receiver();
    sandbox.webhooks.subscribe(dropped.url, { drop: 1 });
    sandbox.webhooks.subscribe(doubled.url, { duplicate: 1, delayMs: 5 });
    for (let i = 0; i < 5; i++) sandbox.transactions.add(card.id, { amount: 1 + i });
    await sandbox.webhooks.settled();
    expect(dropped.requests).toHaveLength(0);
    expect(doubled.requests).toHaveLength(10);
    // The receiver's default de-duplication (a hash of the exact bytes) lets one copy through.
    expect(doubled.events).toHaveLength(5);
  });

  it('subscribes through POST /__sandbox/webhooks and refuses a bad url or fault', async () => {
    const sandbox = createSandbox({ seed: 6 });
    const hook = await receiver();
    const control = (body: unknown, method = 'POST') =>
      sandbox.fetch(`${new URL(sandbox.baseUrl).origin}/__sandbox/webhooks`, {
        method,
        headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await control({ url: 'ftp://x.test/' })).status).toBe(400);
    expect((await control({ url: hook.url, drop: 2 })).status).toBe(400);
    expect((await control({ drop: 0.1 })).status).toBe(400);
    expect((await control({ url: hook.url, drop: 0, duplicate: 0, delayMs: 1 })).status).toBe(200);
    const card = await issue(sandbox);
    await sandbox.client().status.freeze(card);
    await sandbox.webhooks.settled();
    expect(hook.events.map((e) => e.type)).toEqual(['card.status']);
    expect((await control({}, 'DELETE')).status).toBe(200);
    await sandbox.client().status.unfreeze(card);
    await sandbox.webhooks.settled();
    expect(hook.events).toHaveLength(1);
  });
});
