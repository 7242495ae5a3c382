import { CardsClient } from 'bfinance-cards';
import {
  CONTROL_ROUTES,
  createSandbox,
  SANDBOX_MESSAGES as M,
  type SandboxServer,
} from 'bfinance-cards/testing';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { allowLoopback } from './http-support.js';
import { type Call, caller } from './support.js';

let running: SandboxServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function overHttp(
  seed = 11,
): Promise<{ client: CardsClient; api: Call; control: Call; server: SandboxServer }> {
  const sandbox = createSandbox({ seed });
  running = await sandbox.listen();
  allowLoopback(running.url);
  return {
    client: new CardsClient({ apiToken: sandbox.token, baseUrl: running.url }),
    api: caller(running.url, sandbox.token),
    control: caller(running.controlUrl, sandbox.token),
    server: running,
  };
}

const ISSUE = { initialBalance: 100, firstName: 'Ada', lastName: 'Lovelace' };

describe('control routes over HTTP', () => {
  it('verify: waitUntilVerified resolves once bfinance verifies the customer', async () => {
    const { client, control } = await overHttp();
    const customer = await client.customers.create({
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const waiting = client.customers.waitUntilVerified(customer.id, { intervalMs: 20, timeoutMs: 5_000 });
    const res = await control('POST', `/customers/${customer.id}/verify`, { status: 'active' });
    expect([res.status, res.body.data.status]).toEqual([200, 'active']);
    expect((await waiting).status).toBe('active');
  });

  it('verify with "rejected" shows the reasons; access grants a program to issue from', async () => {
    const { client, control, api } = await overHttp();
    const rejected = await client.customers.create({ type: 'individual', firstName: 'Eve', lastName: 'Doe' });
    await control('POST', `/customers/${rejected.id}/verify`, {
      status: 'rejected',
      reasons: ['document expired'],
    });
    expect((await client.customers.retrieve(rejected.id)).rejectionReasons).toEqual(['document expired']);

    const state = (await control('GET', '/state')).body.data;
    const verifiedType = state.cardTypeIds.verified as string;
    const customer = await client.customers.create({
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    await control('POST', `/customers/${customer.id}/verify`, {});
    await client.customers.requestAccess(customer.id, { accessType: 'cards', cardType: verifiedType });
    const before = await api('POST', '/cards/issue', {
      typeId: verifiedType,
      customerId: customer.id,
      initialBalance: 1,
    });
    expect(before.body.message).toBe(M.ACCESS_NOT_GRANTED);
    const granted = await control('POST', `/customers/${customer.id}/access`, {
      status: 'granted',
      cardType: verifiedType,
    });
    expect(granted.body.data.featuresAccess[0].status).toBe('granted');
    const card = await client.cards.issue({
      model: 'card',
      typeId: verifiedType,
      customerId: customer.id,
      initialBalance: 1,
    });
    expect(card.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('a merchant charge moves the balance and can be disputed', async () => {
    const { client, control } = await overHttp();
    const typeId = (await control('GET', '/state')).body.data.cardTypeIds.standalone as string;
    const card = await client.cards.issue({ model: 'card', typeId, ...ISSUE });
    const charged = await control('POST', `/cards/${card.id}/transactions`, {
      amount: 30,
      merchant: 'Hotel',
    });
    expect(charged.body.data).toMatchObject({ amount: 30, merchant: 'Hotel', status: 'completed' });
    expect((await client.cards.retrieve(card)).balance?.value).toBe(70);
    const dispute = await client.disputes.create({
      cardId: card.id,
      transactionId: charged.body.data.id,
      textEvidence: 'Charged for a night that was cancelled.',
    });
    expect(dispute.status).toBe('pending');
    const resolved = await control('POST', `/disputes/${dispute.id}/resolve`, { status: 'accepted' });
    expect(resolved.body.data.status).toBe('accepted');
    expect((await client.cards.retrieve(card)).balance?.value).toBe(100);
  });

  it('faults: a queued fault hits the next matching request', async () => {
    const { api, control } = await overHttp();
    const queued = await control('POST', '/faults', {
      kind: 'status-503',
      match: { method: 'GET', path: '/balance' },
    });
    expect(queued.body.data).toEqual({ pending: 1 });
    expect((await api('GET', '/cards/types')).status).toBe(200);
    expect((await api('GET', '/balance')).status).toBe(503);
    expect((await api('GET', '/balance')).status).toBe(200);
    expect((await control('POST', '/faults', { kind: 'no-such-fault' })).status).toBe(400);
  });

  it('the request log has method, path, status, key and time, and never a body', async () => {
    const { api, control } = await overHttp();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 8, maxLength: 40 }), fc.uuid(), async (secret, key) => {
        const marker = `canary-${secret}`;
        await api(
          'POST',
          '/customers',
          { type: 'individual', firstName: marker, lastName: marker },
          { 'idempotency-key': key },
        );
        const log = await control('GET', '/requests');
        expect(log.text).not.toContain(JSON.stringify(marker).slice(1, -1));
        expect(log.body.data.requests.at(-1)).toEqual({
          method: 'POST',
          path: '/customers',
          status: 200,
          idempotencyKey: key,
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });
      }),
      { numRuns: 15 },
    );
  });

  it('reset puts the state, faults and log back as created, with the same program ids', async () => {
    const { client, control } = await overHttp();
    const first = (await control('GET', '/state')).body.data;
    const card = await client.cards.issue({ model: 'card', typeId: first.cardTypeIds.standalone, ...ISSUE });
    await control('POST', '/faults', { kind: 'status-500', times: 3 });
    expect((await control('POST', '/reset')).status).toBe(200);
    const after = (await control('GET', '/state')).body.data;
    expect(after).toEqual(first);
    expect((await control('GET', '/requests')).body.data.requests).toEqual([]);
    expect(after.cards.some((c: { id: string }) => c.id === card.id)).toBe(false);
    expect((await client.cards.types()).length).toBe(3);
  });

  it('takes the bearer token, answers 404 for unknown routes, and lives outside the API prefix', async () => {
    const { control, api, server } = await overHttp();
    const anonymous = await fetch(`${server.controlUrl}/requests`);
    expect(anonymous.status).toBe(401);
    expect((await control('POST', '/no/such/route')).status).toBe(404);
    const underApi = await api('POST', '/__sandbox/reset');
    expect([underApi.status, underApi.body.message]).toEqual([404, M.ROUTE_NOT_FOUND]);
    expect((await control('POST', '/customers/nobody/verify', {})).body.message).toBe(M.CUSTOMER_NOT_FOUND);
  });

  it('every documented control route answers something other than 404', async () => {
    const { control } = await overHttp();
    for (const route of CONTROL_ROUTES) {
      const res = await control(
        route.method,
        route.path.replace(':id', 'x'),
        route.method === 'GET' ? undefined : {},
      );
      expect(res.body.message ?? '').not.toMatch(/Control route not found/);
    }
  });
});
