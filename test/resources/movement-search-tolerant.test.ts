import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MovementEntry } from '../../src/resources/movement-match.js';
import { findMovement } from '../../src/resources/movement-search.js';

// The tolerant reader lets a listing omit `type`, `amount` or the date. An entry that lacks what a
// match needs can never settle a call as applied, and must never let it read as not-applied.

const now = Date.now();
const call = { operation: 'funds.topUp', idempotencyKey: 'k', startedAt: now - 1_000, endedAt: now };
const old = new Date(now - 86_400_000).toISOString();
const recent = new Date(now - 500).toISOString();
const funding: MovementEntry = { id: 'f', amount: 3, type: 'topup', date: old };

async function answer(entries: MovementEntry[]) {
  return findMovement(
    call,
    {},
    { operation: 'cards.transactions', page: async (n) => ({ items: n === 1 ? entries : [] }) },
    { kind: 'topup', amount: 12.5, note: 'inv-7', redactNote: (t) => t },
  );
}

describe('findMovement over a tolerant listing', () => {
  it('answers not-applied only when every entry is readable', async () => {
    expect((await answer([funding, { id: 'p', amount: 4, type: 'purchase', date: old }])).status).toBe(
      'not-applied',
    );
  });

  it('stays still-unknown when an entry of the kind lacks its amount, or an untyped entry could be the movement', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<MovementEntry>(
          // In the call's window (or undated), so each could be the movement.
          { id: 'a', type: 'topup', date: recent },
          { id: 'b', amount: null, type: 'topup', date: recent },
          { id: 'c', amount: 12.5, date: recent },
          { id: 'd', amount: 12.5, type: null },
          { id: 'e', type: null },
        ),
        async (unreadable) => {
          const result = await answer([funding, unreadable]);
          expect(result.status).toBe('still-unknown');
        },
      ),
    );
  });

  it('still finds the movement itself among unreadable entries', async () => {
    const mine: MovementEntry = {
      id: 'm',
      amount: 12.5,
      type: 'topup',
      date: new Date(now - 500).toISOString(),
      note: 'inv-7',
    };
    // Unreadable, but dated before the call: it cannot be the movement, so it does not blur the answer.
    const result = await answer([mine, { id: 'x', type: 'topup', date: old }, funding]);
    expect(result.status).toBe('applied');
    expect(result.evidence.matches.map((m) => m.id)).toEqual(['m']);
  });

  it('answers from the listing alone when reading the card throws, before or after it returns a promise', async () => {
    const throwsNow = (): Promise<never> => {
      throw new TypeError('card read failed');
    };
    const rejects = (): Promise<never> => Promise.reject(new TypeError('card read failed'));
    for (const card of [throwsNow, rejects]) {
      const result = await findMovement(
        call,
        {},
        { operation: 'cards.transactions', page: async (n) => ({ items: n === 1 ? [funding] : [] }), card },
        { kind: 'topup', amount: 12.5, note: 'inv-7', redactNote: (t) => t },
      );
      expect(result.status).toBe('not-applied');
      expect(result.evidence.reads).toEqual(['cards.transactions']);
    }
  });
});
