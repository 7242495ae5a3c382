import { Socket } from 'node:net';
import { CardsClient, NotFoundError, OutcomeUnknownError, TimeoutError } from 'bfinance-cards';
import {
  createSandbox,
  SANDBOX_MESSAGES as M,
  SANDBOX_BASE_URL,
  SANDBOX_TOKEN,
} from 'bfinance-cards/testing';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server as msw } from '../helpers/msw.js';
import { caller } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Fails the test on any socket or global fetch: the in-process path must use neither. */
function forbidNetwork(): { sockets: ReturnType<typeof vi.spyOn>; fetches: ReturnType<typeof vi.spyOn> } {
  const sockets = vi.spyOn(Socket.prototype, 'connect').mockImplementation(() => {
    throw new Error('a socket was opened');
  });
  const fetches = vi.spyOn(globalThis, 'fetch').mockImplementation(() => {
    throw new Error('the global fetch was used');
  });
  return { sockets, fetches };
}

describe('sandbox.client(): an in-process client', () => {
  it('runs a card flow with no socket, no global fetch and no msw handler', async () => {
    const { sockets, fetches } = forbidNetwork();
    const sandbox = createSandbox({ seed: 5 });
    const client = sandbox.client();
    const card = await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 10,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    await client.funds.topUp(card, { amount: 5 });
    expect((await client.cards.retrieve(card)).balance?.value).toBe(15);
    await expect(client.cards.retrieve('no-such-card')).rejects.toBeInstanceOf(NotFoundError);
    expect(sockets).not.toHaveBeenCalled();
    expect(fetches).not.toHaveBeenCalled();
    expect(sandbox.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 200',
      'POST 200',
      'GET 200',
      'GET 404',
    ]);
  });

  it('defaults to the reserved .test base URL and the sandbox token', () => {
    const sandbox = createSandbox();
    expect(sandbox.baseUrl).toBe(SANDBOX_BASE_URL);
    expect(new URL(sandbox.baseUrl).hostname.endsWith('.test')).toBe(true);
    expect(sandbox.token).toBe(SANDBOX_TOKEN);
  });

  it('never reads BFINANCE_API_TOKEN or BFINANCE_BASE_URL from the environment', async () => {
    vi.stubEnv('BFINANCE_API_TOKEN', 'a-real-token-from-the-shell');
    vi.stubEnv('BFINANCE_BASE_URL', 'https://business.bfinance.app/external/api');
    const sandbox = createSandbox({ seed: 1 });
    await sandbox.client().cards.types();
    // A 200 means the sandbox token went out to the sandbox's base URL: the shell's token would get
    // a 401, the production URL a refusal from sandbox.fetch before any router request.
    expect(sandbox.requests()).toEqual([
      expect.objectContaining({ method: 'GET', path: '/cards/types', status: 200 }),
    ]);
  });

  it('passes any client option through, e.g. a logger', async () => {
    const sandbox = createSandbox({ seed: 1 });
    const lines: unknown[] = [];
    const logger = {
      debug: (...a: unknown[]) => lines.push(a),
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    const client = sandbox.client({ logger, logLevel: 'debug' });
    await client.cards.types();
    expect(lines.length).toBeGreaterThan(0);
  });

  it('is the same as a CardsClient given the sandbox token, base URL and fetch', async () => {
    const sandbox = createSandbox({ seed: 2 });
    const client = new CardsClient({
      apiToken: sandbox.token,
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
    });
    expect((await client.cards.types()).length).toBe(3);
  });

  it('carries out faults as a network would: a reset after apply is an unknown outcome, a hang a timeout', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const client = sandbox.client({ maxRetries: 0 });
    const card = await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 10,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    sandbox.faults.next('reset-after-apply');
    const error = await client.funds.topUp(card, { amount: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(sandbox.state().cards[0]?.balance).toBe(15);
    expect(sandbox.requests().at(-1)).toMatchObject({ status: null, fault: 'reset' });
    sandbox.faults.next('hang-after-apply');
    await expect(client.cards.types({ timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('sandbox.fetch', () => {
  it('refuses every URL outside its base and control routes, without a request reaching the router', async () => {
    const sandbox = createSandbox();
    await fc.assert(
      fc.asyncProperty(fc.webUrl(), async (url) => {
        fc.pre(
          !url.startsWith(`${sandbox.baseUrl}/`) &&
            !url.startsWith(`${new URL(sandbox.baseUrl).origin}/__sandbox`),
        );
        await expect(sandbox.fetch(url)).rejects.toThrow(TypeError);
      }),
      { numRuns: 50 },
    );
    expect(sandbox.requestCount()).toBe(0);
  });

  it('refuses the control routes under the API prefix, and msw never serves them', async () => {
    const sandbox = createSandbox({ seed: 4 });
    const api = caller(sandbox.baseUrl, sandbox.token, sandbox.fetch);
    const res = await api('POST', '/__sandbox/reset');
    expect([res.status, res.body.message]).toEqual([404, M.ROUTE_NOT_FOUND]);
    msw.use(...(await sandbox.handlers()));
    const viaMsw = await caller(sandbox.baseUrl, sandbox.token)('GET', '/__sandbox/requests');
    expect([viaMsw.status, viaMsw.body.message]).toEqual([404, M.ROUTE_NOT_FOUND]);
  });

  it('serves the control routes at its origin', async () => {
    const sandbox = createSandbox({ seed: 4 });
    const control = caller(`${new URL(sandbox.baseUrl).origin}/__sandbox`, sandbox.token, sandbox.fetch);
    const api = caller(sandbox.baseUrl, sandbox.token, sandbox.fetch);
    const created = await api('POST', '/customers', {
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const id = created.body.data.id as string;
    const verified = await control('POST', `/customers/${id}/verify`, { status: 'active' });
    expect([verified.status, verified.body.data.status]).toEqual([200, 'active']);
    expect((await api('GET', `/customers/${id}`)).body.data.status).toBe('active');
  });
});
