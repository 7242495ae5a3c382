import { type PageData, PagePromise } from '../../src/core/page.js';
import type { CardTransaction } from '../../src/resources/card-results.js';

/** A transaction of the fake world, with when it first appeared in the listing and last changed. */
export interface FakeTx {
  id: string;
  date: string;
  status: string;
  amount: number;
  at: number;
  appeared: number;
  changed: number;
  key: number;
}

/** What the fake varies that our sandbox never does. */
export interface FakeShape {
  /** Listing order: newest first (what the feed relies on), oldest first, or none. */
  order: 'newest' | 'oldest' | 'shuffled';
  /** Page size the server caps at, whatever `limit` asks. */
  cap: number;
  /** The server repeats the last entry of a page at the start of the next. */
  repeatLast: boolean;
}

/** mulberry32, so a fast-check seed drives the whole world. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A card's transaction listing whose world moves while it is read. */
export class FakeListing {
  readonly items: FakeTx[] = [];
  now = Date.UTC(2026, 11, 1);
  fetches = 0;
  #next = 0;
  /** Called before every page is served: the world moves between pages. */
  onFetch: () => void = () => undefined;

  constructor(
    readonly shape: FakeShape,
    readonly random: () => number,
  ) {}

  /** Adds a transaction dated `ageMs` before now, appearing now. */
  add(ageMs: number): FakeTx {
    const at = this.now - Math.max(0, Math.floor(ageMs));
    const tx: FakeTx = {
      id: `tx${String(this.#next++).padStart(5, '0')}`,
      date: new Date(at).toISOString(),
      status: 'pending',
      amount: Math.round(this.random() * 10_000) / 100,
      at,
      appeared: this.now,
      changed: this.now,
      key: this.random(),
    };
    this.items.push(tx);
    return tx;
  }

  /** Settles (or re-amounts) a random transaction. */
  change(): void {
    const tx = this.items[Math.floor(this.random() * this.items.length)];
    if (tx === undefined) return;
    if (this.random() < 0.5) tx.status = tx.status === 'pending' ? 'completed' : 'reversed';
    else tx.amount = Math.round(this.random() * 10_000) / 100;
    tx.changed = this.now;
  }

  #sorted(): FakeTx[] {
    const list = [...this.items];
    const byDate = (a: FakeTx, b: FakeTx): number => b.at - a.at || (a.id < b.id ? 1 : -1);
    if (this.shape.order === 'newest') return list.sort(byDate);
    if (this.shape.order === 'oldest') return list.sort((a, b) => -byDate(a, b));
    return list.sort((a, b) => a.key - b.key);
  }

  #page(n: number, limit: number): PageData<CardTransaction> {
    this.fetches += 1;
    // A read that never reaches the end fails loudly instead of hanging the run.
    if (this.fetches > 20_000)
      throw new Error(`runaway read: ${this.items.length} items, ${JSON.stringify(this.shape)}`);
    this.onFetch();
    const size = Math.min(limit, this.shape.cap);
    const list = this.#sorted();
    const start = (n - 1) * size;
    const slice = list.slice(start, start + size);
    const repeated = this.shape.repeatLast && n > 1 && slice.length > 0 ? list.slice(start - 1, start) : [];
    const view = ({ id, date, status, amount }: FakeTx): CardTransaction => ({ id, date, status, amount });
    return { data: [...repeated, ...slice].map(view), page: n, limit };
  }

  /** Structurally what `client.cards` offers the feed. */
  readonly lister = {
    transactions: (
      _card: unknown,
      params?: { page?: number; limit?: number },
    ): PagePromise<CardTransaction> =>
      new PagePromise(() => ({
        fetch: async (n: number) => this.#page(n, params?.limit ?? 10),
        first: params?.page ?? 1,
        signal: undefined,
      })),
  };
}
