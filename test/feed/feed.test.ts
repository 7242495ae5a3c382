import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { PagePromise } from '../../src/core/page.js';
import { budgetTransactionsSince, type FeedEntry, transactionsSince } from '../../src/feed/index.js';
import type { CardTransaction } from '../../src/resources/card-results.js';
import type { BudgetTransaction } from '../../src/resources/funds-schemas.js';
import { FakeListing, type FakeShape, rng } from './fake-listing.js';

const MINUTE = 60_000;
const LATE = 6 * 60 * MINUTE;

const shapeArb: fc.Arbitrary<FakeShape> = fc.record({
  order: fc.constantFrom('newest', 'newest', 'oldest', 'shuffled'),
  cap: fc.integer({ min: 1, max: 12 }),
  repeatLast: fc.boolean(),
});

interface Scenario {
  seed: number;
  shape: FakeShape;
  limit: number;
  reads: number;
  /** Chance per page served that a transaction arrives, that one changes, and that it is late. */
  arrive: number;
  change: number;
  late: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer(),
  shape: shapeArb,
  limit: fc.integer({ min: 1, max: 15 }),
  reads: fc.integer({ min: 1, max: 6 }),
  arrive: fc.double({ min: 0, max: 0.8, noNaN: true }),
  change: fc.double({ min: 0, max: 0.5, noNaN: true }),
  late: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

/** Builds the world and makes it move: time passes, transactions arrive (some late), some change. */
function world(s: Scenario): FakeListing {
  const random = rng(s.seed);
  const listing = new FakeListing(s.shape, random);
  const move = (): void => {
    listing.now += Math.floor(random() * 20 * MINUTE);
    // A bounded world: in one that grows faster than pages are read, no read ever ends.
    if (listing.items.length < 150 && random() < s.arrive)
      listing.add(random() < s.late ? LATE * (1.2 + random()) : random() * LATE * 0.9);
    if (random() < s.change) listing.change();
  };
  for (let i = 0; i < 12; i++) move();
  listing.onFetch = move;
  return listing;
}

type Delivered = Map<string, Array<FeedEntry<CardTransaction>>>;

async function run(s: Scenario, maxIds: number): Promise<{ listing: FakeListing; delivered: Delivered }> {
  const listing = world(s);
  const delivered: Delivered = new Map();
  let cursor: string | undefined;
  const read = async (): Promise<void> => {
    const result = await transactionsSince(listing.lister, 'card', cursor, {
      latenessMs: LATE,
      pageSize: s.limit,
      maxIds,
    });
    for (const tx of result.transactions) delivered.set(tx.id, [...(delivered.get(tx.id) ?? []), tx]);
    cursor = result.cursor;
    expect(cursor.length).toBeLessThanOrEqual(100 + maxIds * 60);
  };
  for (let i = 0; i < s.reads; i++) await read();
  // The world stops: one more read must bring what is still owed.
  listing.onFetch = () => undefined;
  await read();
  return { listing, delivered };
}

function neverTwice(delivered: Delivered): void {
  for (const [id, list] of delivered) {
    expect(list[0]?.update, id).toBe(false);
    expect(
      list.filter((tx) => !tx.update),
      id,
    ).toHaveLength(1);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      expect(a?.status !== b?.status || a?.amount !== b?.amount, `${id} delivered again unchanged`).toBe(
        true,
      );
    }
  }
}

describe('transactionsSince against listings that move', () => {
  it('delivers every transaction that appears within the bound, once, and its later changes as updates', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const { listing, delivered } = await run(s, 100_000);
        neverTwice(delivered);
        for (const tx of listing.items) {
          if (tx.appeared - tx.at > LATE) continue;
          const list = delivered.get(tx.id);
          expect(list, `${tx.id} (${s.shape.order}) never delivered`).toBeDefined();
          if (tx.changed - tx.at <= LATE) {
            const last = list?.at(-1);
            expect([last?.status, last?.amount], `${tx.id} last change missing`).toEqual([
              tx.status,
              tx.amount,
            ]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never delivers a transaction twice unmarked, even with a cursor capped at a few ids', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer({ min: 1, max: 6 }), async (s, maxIds) => {
        const { delivered } = await run(s, maxIds);
        neverTwice(delivered);
      }),
      { numRuns: 100 },
    );
  });

  it('stops early on a listing it has seen newest first, and reads to the end of one that is not', async () => {
    const pagesRead = async (order: FakeShape['order']): Promise<number> => {
      const listing = new FakeListing({ order, cap: 5, repeatLast: false }, rng(7));
      for (let i = 0; i < 100; i++) {
        listing.now += MINUTE;
        listing.add(LATE * 3 * rng(i)());
      }
      const first = await transactionsSince(listing.lister, 'card', undefined, {
        latenessMs: LATE,
        pageSize: 5,
      });
      expect(first.transactions).toHaveLength(100);
      listing.now += MINUTE;
      listing.add(0);
      listing.fetches = 0;
      const next = await transactionsSince(listing.lister, 'card', first.cursor, {
        latenessMs: LATE,
        pageSize: 5,
      });
      expect(next.transactions.map((tx) => tx.update)).toEqual([false]);
      return listing.fetches;
    };
    expect(await pagesRead('newest')).toBeLessThan(21);
    expect(await pagesRead('oldest')).toBe(22);
  });
});

