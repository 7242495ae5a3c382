import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomeUnknownError } from '../../src/core/errors.js';
import { size } from '../reliability/config.js';
import {
  type ApiShape,
  apiClient,
  FakeApi,
  history,
  type Order,
  type PageCount,
  thrown,
} from './fake-api.js';

// Finding 2 of the adversarial review: a server that honours a smaller page size than the SDK asks
// for, lists oldest first or unsorted, and reports no page count or a wrong one. reconcile() must
// never answer `not-applied` for a top-up the server applied, and iteration must read every entry.

const shape: fc.Arbitrary<ApiShape> = fc.record({
  cap: fc.oneof(fc.constantFrom(1, 2, 20), fc.integer({ min: 1, max: 49 })),
  order: fc.constantFrom<Order>('asc', 'desc', 'shuffled'),
  count: fc.constantFrom<PageCount>('absent', 'right', 'small', 'large', 'one'),
  applies: fc.constant(true),
});

async function unknownTopUp(api: FakeApi): Promise<OutcomeUnknownError> {
  // With a note: only the note tells the call's own top-up from another of the same amount.
  const error = await thrown(apiClient(api).funds.topUp('c1', { amount: 42.1, note: 'order 1001' }));
  expect(error).toBeInstanceOf(OutcomeUnknownError);
  return error as OutcomeUnknownError;
}

describe('2. reconcile() and iteration against servers that cap, reorder and miscount listings', () => {
  it('an applied top-up is never not-applied, whatever the page cap, order and page count', async () => {
    await fc.assert(
      fc.asyncProperty(shape, fc.integer({ min: 0, max: 70 }), async (s, n) => {
        const api = new FakeApi({ shape: s, rows: history(n) });
        const answer = await (await unknownTopUp(api)).reconcile({ clockSkewMs: 0, settleMs: 0 });
        expect(answer.status).not.toBe('not-applied');
        expect(['applied', 'still-unknown']).toContain(answer.status);
        if (answer.status === 'still-unknown') expect(answer.evidence.complete).toBe(false);
      }),
      { numRuns: size(200, 25) },
    );
  });

  it('a cap of 20 (limit 50 asked), oldest first, no page count: the applied top-up is found', async () => {
    const api = new FakeApi({
      shape: { cap: 20, order: 'asc', count: 'absent', applies: true },
      rows: history(45),
    });
    const answer = await (await unknownTopUp(api)).reconcile({ clockSkewMs: 0, settleMs: 0 });
    expect(answer.status).toBe('applied');
    expect(answer.evidence.matches.map((m) => m.id)).toEqual(['the-top-up']);
  });

  it('a cap of 1, oldest first, totalPages 1 (a wrong count): the applied top-up is never not-applied', async () => {
    const api = new FakeApi({
      shape: { cap: 1, order: 'asc', count: 'one', applies: true },
      rows: history(9),
    });
    const answer = await (await unknownTopUp(api)).reconcile({ clockSkewMs: 0, settleMs: 0 });
    expect(answer.status).not.toBe('not-applied');
  });

  it('a dropped top-up on a fully readable listing answers not-applied (the test can fail both ways)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 49 }),
        fc.constantFrom<Order>('asc', 'desc', 'shuffled'),
        fc.integer({ min: 1, max: 60 }),
        async (cap, order, n) => {
          const api = new FakeApi({
            shape: { cap, order, count: 'right', applies: false },
            rows: history(n),
          });
          const answer = await (await unknownTopUp(api)).reconcile({ clockSkewMs: 0, settleMs: 0 });
          expect(answer.status).toBe('not-applied');
          expect(answer.evidence.complete).toBe(true);
        },
      ),
      { numRuns: size(100, 15) },
    );
  });

  it('for await over cards.transactions yields every entry exactly once, whatever the cap, order and count', async () => {
    await fc.assert(
      fc.asyncProperty(
        shape,
        fc.integer({ min: 0, max: 70 }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        async (s, n, limit) => {
          const api = new FakeApi({ shape: s, rows: history(n) });
          const ids: string[] = [];
          const client = apiClient(api);
          const listing =
            limit === undefined
              ? client.cards.transactions('c1')
              : client.cards.transactions('c1', { limit });
          for await (const tx of listing) ids.push(tx.id);
          expect([...ids].sort()).toEqual(api.rows.map((r) => r.id).sort());
        },
      ),
      { numRuns: size(200, 25) },
    );
  });

  it('a cap of 7 below the default limit, oldest first, no page count: iteration reads all 45 entries', async () => {
    const api = new FakeApi({
      shape: { cap: 7, order: 'asc', count: 'absent', applies: true },
      rows: history(45),
    });
    const ids: string[] = [];
    for await (const tx of apiClient(api).cards.transactions('c1')) ids.push(tx.id);
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
  });

  it("issue 17: another worker's top-up of the same amount, listed without notes, is still-unknown (it answered applied)", async () => {
    const api = new FakeApi({
      shape: { cap: 1000, order: 'desc', count: 'right', applies: false },
      rows: history(5),
    });
    const error = await unknownTopUp(api);
    // Another worker's top-up lands in the call's window; the listing shows no notes.
    api.rows.push({ id: 'other-worker', at: Date.now(), type: 'topup', amount: 42.1, note: null });
    const answer = await error.reconcile({ clockSkewMs: 0, settleMs: 0 });
    expect(answer.status).toBe('still-unknown');
    expect(answer.summary).toContain('unique note');
  });

  it("issue 17: a declined entry with the call's own note is not an application (it answered applied)", async () => {
    for (const status of ['declined', 'REVERSED', 'failed']) {
      const api = new FakeApi({
        shape: { cap: 1000, order: 'desc', count: 'right', applies: false },
        rows: history(5),
      });
      const error = await unknownTopUp(api);
      api.rows.push({
        id: 'declined',
        at: Date.now(),
        type: 'topup',
        amount: 42.1,
        note: 'order 1001',
        status,
      });
      const answer = await error.reconcile({ clockSkewMs: 0, settleMs: 0 });
      expect(answer.status, status).toBe('not-applied');
    }
  });
});
