import type { Sandbox, SandboxServer } from 'bfinance-cards/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { httpSandbox } from './http-support.js';
import { type Call, issueStandalone } from './support.js';

let running: SandboxServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function setup(options: Parameters<typeof httpSandbox>[0] = {}): Promise<{
  sandbox: Sandbox;
  call: Call;
  url: string;
  cardId: string;
}> {
  const started = await httpSandbox(options);
  running = started.server;
  const cardId = await issueStandalone(started.sandbox, started.call, 10);
  return { sandbox: started.sandbox, call: started.call, url: started.server.url, cardId };
}

function raw(url: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
}

const balanceOf = (sandbox: Sandbox): number | undefined => sandbox.state().cards[0]?.balance;

describe('sandbox faults over real HTTP', () => {
  it('latency delays the answer, then answers normally', async () => {
    const { sandbox, call } = await setup();
    sandbox.faults.next('latency', { ms: 150 });
    const started = performance.now();
    const res = await call('GET', '/cards/types');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
  });

  it('reset-before-apply drops the connection and applies nothing', async () => {
    const { sandbox, url, cardId } = await setup();
    sandbox.faults.next('reset-before-apply');
    const body = JSON.stringify({ amount: 5 });
    await expect(raw(`${url}/cards/${cardId}/topup`, sandbox.token, { body })).rejects.toThrow(TypeError);
    expect(balanceOf(sandbox)).toBe(10);
  });

  it('reset-after-apply applies, then drops the connection before any byte', async () => {
    const { sandbox, url, cardId } = await setup();
    sandbox.faults.next('reset-after-apply');
    const body = JSON.stringify({ amount: 5 });
    await expect(raw(`${url}/cards/${cardId}/topup`, sandbox.token, { body })).rejects.toThrow(TypeError);
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('a retry with the same Idempotency-Key after reset-after-apply replays instead of applying twice', async () => {
    const { sandbox, call, cardId } = await setup();
    sandbox.faults.next('reset-after-apply');
    const key = { 'idempotency-key': 'retry-me' };
    await expect(call('POST', `/cards/${cardId}/topup`, { amount: 5 }, key)).rejects.toThrow(TypeError);
    const retry = await call('POST', `/cards/${cardId}/topup`, { amount: 5 }, key);
    expect(retry.body).toEqual({ status: 'success', message: 'Card has been topped up' });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('hang-after-apply applies and never answers until the client aborts; close still finishes', async () => {
    const { sandbox, url, cardId } = await setup();
    sandbox.faults.next('hang-after-apply');
    const body = JSON.stringify({ amount: 5 });
    const signal = AbortSignal.timeout(300);
    await expect(raw(`${url}/cards/${cardId}/topup`, sandbox.token, { body, signal })).rejects.toThrow();
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('close() releases a request that is still hanging', async () => {
    const { sandbox, url, cardId } = await setup();
    sandbox.faults.next('hang-after-apply');
    const pending = raw(`${url}/cards/${cardId}/topup`, sandbox.token, {
      body: JSON.stringify({ amount: 5 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await running?.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow(TypeError);
  });

  it.each([
    ['status-500', 500, 'Internal server error'],
    ['status-502', 502, 'Bad gateway'],
    ['status-503', 503, 'Service unavailable'],
  ] as const)('%s answers the error envelope without applying', async (kind, status, message) => {
    const { sandbox, call, cardId } = await setup();
    sandbox.faults.next(kind);
    const res = await call('POST', `/cards/${cardId}/topup`, { amount: 5 });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ status: 'error', message, errorId: expect.any(String) });
    expect(balanceOf(sandbox)).toBe(10);
  });

  it('status-429 answers Retry-After: 1 by default, or the given value, without applying', async () => {
    const { sandbox, call, cardId } = await setup();
    const date = new Date(Date.now() + 5000).toUTCString();
    sandbox.faults.next('status-429');
    sandbox.faults.next('status-429', { retryAfter: date });
    const first = await call('POST', `/cards/${cardId}/topup`, { amount: 5 });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body.message).toBe('Too many requests');
    const second = await call('POST', `/cards/${cardId}/topup`, { amount: 5 });
    expect(second.headers.get('retry-after')).toBe(date);
    expect(balanceOf(sandbox)).toBe(10);
  });

  it('malformed-json applies and answers a broken JSON body', async () => {
    const { sandbox, call, cardId } = await setup();
    sandbox.faults.next('malformed-json');
    const res = await call('POST', `/cards/${cardId}/topup`, { amount: 5 });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":"success","data":');
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('truncated-body applies and closes the connection mid-body', async () => {
    const { sandbox, url, cardId } = await setup();
    sandbox.faults.next('truncated-body');
    const res = await raw(`${url}/cards/${cardId}/topup`, sandbox.token, {
      body: JSON.stringify({ amount: 5 }),
    });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    await expect(res.text()).rejects.toThrow();
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('html-page answers a proxy page with 502 without applying', async () => {
    const { sandbox, call, cardId } = await setup();
    sandbox.faults.next('html-page');
    const res = await call('POST', `/cards/${cardId}/topup`, { amount: 5 });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('<html>');
    expect(balanceOf(sandbox)).toBe(10);
  });

  it('empty-body applies and answers 200 with no body', async () => {
    const { sandbox, call, cardId } = await setup();
    sandbox.faults.next('empty-body');
    const res = await call('POST', `/cards/${cardId}/topup`, { amount: 5 });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('hits only matching requests, in order, the given number of times', async () => {
    const { sandbox, call, cardId } = await setup();
    sandbox.faults.next('status-503', { times: 2, match: { method: 'post', path: /\/topup$/ } });
    sandbox.faults.next('status-500', { match: { path: '/cards/types' } });
    expect((await call('GET', `/cards/${cardId}`)).status).toBe(200);
    expect((await call('GET', '/cards/types')).status).toBe(500);
    expect((await call('GET', '/cards/types')).status).toBe(200);
    expect((await call('POST', `/cards/${cardId}/topup`, { amount: 5 })).status).toBe(503);
    expect((await call('POST', `/cards/${cardId}/topup`, { amount: 5 })).status).toBe(503);
    expect((await call('POST', `/cards/${cardId}/topup`, { amount: 5 })).status).toBe(200);
    expect(balanceOf(sandbox)).toBe(15);
  });

  it('takes initial faults from the options and forgets them on clear()', async () => {
    const { sandbox, call } = await setup({
      faults: [{ kind: 'status-502', times: 5, match: { method: 'GET' } }],
    });
    // The setup's issue call was a POST, so all five are still queued.
    expect((await call('GET', '/balance')).status).toBe(502);
    sandbox.faults.clear();
    expect((await call('GET', '/balance')).status).toBe(200);
    expect(() => sandbox.faults.next('status-500', { times: 0 })).toThrow(RangeError);
  });

  it('adds latencyMs to every request', async () => {
    const { call } = await setup({ latencyMs: 60 });
    const started = performance.now();
    await call('GET', '/balance');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});
