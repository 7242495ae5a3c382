import { afterEach, describe, expect, it } from 'vitest';
import {
  createSandbox,
  type Sandbox,
  type SandboxFaultKind,
  type SandboxServer,
} from '../../src/testing/index.js';
import { server as msw } from '../helpers/msw.js';
import { allowLoopback } from '../testing/http-support.js';

// What this issue added to the sandbox: the fault kinds the matrix needs, over both adapters, and
// the evidence reconcile() reads (balance movements in card and budget transaction listings).

let running: SandboxServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function overHttp(): Promise<{ sandbox: Sandbox; base: string }> {
  const sandbox = createSandbox({ seed: 3 });
  running = await sandbox.listen();
  allowLoopback(running.url);
  return { sandbox, base: running.url };
}

async function overMsw(): Promise<{ sandbox: Sandbox; base: string }> {
  const base = 'https://sandbox.msw.test/external/api';
  const sandbox = createSandbox({ seed: 3, baseUrl: base });
  msw.use(...(await sandbox.handlers()));
  return { sandbox, base };
}

const auth = (sandbox: Sandbox): Record<string, string> => ({
  authorization: `Bearer ${sandbox.token}`,
  'content-type': 'application/json',
});

async function issue(sandbox: Sandbox, base: string, initialBalance = 20): Promise<string> {
  const res = await fetch(`${base}/cards/issue`, {
    method: 'POST',
    headers: auth(sandbox),
    body: JSON.stringify({
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance,
      firstName: 'Ada',
      lastName: 'Lovelace',
    }),
  });
  return ((await res.json()) as { data: { card: { id: string } } }).data.card.id;
}

describe.each([
  ['http', overHttp],
  ['msw', () => overMsw()],
] as const)('new fault kinds over %s', (_name, start) => {
  it.each<[SandboxFaultKind, number, string | undefined]>([
    ['status-400', 400, 'Bad request'],
    ['status-408', 408, 'Request timeout'],
    ['status-409', 409, 'A request with this Idempotency-Key is in progress'],
    ['status-504', 504, 'Gateway timeout'],
    ['error-envelope', 200, 'The request could not be processed'],
  ])('%s answers %i before applying anything', async (kind, status, message) => {
    const { sandbox, base } = await start();
    const id = await issue(sandbox, base);
    sandbox.faults.next(kind);
    const res = await fetch(`${base}/cards/${id}/topup`, {
      method: 'POST',
      headers: auth(sandbox),
      body: '{"amount":5}',
    });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ status: 'error', message });
    expect(sandbox.state().cards[0]?.balance).toBe(20);
    expect(sandbox.faults.pending()).toBe(0);
  });

  it('html-page takes a status; wrong-content-type and oversized-body answer after applying', async () => {
    const { sandbox, base } = await start();
    const id = await issue(sandbox, base);
    sandbox.faults.next('html-page', { status: 200 });
    const html = await fetch(`${base}/cards/${id}`, { headers: auth(sandbox) });
    expect([html.status, html.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    await html.text();
    sandbox.faults.next('wrong-content-type');
    const plain = await fetch(`${base}/cards/${id}/topup`, {
      method: 'POST',
      headers: auth(sandbox),
      body: '{"amount":5}',
    });
    expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await plain.json()).toEqual({ status: 'success', message: 'Card has been topped up' });
    sandbox.faults.next('oversized-body', { bytes: 70_000 });
    const big = await fetch(`${base}/cards/${id}/topup`, {
      method: 'POST',
      headers: auth(sandbox),
      body: '{"amount":5}',
    });
    const text = await big.text();
    expect(text.length).toBe(70_000);
    expect(JSON.parse(text)).toMatchObject({ status: 'success' });
    expect(sandbox.state().cards[0]?.balance).toBe(30);
    expect(() => sandbox.faults.next('html-page', { status: 99 })).toThrow(RangeError);
    expect(() => sandbox.faults.next('oversized-body', { bytes: 0 })).toThrow(RangeError);
  });

  it('stall-body sends half the body and then nothing; short-body half and then ends', async () => {
    const { sandbox, base } = await start();
    const id = await issue(sandbox, base);
    sandbox.faults.next('stall-body');
    const stalled = await fetch(`${base}/cards/${id}/topup`, {
      method: 'POST',
      headers: auth(sandbox),
      body: '{"amount":5}',
    });
    expect(stalled.status).toBe(200);
    const reader = (stalled.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    const next = await Promise.race([
      reader.read(),
      new Promise((resolve) => setTimeout(() => resolve('stalled'), 200)),
    ]);
    expect(next).toBe('stalled');
    reader.cancel().catch(() => undefined);
    sandbox.faults.next('short-body');
    const short = await fetch(`${base}/cards/${id}/topup`, {
      method: 'POST',
      headers: auth(sandbox),
      body: '{"amount":5}',
    });
    // A clean close before Content-Length is reached: fetch either fails or hands over half a body.
    const body = await short.text().catch(() => undefined);
    if (body !== undefined) expect(() => JSON.parse(body)).toThrow();
    expect(sandbox.state().cards[0]?.balance).toBe(30);
  });
});

describe('balance movements in the listings (an inference, documented in state-funds.ts)', () => {
  it('lists the initial balance, top-ups with their note and withdrawals, newest first, after merchant activity', async () => {
    const { sandbox, base } = await overMsw();
    const id = await issue(sandbox, base, 20);
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: auth(sandbox), body: JSON.stringify(body) });
    await post(`/cards/${id}/topup`, { amount: 12.5, note: 'travel' });
    await post(`/cards/${id}/withdraw`, { amount: 2 });
    sandbox.transactions.add(id, { amount: 3, merchant: 'Coffee' });
    const res = await fetch(`${base}/cards/${id}/transactions?limit=10`, { headers: auth(sandbox) });
    const { transactions } = (
      (await res.json()) as { data: { transactions: Array<Record<string, unknown>> } }
    ).data;
    expect(transactions.map((t) => [t.type, t.amount, t.note ?? null])).toEqual([
      ['purchase', 3, null],
      ['withdraw', 2, null],
      ['topup', 12.5, 'travel'],
      ['issue', 20, null],
    ]);
    expect(transactions[1]).toMatchObject({ merchant: null, status: 'completed', declineReason: null });
    // The ledger snapshot keeps its shape: the listing ids stay internal, the note is kept.
    expect(sandbox.state().ledger.find((e) => e.kind === 'topup')).toEqual({
      kind: 'topup',
      amount: 12.5,
      currency: 'USD',
      cardId: id,
      note: 'travel',
      at: expect.any(String),
    });
  });

  it('lists budget top-ups with no card', async () => {
    const { sandbox, base } = await overMsw();
    const budgetId = sandbox.budgetIds[0] ?? '';
    await fetch(`${base}/budgets/${budgetId}/topup`, {
      method: 'POST',
      headers: auth(sandbox),
      body: '{"amount":25.5}',
    });
    const res = await fetch(`${base}/budgets/${budgetId}/transactions`, { headers: auth(sandbox) });
    const data = ((await res.json()) as { data: { transactions: Array<Record<string, unknown>> } }).data;
    expect(data.transactions).toEqual([
      expect.objectContaining({ card: null, type: 'topup', amount: 25.5, merchant: null, mcc: null, fee: 0 }),
    ]);
  });
});
