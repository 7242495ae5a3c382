import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { OutcomeUnknownError } from '../../src/core/errors.js';
import { type OrderMode, type PastMode, zoned } from './listing-fakes.js';

// reconcile() and list iteration through the public client, against an in-memory API whose
// listings cap the page size below the SDK's limit, in any order, with any page count.

const BASE = 'https://api.example.test/external/api';
const DAY = 86_400_000;

interface FakeApi {
  cap: number;
  order: OrderMode;
  totalPages: 'absent' | 'right' | 'small' | 'large';
  past: PastMode;
  /** Whether the top-up the SDK sends is applied before the answer is lost. */
  applies: boolean;
}

interface Row {
  id: string;
  at: number;
  type: string;
  amount: number;
  note?: string;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake API: the card `c1` (EUR), budget `b1`; every money POST answers 502 after (maybe) applying. */
function fakeApi(api: FakeApi, old: Row[]): { fetch: typeof fetch; rows: Row[] } {
  const rows = [...old];
  const keys = rows.map((_, i) => (i * 7919) % 101);
  const listing = (): Row[] => {
    const out = [...rows];
    if (api.order === 'asc') out.sort((a, b) => a.at - b.at);
    if (api.order === 'desc') out.sort((a, b) => b.at - a.at);
    if (api.order === 'shuffled')
      out.sort((a, b) => (keys[rows.indexOf(a)] ?? 0) - (keys[rows.indexOf(b)] ?? 0));
    return out;
  };
  const page = (url: URL): { items: Row[]; page: number; totalPages?: number } => {
    const n = Number(url.searchParams.get('page'));
    const size = Math.min(api.cap, Number(url.searchParams.get('limit')));
    const all = listing();
    const last = Math.ceil(all.length / size);
    let items = all.slice((n - 1) * size, n * size);
    if (items.length === 0 && api.past === 'repeat-last' && last > 0) {
      items = all.slice((last - 1) * size, last * size);
    }
    const counts = {
      absent: undefined,
      right: Math.max(1, last),
      small: Math.max(1, last - 2),
      large: last + 4,
    };
    const totalPages = counts[api.totalPages];
    return totalPages === undefined ? { items, page: n } : { items, page: n, totalPages };
  };
  const send = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname.slice(new URL(BASE).pathname.length);
    const method = init?.method ?? 'GET';
    if (method === 'POST' && (path === '/cards/c1/topup' || path === '/budgets/b1/topup')) {
      const body = JSON.parse(String(init?.body)) as { amount: number; note?: string };
      if (api.applies) {
        rows.push({
          id: 'applied',
          at: Date.now(),
          type: 'topup',
          amount: body.amount,
          ...(body.note ? { note: body.note } : {}),
        });
      }
      return json(502, { status: 'error', message: 'Bad gateway' });
    }
    if (path === '/cards/c1') {
      return json(200, {
        status: 'success',
        data: {
          id: 'c1',
          maskedCardNumber: '**** **** **** 1111',
          currency: 'EUR',
          status: 'active',
          balance: { value: 10, currency: 'EUR' },
        },
      });
    }
    if (path === '/cards/c1/transactions') {
      const { items, totalPages } = page(url);
      const transactions = items.map((r) => ({
        id: r.id,
        amount: r.amount,
        currency: 'EUR',
        usdAmount: r.amount,
        merchant: null,
        status: 'completed',
        type: r.type,
        date: zoned(r.at, 60),
        transactionId: r.id,
        declineReason: null,
        note: r.note ?? null,
      }));
      return json(200, {
        status: 'success',
        data: { transactions, ...(totalPages === undefined ? {} : { totalPages }) },
      });
    }
    if (path === '/budgets/b1/transactions') {
      const { items, page: n, totalPages } = page(url);
      const transactions = items.map((r) => ({
        id: r.id,
        card: null,
        amount: r.amount,
        currency: 'USD',
        usdAmount: r.amount,
        merchant: null,
        mcc: null,
        status: 'completed',
        type: r.type,
        transactionDate: new Date(r.at).toISOString(),
        transactionId: r.id,
        fee: 0,
      }));
      const limit = Number(url.searchParams.get('limit'));
      return json(200, {
        status: 'success',
        data: { transactions, page: n, limit, ...(totalPages === undefined ? {} : { totalPages }) },
      });
    }
    return json(404, { status: 'error', message: 'Not found' });
  }) as typeof fetch;
  return { fetch: send, rows };
}

