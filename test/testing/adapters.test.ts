import { createSandbox, SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { server as mswServer } from '../helpers/msw.js';
import { allowLoopback, httpSandbox } from './http-support.js';
import { BASE, caller, errorBody, issueStandalone, mswSandbox } from './support.js';

describe('sandbox adapters share one state machine', () => {
  it('sees through HTTP what was done through msw, and the other way round', async () => {
    const sandbox = createSandbox({ seed: 3 });
    mswServer.use(...(await sandbox.handlers()));
    const viaMsw = caller(BASE, sandbox.token);
    const running = await sandbox.listen();
    allowLoopback(running.url);
    const viaHttp = caller(running.url, sandbox.token);
    try {
      const id = await issueStandalone(sandbox, viaMsw, 10);
      expect((await viaHttp('GET', `/cards/${id}`)).body.data.balance.value).toBe(10);
      await viaHttp('POST', `/cards/${id}/topup`, { amount: 5 });
      expect((await viaMsw('GET', `/cards/${id}`)).body.data.balance.value).toBe(15);
      // One idempotency cache too: a key used over HTTP replays over msw.
      const key = { 'idempotency-key': 'shared' };
      await viaHttp('POST', `/cards/${id}/topup`, { amount: 5 }, key);
      const replay = await viaMsw('POST', `/cards/${id}/topup`, { amount: 5 }, key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(sandbox.state().cards[0]?.balance).toBe(20);
      expect(sandbox.requestCount()).toBe(6);
    } finally {
      await running.close();
    }
  });

  it('serves msw handlers under a custom baseUrl', async () => {
    const { sandbox, call } = await mswSandbox({ baseUrl: 'https://sandbox.example.test/api/v1/' });
    const res = await call('GET', '/cards/types');
    expect(res.status).toBe(200);
    expect(sandbox.requestCount()).toBe(1);
  });

  it('can listen more than once over the same state', async () => {
    const sandbox = createSandbox();
    const a = await sandbox.listen();
    const b = await sandbox.listen();
    allowLoopback(a.url);
    allowLoopback(b.url);
    try {
      expect(a.url).not.toBe(b.url);
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/external\/api$/);
      const id = await issueStandalone(sandbox, caller(a.url, sandbox.token), 1);
      expect((await caller(b.url, sandbox.token)('GET', `/cards/${id}`)).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('sandbox request handling', () => {
  it('refuses a missing or wrong bearer token with 401', async () => {
    const { sandbox } = await mswSandbox();
    const wrong = await caller(BASE, 'not-the-token')('GET', '/cards/types');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(errorBody('Unauthorized'));
    const none = await fetch(`${BASE}/cards/types`);
    expect(none.status).toBe(401);
    expect(sandbox.requestCount()).toBe(2);
    expect(sandbox.token).toBe('sandbox_test_token');
    expect(sandbox.token.split('.')).toHaveLength(1);
  });

  it('accepts a custom token', async () => {
    const { call } = await mswSandbox({ token: 'custom' });
    expect((await call('GET', '/balance')).status).toBe(200);
  });

  it('answers 404 for unknown routes and wrong methods, naming the closest routes', async () => {
    const { call } = await mswSandbox();
    for (const [method, path, message] of [
      ['GET', '/nope', M.ROUTE_NOT_FOUND],
      ['PUT', '/cards/types', `${M.ROUTE_NOT_FOUND}; did you mean GET /cards/types or GET /cards/:id?`],
      ['GET', '/cards/abc/unknown', `${M.ROUTE_NOT_FOUND}; did you mean GET /cards/:id?`],
    ] as const) {
      const res = await call(method, path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody(message));
    }
  });

  it('refuses bad JSON and non-object bodies with 400', async () => {
    const { sandbox, call } = await mswSandbox();
    const badJson = await call('POST', '/cards/issue', '{"typeId":');
    expect(badJson.status).toBe(400);
    expect(badJson.body).toEqual(errorBody(M.INVALID_JSON));
    const array = await call('POST', '/cards/issue', '[1,2]');
    expect(array.body).toEqual(errorBody(M.BODY_NOT_OBJECT));
    expect(sandbox.state().cards).toHaveLength(0);
  });

  it('answers 404 for paths outside /external/api on the HTTP server', async () => {
    const { server, sandbox } = await httpSandbox();
    try {
      const res = await fetch(server.url.replace('/external/api', '/cards/types'), {
        headers: { authorization: `Bearer ${sandbox.token}` },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(errorBody(M.ROUTE_NOT_FOUND));
      expect(sandbox.requestCount()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('counts requests that reach the router', async () => {
    const { sandbox, call } = await mswSandbox();
    expect(sandbox.requestCount()).toBe(0);
    await call('GET', '/balance');
    await call('GET', '/nope');
    expect(sandbox.requestCount()).toBe(2);
  });

  it('rejects an unknown card or customer in the controls', () => {
    const sandbox = createSandbox();
    expect(() => sandbox.cards.expire('nope')).toThrow('Card not found');
    expect(() => sandbox.access.grant('nope', 'cards')).toThrow('Customer not found');
    expect(() => sandbox.transactions.add('nope', { amount: 1 })).toThrow('Card not found');
    expect(() => sandbox.disputes.resolve('nope', 'closed')).toThrow('Dispute not found');
  });
});

describe('sandbox faults through msw', () => {
  it('maps resets to network errors and applies after-apply faults', async () => {
    const { sandbox, call } = await mswSandbox();
    const id = await issueStandalone(sandbox, call, 10);
    sandbox.faults.next('reset-before-apply');
    await expect(call('POST', `/cards/${id}/topup`, { amount: 5 })).rejects.toThrow(TypeError);
    expect(sandbox.state().cards[0]?.balance).toBe(10);
    sandbox.faults.next('reset-after-apply');
    await expect(call('POST', `/cards/${id}/topup`, { amount: 5 })).rejects.toThrow(TypeError);
    expect(sandbox.state().cards[0]?.balance).toBe(15);
  });

  it('hangs until the request signal aborts', async () => {
    const { sandbox } = await mswSandbox();
    sandbox.faults.next('hang-after-apply');
    const res = fetch(`${BASE}/balance`, {
      headers: { authorization: `Bearer ${sandbox.token}` },
      signal: AbortSignal.timeout(150),
    });
    await expect(res).rejects.toThrow();
  });

  it('truncates the body mid-stream', async () => {
    const { sandbox } = await mswSandbox();
    sandbox.faults.next('truncated-body');
    const res = await fetch(`${BASE}/cards/types`, { headers: { authorization: `Bearer ${sandbox.token}` } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('answers status, malformed, html and empty faults like the HTTP server', async () => {
    const { sandbox, call } = await mswSandbox();
    sandbox.faults.next('status-429');
    sandbox.faults.next('malformed-json');
    sandbox.faults.next('html-page');
    sandbox.faults.next('empty-body');
    const limited = await call('GET', '/balance');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await call('GET', '/balance')).text).toBe('{"status":"success","data":');
    const html = await call('GET', '/balance');
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html; charset=utf-8']);
    const empty = await call('GET', '/balance');
    expect([empty.status, empty.text]).toEqual([200, '']);
  });
});
