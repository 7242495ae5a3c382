import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomeUnknownError } from '../../src/core/errors.js';
import type { CallWindow } from '../../src/core/outcome/contract.js';
import type { ListingPage } from '../../src/resources/movement-listing.js';
import type { MovementEntry, MovementQuery } from '../../src/resources/movement-match.js';
import { findMovement } from '../../src/resources/movement-search.js';
import { apiClient, FakeApi, history, type Row, thrown } from './fake-api.js';

// Independent acceptance hunt for #17 part 3: listings a bank might send where reconcile() once
// answered against the bank's truth. Each case is built from what the bank did, not from the SDK.

const NOW = Date.now();
const CALL: CallWindow = {
  operation: 'funds.topUp',
  idempotencyKey: 'k-review3',
  startedAt: NOW - 60_000,
  endedAt: NOW - 30_000,
};
const NOTE = 'order 7001';
const QUERY: MovementQuery = {
  kind: 'topup',
  amount: 25,
  currency: 'EUR',
  note: NOTE,
  takesNote: true,
  redactNote: (t) => t,
};

function entry(id: string, at: number, extra: Partial<MovementEntry> = {}): MovementEntry {
  return {
    id,
    type: 'purchase',
    amount: 3.2,
    currency: 'EUR',
    date: new Date(at).toISOString(),
    note: null,
    status: 'completed',
    ...extra,
  };
}

function pagesOf(items: MovementEntry[], size: number, totalPages?: number) {
  return async (n: number): Promise<ListingPage<MovementEntry>> => {
    const slice = items.slice((n - 1) * size, n * size);
    return totalPages === undefined ? { items: slice } : { items: slice, totalPages };
  };
}

describe('review 17: reconcile against the bank’s truth', () => {
  it('a declined attempt and the applied one under the same id: the applied one is not dropped', async () => {
    // The bank declined the first try and applied the retry, listing both under one transaction id.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('declined', 'failed', 'reversed', 'pending'),
        async (ages, size, first) => {
          const at = NOW - 45_000;
          const attempt = entry('tx-call', at, { type: 'topup', amount: 25, note: NOTE, status: first });
          const applied = { ...attempt, status: 'completed' };
          const rest = ages.map((age, i) => entry(`bg-${i}`, NOW - 5 * 60_000 - age));
          const listed = [attempt, applied, ...rest];
          const answer = await findMovement(
            CALL,
            {},
            { operation: 'cards.transactions', page: pagesOf(listed, size) },
            QUERY,
          );
          expect(answer.status).not.toBe('not-applied');
        },
      ),
    );
  });
});

describe('review 17: reconcile() through the client against a fake bank with look-alikes', () => {
  const row = fc.record({
    amount: fc.constantFrom(42.1, 42.1, 5),
    note: fc.constantFrom<string | null>('order 1001', 'ORDER  1001', 'order 1002', 'order 10011', null),
    status: fc.constantFrom<string | null>('completed', 'declined', 'pending', 'reversed', 'weird', null),
    type: fc.constantFrom('topup', 'TOP_UP', 'purchase', 'credit', 'withdraw'),
    age: fc.integer({ min: 0, max: 40_000 }),
  });
  const shape = fc.record({
    cap: fc.integer({ min: 1, max: 12 }),
    order: fc.constantFrom<'asc' | 'desc' | 'shuffled'>('asc', 'desc', 'shuffled'),
    count: fc.constantFrom<'absent' | 'right' | 'small' | 'large' | 'one'>(
      'absent',
      'right',
      'small',
      'large',
      'one',
    ),
    applies: fc.boolean(),
  });

  it('applied only when the bank applied the call, not-applied only when it did not', async () => {
    await fc.assert(
      fc.asyncProperty(
        shape,
        fc.array(row, { maxLength: 8 }),
        fc.integer({ min: 0, max: 30 }),
        async (s, others, n) => {
          const now = Date.now();
          // Other workers' movements in the call's window, some looking much like the call's.
          const rows: Row[] = [
            ...history(n),
            ...others.map((o, i) => ({
              id: `other-${i}`,
              at: now - o.age,
              type: o.type,
              amount: o.amount,
              note: o.note === 'order 1001' ? 'order 1001 b' : o.note,
              status: o.status,
            })),
          ];
          const api = new FakeApi({ shape: s, rows });
          const error = await thrown(apiClient(api).funds.topUp('c1', { amount: 42.1, note: 'order 1001' }));
          expect(error).toBeInstanceOf(OutcomeUnknownError);
          const answer = await (error as OutcomeUnknownError).reconcile({ clockSkewMs: 60_000, settleMs: 0 });
          if (answer.status === 'applied') expect(s.applies).toBe(true);
          if (answer.status === 'not-applied') expect(s.applies).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