function history(n: number): Row[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    id: `old-${i}`,
    at: now - 3 * DAY + i * 60_000,
    type: i % 4 === 0 ? 'topup' : 'purchase',
    amount: 5 + i,
  }));
}

const apiShape: fc.Arbitrary<FakeApi> = fc.record({
  cap: fc.integer({ min: 1, max: 60 }),
  order: fc.constantFrom<OrderMode>('asc', 'desc', 'shuffled'),
  totalPages: fc.constantFrom<FakeApi['totalPages']>('absent', 'right', 'small', 'large'),
  past: fc.constantFrom<PastMode>('empty'),
  applies: fc.boolean(),
});

async function unknownTopUp(client: CardsClient, budget: boolean): Promise<OutcomeUnknownError> {
  const sent = budget
    ? client.funds.topUpBudget('b1', { amount: 300 })
    : client.funds.topUp('c1', { amount: 42.1, note: 'order 1001' });
  const error = await sent.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutcomeUnknownError);
  return error as OutcomeUnknownError;
}

describe('reconcile() through the client, against servers that cap and reorder listings', () => {
  it('answers applied or not-applied as the server shows, never not-applied for an applied top-up', async () => {
    await fc.assert(
      fc.asyncProperty(apiShape, fc.integer({ min: 0, max: 70 }), fc.boolean(), async (api, n, budget) => {
        const { fetch } = fakeApi(api, history(n));
        const client = new CardsClient({ apiToken: 'test-token', baseUrl: BASE, fetch, maxRetries: 0 });
        const error = await unknownTopUp(client, budget);
        const answer = await error.reconcile({ clockSkewMs: 0, settleMs: 0 });
        expect(answer.evidence.complete).toBe(true);
        // A budget top-up takes no note, so its movement cannot be told from another caller's.
        if (api.applies) expect(answer.status).toBe(budget ? 'still-unknown' : 'applied');
        else if (n > 0) expect(answer.status).toBe('not-applied');
        else expect(answer.status).toBe('still-unknown');
        if (!budget) expect(answer.evidence.reads).toEqual(['cards.transactions', 'cards.retrieve']);
      }),
      { numRuns: 60 },
    );
  });

  it('issue 11 finding 2: a server capping pages at 20 (limit 50 asked), oldest first, no longer hides the top-up', async () => {
    const { fetch } = fakeApi(
      { cap: 20, order: 'asc', totalPages: 'absent', past: 'empty', applies: true },
      history(45),
    );
    const client = new CardsClient({ apiToken: 'test-token', baseUrl: BASE, fetch, maxRetries: 0 });
    const answer = await (await unknownTopUp(client, false)).reconcile({ clockSkewMs: 0, settleMs: 0 });
    expect(answer.status).toBe('applied');
    expect(answer.evidence).toMatchObject({ complete: true, examined: 46, pages: 4 });
    expect(answer.evidence.matches).toEqual([
      expect.objectContaining({ id: 'applied', type: 'topup', amount: 42.1, note: 'order 1001' }),
    ]);
  });
});

describe('list iteration through the client reads to the true end', () => {
  it('yields every card transaction and budget transaction whatever the server cap and page count', async () => {
    await fc.assert(
      fc.asyncProperty(
        apiShape,
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom<PastMode>('empty', 'repeat-last'),
        async (api, n, limit, past) => {
          const rows = history(n);
          const { fetch } = fakeApi({ ...api, past }, rows);
          const client = new CardsClient({ apiToken: 'test-token', baseUrl: BASE, fetch, maxRetries: 0 });
          const cardIds: string[] = [];
          for await (const tx of client.cards.transactions('c1', { limit })) {
            cardIds.push(tx.id);
          }
          const budgetIds: string[] = [];
          for await (const tx of client.funds.budgetTransactions('b1', { limit })) budgetIds.push(tx.id);
          const expected = rows.map((r) => r.id).sort();
          expect([...cardIds].sort()).toEqual(expected);
          expect([...budgetIds].sort()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
