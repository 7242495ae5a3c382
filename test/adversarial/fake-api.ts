import { CardsClient } from '../../src/client.js';

// An in-memory bfinance for the adversarial cases of findings 2, 10, 11 and 12, reached through the
// client's `fetch` option. It varies what the sandbox never varies: the page size it honours, the
// order it lists in, the page count it reports, the text it puts in every string, and it counts
// every request so "nothing was sent" can be asserted.

/** Where the fake answers: the client's baseUrl. */
export const API_BASE = 'https://api.adversarial.test/external/api';
const API_PATH = new URL(API_BASE).pathname;

/** How the fake orders a listing. */
export type Order = 'asc' | 'desc' | 'shuffled';
/** How the fake reports a listing's page count. */
export type PageCount = 'absent' | 'right' | 'small' | 'large' | 'one';

/** One transaction the fake holds. */
export interface Row {
  id: string;
  at: number;
  type: string;
  amount: number;
  merchant?: string | null;
  declineReason?: string | null;
  note?: string | null;
  /** The transaction status it lists; `completed` when unset. */
  status?: string | null;
}

/** How the fake behaves. */
export interface ApiShape {
  /** Most rows per page, whatever `limit` the SDK asked for. */
  cap: number;
  order: Order;
  count: PageCount;
  /** Whether a top-up is applied (then answered 500) or dropped (answered 502). */
  applies: boolean;
}

/** One request as the fake saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

/** What the fake answers for the card `c1`; `card` replaces fields of its data. */
export interface FakeApiOptions {
  shape?: ApiShape;
  rows?: Row[];
  card?: Record<string, unknown>;
  /** When set, every request is answered with this status and `{status:'error', message}`. */
  failWith?: { status: number; message: string; errorId?: string };
  /** Answers every top-up with a plain success (applied), whatever the shape says. */
  topUpSucceeds?: boolean;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function wireRow(r: Row): Record<string, unknown> {
  return {
    id: r.id,
    amount: r.amount,
    currency: 'USD',
    usdAmount: r.amount,
    merchant: r.merchant ?? null,
    status: r.status === undefined ? 'completed' : r.status,
    type: r.type,
    date: new Date(r.at).toISOString(),
    transactionId: r.id,
    declineReason: r.declineReason ?? null,
    note: r.note ?? null,
  };
}

/** The fake: its `fetch`, the rows it holds (applied top-ups are appended) and every request seen. */
export class FakeApi {
  readonly requests: Seen[] = [];
  readonly rows: Row[];
  readonly #options: FakeApiOptions;
  readonly #shape: ApiShape;

  /** A fake with `options`; without a shape it honours any limit, newest first. */
  constructor(options: FakeApiOptions = {}) {
    this.#options = options;
    this.#shape = options.shape ?? { cap: 1000, order: 'desc', count: 'right', applies: true };
    this.rows = [...(options.rows ?? [])];
  }

  /** The rows in the order the fake lists them. */
  listed(): Row[] {
    const out = [...this.rows];
    const { order } = this.#shape;
    if (order === 'asc') out.sort((a, b) => a.at - b.at);
    if (order === 'desc') out.sort((a, b) => b.at - a.at);
    // A fixed scramble, the same on every read, as a server sorting by an internal id would.
    if (order === 'shuffled') out.sort((a, b) => hash(a.id) - hash(b.id));
    return out;
  }

  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : undefined;
    this.requests.push({ method, url: url.href, headers: new Headers(init.headers), body });
    const fail = this.#options.failWith;
    if (fail) {
      return json(fail.status, {
        status: 'error',
        message: fail.message,
        ...(fail.errorId ? { errorId: fail.errorId } : {}),
      });
    }
    const path = url.pathname.slice(API_PATH.length);
    if (method === 'POST' && path === '/cards/c1/topup') {
      const sent = JSON.parse(body ?? '{}') as { amount: number; note?: string };
      if (this.#options.topUpSucceeds)
        return json(200, { status: 'success', message: 'Card has been topped up' });
      if (!this.#shape.applies) return json(502, { status: 'error', message: 'Bad gateway' });
      this.rows.push({
        id: 'the-top-up',
        at: Date.now(),
        type: 'topup',
        amount: Number(sent.amount),
        ...(sent.note === undefined ? {} : { note: sent.note }),
      });
      return json(500, { status: 'error', message: 'Internal error' });
    }
    if (method === 'GET' && path === '/cards/c1') {
      return json(200, {
        status: 'success',
        data: {
          id: 'c1',
          maskedCardNumber: '**** **** **** 1111',
          currency: 'USD',
          status: 'active',
          balance: { value: 10, currency: 'USD' },
          cardHolder: { firstName: 'Ada', lastName: 'Lovelace' },
          ...this.#options.card,
        },
      });
    }
    if (method === 'GET' && path === '/cards/list') {
      const card = {
        id: 'c1',
        maskedCardNumber: '**** **** **** 1111',
        currency: 'USD',
        status: 'active',
        cardBalance: 10,
        brand: 'visa',
        cardType: 'card',
        cardHolder: { firstName: 'Ada', lastName: 'Lovelace' },
        ...this.#options.card,
      };
      return json(200, { status: 'success', data: { cards: [card], page: 1, limit: 50, totalPages: 1 } });
    }
    if (method === 'GET' && path === '/cards/c1/transactions') return this.#page(url);
    return json(404, { status: 'error', message: 'Not found' });
  };

  #page(url: URL): Response {
    const n = Number(url.searchParams.get('page') ?? '1');
    const size = Math.max(1, Math.min(this.#shape.cap, Number(url.searchParams.get('limit') ?? '1000')));
    const all = this.listed();
    const last = Math.max(1, Math.ceil(all.length / size));
    const items = all.slice((n - 1) * size, n * size);
    const counts: Record<PageCount, number | undefined> = {
      absent: undefined,
      right: last,
      small: Math.max(1, last - 2),
      large: last + 3,
      one: 1,
    };
    const totalPages = counts[this.#shape.count];
    return json(200, {
      status: 'success',
      data: { transactions: items.map(wireRow), ...(totalPages === undefined ? {} : { totalPages }) },
    });
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The API token every client of these cases carries. */
export const API_TOKEN = 'tok_adv2_Zq8c3VbN4m1XkP7w';

/** A client on `api`: no retries (each call is one request), any extra option. */
export function apiClient(api: FakeApi, options: Record<string, unknown> = {}): CardsClient {
  return new CardsClient({
    apiToken: API_TOKEN,
    baseUrl: API_BASE,
    fetch: api.fetch,
    maxRetries: 0,
    ...options,
  } as never);
}

/** `n` old rows, one a minute, ending two days ago: outside any reconcile window. */
export function history(n: number, start = Date.now() - 3 * 86_400_000): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `old-${i}`,
    at: start + i * 60_000,
    type: i % 3 === 0 ? 'topup' : 'purchase',
    amount: 5 + i,
  }));
}

/** Settles a promise into what it threw (or `undefined` when it resolved). */
export async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}
