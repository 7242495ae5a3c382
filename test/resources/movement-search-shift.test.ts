import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallWindow, Reconciliation } from '../../src/core/outcome/contract.js';
import { reconcileSettled } from '../../src/core/outcome/settle.js';
import type { MovementEntry, MovementQuery } from '../../src/resources/movement-match.js';
import { findMovement } from '../../src/resources/movement-search.js';
import { type ListingEvent, listingEvents, liveListing, type OrderMode } from './listing-fakes.js';

// Issue 17 part 3: a live listing changes while reconcile() reads it. A pending authorisation that
// expires shifts a newest-first listing up by one, so the entry at a page boundary moves onto a page
// already read; a new purchase shifts it down. Whatever happens between page reads, the verdict
// must agree with the bank: never not-applied for an applied top-up, never applied for one that
// was not.

const MINUTE = 60_000;
const NOTE = 'order 1001';
const QUERY: MovementQuery = {
  kind: 'topup',
  amount: 42.1,
  currency: 'EUR',
  note: NOTE,
  takesNote: true,
  redactNote: (t) => t,
};

function callAt(now: number): CallWindow {
  return {
    operation: 'funds.topUp',
    idempotencyKey: 'k-shift',
    startedAt: now - MINUTE,
    endedAt: now - 30_000,
  };
}

function row(id: string, at: number, extra: Partial<MovementEntry> = {}): MovementEntry {
  return {
    id,
    type: 'purchase',
    amount: 7.5,
    currency: 'EUR',
    date: new Date(at).toISOString(),
    status: 'completed',
    ...extra,
  };
}

/** reconcile() as the error runs it: reads settled by `reconcileSettled`, a settle window of 0 ms. */
function reconcile(
  now: number,
  page: (n: number) => ReturnType<ReturnType<typeof liveListing>['page']>,
): Promise<Reconciliation> {
  return reconcileSettled(callAt(now), { clockSkewMs: 0, settleMs: 0 }, (call, options) =>
    findMovement(call, options, { operation: 'cards.transactions', page }, QUERY),
  );
}

describe('reconcile() over a listing that shifts between page reads', () => {
  it('finds the top-up a pending authorisation expiring above it would have skipped (it answered not-applied)', async () => {
    const now = Date.now();
    const rows = [
      row('auth', now - 1_000, { status: 'pending' }),
      row('x1', now - 2_000),
      row('call', now - 40_000, { type: 'topup', amount: 42.1, note: NOTE }),
      ...Array.from({ length: 4 }, (_, i) =>
        row(`old-${i}`, now - 86_400_000 - i, { type: 'topup', amount: 5 }),
      ),
    ];
    // Pages of 2, newest first: the authorisation expires after page 1 is read, so `call` moves up
    // from the top of page 2 to the bottom of page 1.
    const { page, calls } = liveListing(
      rows,
      2,
      [{ after: 1, op: 'delete', at: 0 }],
      new Set(['call', 'x1']),
    );
    const answer = await reconcile(now, page);
    expect(answer.status).toBe('applied');
    expect(answer.evidence.matches.map((m) => m.id)).toEqual(['call']);
    // Page 1 was read again after page 2, found changed, and the reading started over.
    expect(calls.slice(0, 4)).toEqual([1, 2, 1, 1]);
  });

  it.each([
    ['reconcile() (two reads a settle window apart), up to 3 changes', 3, true],
    ['one listing read alone, 1 change', 1, false],
  ] as const)(
    'agrees with the bank whatever entries are deleted or inserted between page reads: %s (property)',
    async (_name, changes, settled) => {
      const scenario = fc.record({
        applied: fc.boolean(),
        background: fc.integer({ min: 1, max: 40 }),
        recent: fc.integer({ min: 0, max: 8 }),
        size: fc.integer({ min: 1, max: 8 }),
        order: fc.constantFrom<OrderMode>('asc', 'desc', 'shuffled'),
        seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
        events: listingEvents(40, changes, (i) => row(`new-${i}`, Date.now(), { status: 'pending' })),
      });
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const now = Date.now();
          const rows: Array<MovementEntry & { at: number }> = [];
          // Older funding (so the listing shows top-ups at all), then recent purchases and authorisations.
          for (let i = 0; i < s.background; i++) {
            rows.push({
              ...row(`old-${i}`, now - 86_400_000 - i * MINUTE, {
                type: i % 2 ? 'purchase' : 'topup',
                amount: 5 + i,
              }),
              at: now - 86_400_000 - i * MINUTE,
            });
          }
          for (let i = 0; i < s.recent; i++) {
            const at = now - i * 5_000;
            rows.push({ ...row(`auth-${i}`, at, { status: i % 2 ? 'pending' : 'declined' }), at });
          }
          if (s.applied)
            rows.push({
              ...row('call', now - 40_000, { type: 'topup', amount: 42.1, note: NOTE }),
              at: now - 40_000,
            });
          const key = (id: string): number =>
            s.seed[[...id].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % s.seed.length] ?? 0;
          if (s.order === 'asc') rows.sort((a, b) => a.at - b.at);
          if (s.order === 'desc') rows.sort((a, b) => b.at - a.at);
          if (s.order === 'shuffled') rows.sort((a, b) => key(a.id) - key(b.id));
          const events: ListingEvent[] = s.events;
          const { page } = liveListing(
            rows.map(({ at: _at, ...e }) => e),
            s.size,
            events,
            new Set(['call']),
          );
          const answer = settled
            ? await reconcile(now, page)
            : await findMovement(
                callAt(now),
                { clockSkewMs: 0 },
                { operation: 'cards.transactions', page },
                QUERY,
              );
          if (s.applied) expect(answer.status, answer.summary).not.toBe('not-applied');
          else expect(answer.status, answer.summary).not.toBe('applied');
          // A listing that holds still is decided.
          if (events.length === 0) expect(answer.status).toBe(s.applied ? 'applied' : 'not-applied');
          if (settled && answer.status === 'not-applied') expect(answer.evidence.rounds).toBe(2);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('says so, and stays still-unknown, when the listing keeps shifting', async () => {
    const now = Date.now();
    const rows = Array.from({ length: 6 }, (_, i) =>
      row(`old-${i}`, now - 86_400_000 - i, { type: 'topup', amount: 5 }),
    );
    // A new authorisation lands on top before every other request.
    const events = Array.from(
      { length: 60 },
      (_, i): ListingEvent => ({
        after: 2 * i + 1,
        op: 'insert',
        at: 0,
        entry: row(`new-${i}`, now, { status: 'pending' }),
      }),
    );
    const answer = await reconcile(now, liveListing(rows, 2, events).page);
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence.complete).toBe(false);
    expect(answer.evidence.incomplete).toContain('shifted while it was read');
  });
});
