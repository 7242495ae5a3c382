import { createSandbox } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../src/core/luhn.js';
import { httpSandbox } from './http-support.js';
import { caller, issueBudget, issueStandalone, localSandbox } from './support.js';

function resources(name: string): number {
  return process.getActiveResourcesInfo().filter((r) => r === name).length;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('sandbox server lifecycle', () => {
  it('leaves no server, socket or timer behind after close, even with requests in flight', async () => {
    await settle();
    const before = { servers: resources('TCPServerWrap'), sockets: resources('TCPSocketWrap') };
    const { sandbox, server, call } = await httpSandbox();
    const id = await issueStandalone(sandbox, call, 10);
    sandbox.faults.next('hang-after-apply');
    sandbox.faults.next('latency', { ms: 60_000 });
    const hanging = call('POST', `/cards/${id}/topup`, { amount: 5 });
    const slow = call('GET', '/balance');
    await settle();
    await server.close();
    await expect(hanging).rejects.toThrow(TypeError);
    await expect(slow).rejects.toThrow(TypeError);
    await server.close(); // idempotent
    await settle();
    expect(resources('TCPServerWrap')).toBe(before.servers);
    expect(resources('TCPSocketWrap')).toBeLessThanOrEqual(before.sockets);
  });

  it('cuts injected latency short when the client goes away, without applying', async () => {
    const sandbox = createSandbox({ latencyMs: 60_000 });
    const controller = new AbortController();
    const reply = sandbox.handle({
      method: 'POST',
      path: '/cards/issue',
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${sandbox.token}` },
      bodyText: '{}',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    await expect(reply).resolves.toEqual({ fault: 'reset' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sandbox.state().ledger).toEqual([]);
  });

  it('rejects listen on a port that is taken', async () => {
    const sandbox = createSandbox();
    const first = await sandbox.listen();
    try {
      const port = Number(new URL(first.url).port);
      await expect(sandbox.listen({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});

describe('sandbox determinism and snapshots', () => {
  async function run(seed: number): Promise<unknown[]> {
    const { sandbox, call } = localSandbox({ seed });
    const issued = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 1,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const customer = await call('POST', '/customers', { type: 'individual' });
    return [sandbox.cardTypeIds, sandbox.budgetIds, issued.body.data.card, customer.body.data.id];
  }

  it('gives the same ids, PANs and CVCs for the same seed', async () => {
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    // Expiry years follow the clock, everything else follows the seed.
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('generates unique Luhn-valid 4111 11 PANs', async () => {
    const { sandbox, call } = localSandbox();
    const pans = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const res = await call('POST', '/cards/issue', {
        typeId: sandbox.cardTypeIds.standalone,
        initialBalance: 0,
        firstName: 'Ada',
        lastName: 'Lovelace',
      });
      const pan = (res.body.data.card.cardNumber as string).replaceAll(' ', '');
      expect(pan).toMatch(/^411111\d{10}$/);
      expect(isLuhnValid(pan)).toBe(true);
      pans.add(pan);
    }
    expect(pans.size).toBe(30);
  });

  it('returns a deep-frozen snapshot without PAN, CVC or PIN', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 10);
    await issueBudget(sandbox, call);
    const sensitive = (await call('GET', `/cards/${id}/sensetive`)).body.data;
    await call('POST', `/cards/${id}/pin`, { pin: '8264' });
    const state = sandbox.state();
    const text = JSON.stringify(state);
    expect(text).not.toContain(sensitive.number.replaceAll(' ', ''));
    expect(text).not.toContain(`"${sensitive.cvc}"`);
    expect(text).not.toContain('8264');
    expect(state.cards[0]).toMatchObject({
      id,
      model: 'card',
      status: 'active',
      balance: 10,
      last4: sensitive.number.slice(-4),
      hasPin: true,
    });
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.cards)).toBe(true);
    expect(Object.isFrozen(state.cards[0])).toBe(true);
    expect(Object.isFrozen(state.ledger[0])).toBe(true);
    expect(state.ledger[0]).toEqual({
      kind: 'issue',
      amount: 10,
      currency: 'USD',
      cardId: id,
      at: expect.any(String),
    });
    expect(state.organizationBalance).toEqual({ usd: 99990, eur: 100000 });
  });

  it('never writes to the console', async () => {
    const writes: unknown[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info };
    for (const name of ['log', 'error', 'warn', 'info'] as const)
      console[name] = (...args) => writes.push(args);
    try {
      const { sandbox, server, call } = await httpSandbox();
      sandbox.faults.next('reset-after-apply');
      await call('GET', '/balance').catch(() => undefined);
      await caller(server.url, 'bad')('GET', '/balance');
      await call('POST', '/cards/issue', '{bad json');
      await server.close();
    } finally {
      Object.assign(console, original);
    }
    expect(writes).toEqual([]);
  });
});