describe('transactionsSince options and cursor', () => {
  const listing = (): FakeListing => {
    const l = new FakeListing({ order: 'newest', cap: 10, repeatLast: false }, rng(1));
    for (let i = 0; i < 5; i++) l.add(i * MINUTE);
    return l;
  };

  it("start: 'now' delivers nothing at first, then only what arrives later", async () => {
    const l = listing();
    const first = await transactionsSince(l.lister, 'card', undefined, { start: 'now' });
    expect(first.transactions).toEqual([]);
    l.now += MINUTE;
    const fresh = l.add(0);
    const next = await transactionsSince(l.lister, 'card', first.cursor);
    expect(next.transactions.map((tx) => tx.id)).toEqual([fresh.id]);
  });

  it('delivers oldest first and accepts a client with `cards`', async () => {
    const l = listing();
    const result = await transactionsSince({ cards: l.lister }, 'card');
    const dates = result.transactions.map((tx) => tx.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('rejects a cursor it did not make, and bad options, with a ValidationError before reading', async () => {
    const l = listing();
    for (const bad of ['', 'not-a-cursor', btoa('{"v":2}'), btoa('{"v":1,"f":null,"o":1,"s":[[1,2,3]]}')]) {
      await expect(transactionsSince(l.lister, 'card', bad)).rejects.toBeInstanceOf(ValidationError);
    }
    for (const options of [{ latenessMs: -1 }, { maxIds: 0 }, { pageSize: 1.5 }, { start: 'later' as 'now' }])
      await expect(transactionsSince(l.lister, 'card', undefined, options)).rejects.toBeInstanceOf(
        ValidationError,
      );
    expect(l.fetches).toBe(0);
  });

  it('keeps the cursor under its bound however many transactions it has seen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 300 }),
        async (maxIds, count) => {
          const l = new FakeListing({ order: 'newest', cap: 100, repeatLast: false }, rng(count));
          for (let i = 0; i < count; i++) l.add(i * 1000);
          const { cursor } = await transactionsSince(l.lister, 'card', undefined, { maxIds, pageSize: 100 });
          expect(cursor.length).toBeLessThanOrEqual(100 + maxIds * 60);
          expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('budgetTransactionsSince', () => {
  it('reads transactionDate and accepts a client with `funds`', async () => {
    const items: BudgetTransaction[] = [
      { id: 'b2', transactionDate: '2026-12-01T10:00:02Z', status: 'completed', amount: 2 },
      { id: 'b1', transactionDate: '2026-12-01T10:00:01Z', status: 'completed', amount: 1 },
    ];
    const funds = {
      budgetTransactions: () =>
        new PagePromise<BudgetTransaction>(() => ({
          fetch: async (n: number) => ({ data: n === 1 ? items : [], page: n, limit: 10 }),
          first: 1,
          signal: undefined,
        })),
    };
    const first = await budgetTransactionsSince({ funds }, 'budget');
    expect(first.transactions.map((tx) => tx.id)).toEqual(['b1', 'b2']);
    items.unshift({ id: 'b3', transactionDate: '2026-12-01T10:00:03Z', status: 'pending', amount: 3 });
    (items[2] as BudgetTransaction).status = 'reversed';
    const next = await budgetTransactionsSince(funds, 'budget', first.cursor);
    expect(next.transactions.map((tx) => [tx.id, tx.update])).toEqual([
      ['b1', true],
      ['b3', false],
    ]);
  });
});
