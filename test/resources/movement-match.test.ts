import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entryTime,
  listingCurrency,
  type MovementEntry,
  type MovementQuery,
  matchEntry,
} from '../../src/resources/movement-match.js';
import { listedKind, movementKind } from '../../src/resources/reconcile-words.js';
import { OFFSETS, zoned } from './listing-fakes.js';

const AT = Date.parse('2026-12-01T10:00:00.000Z');
const WINDOW = { from: AT - 60_000, to: AT + 60_000 };
const QUERY: MovementQuery = {
  kind: 'topup',
  amount: 42.1,
  currency: 'EUR',
  note: 'Top up for travel',
  redactNote: (t) => t,
};
const EXACT: MovementEntry = {
  id: 't1',
  type: 'topup',
  amount: 42.1,
  currency: 'EUR',
  date: '2026-12-01T10:00:00Z',
  note: 'Top up for travel',
};

function verdict(change: Partial<MovementEntry>, query: MovementQuery = QUERY): string {
  return matchEntry({ ...EXACT, ...change }, query, WINDOW).verdict;
}

describe('entryTime', () => {
  it('places a zoned ISO 8601 date-time on the same instant whatever its zone or spelling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: AT - 400 * 86_400_000, max: AT + 400 * 86_400_000 }),
        fc.constantFrom(...OFFSETS),
        fc.boolean(),
        (at, offset, spaced) => {
          const text = zoned(at, offset);
          expect(entryTime(spaced ? text.replace('T', ' ') : text)).toBe(at);
        },
      ),
    );
    expect(entryTime('2026-12-01T11:00:00+0100')).toBe(AT);
    expect(entryTime('2026-12-01T11:00+01')).toBe(AT);
    expect(entryTime('2026-12-01t10:00:00.000000z')).toBe(AT);
  });

  it('names why a date cannot be placed: none, no time zone, or unreadable', () => {
    for (const date of [undefined, null, '', '   ']) expect(entryTime(date)).toBe('no date');
    for (const date of ['2026-12-01T10:00:00', '2026-12-01 10:00', '2026-12-01']) {
      expect(entryTime(date)).toBe('date without time zone');
    }
    for (const date of [
      'yesterday',
      'Tue, 01 Dec 2026 10:00:00 GMT',
      '1764583200000',
      '2026-13-45T99:00:00Z',
    ]) {
      expect(typeof entryTime(date)).toBe('string');
    }
  });

  it('does not guess the minutes of a cut-off offset: +05: may be +05:30 or +05:45', () => {
    for (const zone of ['+05:', '-01:', '+00:', '+05:3', '+0530:']) {
      expect(typeof entryTime(`2026-12-01T10:00:00${zone}`)).toBe('string');
    }
  });
});

describe('listedKind', () => {
  it('knows funding and spend spellings, and leaves anything else unknown', () => {
    expect(['TOP_UP', 'top-up', 'Deposit', 'budget_topup'].map(listedKind)).toEqual([
      'topup',
      'topup',
      'topup',
      'topup',
    ]);
    expect(['WITHDRAWAL', 'unload'].map(listedKind)).toEqual(['withdraw', 'withdraw']);
    expect(['purchase', 'REFUND', 'atm_withdrawal', 'fee'].map(listedKind)).toEqual([
      'spend',
      'spend',
      'spend',
      'spend',
    ]);
    expect(['credit', 'adjustment', '', null, undefined].map(listedKind)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(movementKind('purchase')).toBeUndefined();
    expect(movementKind('issue')).toBe('other');
  });
});

describe('matchEntry', () => {
  it('is certain only for the same kind, amount, currency, a zoned date in the window and the same note', () => {
    expect(verdict({})).toBe('certain');
    expect(verdict({ currency: 'eur', type: 'Top-Up' })).toBe('certain');
    // A listing without currencies: the same amount is still the amount sent.
    expect(verdict({ currency: undefined })).toBe('certain');
    // A status that says the movement went through, or none at all, keeps it certain.
    for (const status of ['completed', 'SUCCESS', 'Settled', null, undefined]) {
      expect(verdict({ status }), String(status)).toBe('certain');
    }
  });

  it('is never certain without the note: a listing that omits notes, or a call sent without one', () => {
    // Another caller's top-up of the same amount looks exactly the same (issue 17 part 3).
    for (const note of [null, undefined, '']) {
      expect(matchEntry({ ...EXACT, note }, QUERY, WINDOW)).toEqual({
        verdict: 'possible',
        doubts: [expect.stringMatching(/no note|another movement|may be/)],
      });
    }
    const { note: _n, ...bare } = QUERY;
    for (const note of [null, undefined]) {
      expect(matchEntry({ ...EXACT, note }, bare, WINDOW)).toEqual({
        verdict: 'possible',
        doubts: [expect.stringMatching(/the call sent no note/)],
      });
    }
  });

  it('never counts a declined, reversed or failed entry, and doubts a pending or unknown status', () => {
    for (const status of ['declined', 'REVERSED', 'failed', 'Cancelled', 'voided']) {
      expect(verdict({ status }), status).toBe('none');
    }
    expect(matchEntry({ ...EXACT, status: 'pending' }, QUERY, WINDOW)).toEqual({
      verdict: 'possible',
      doubts: [expect.stringMatching(/still go through or fail/)],
    });
    for (const status of ['queued_for_review', 'X7', '']) {
      expect(matchEntry({ ...EXACT, status }, QUERY, WINDOW), status).toEqual({
        verdict: 'possible',
        doubts: ['status unknown to the SDK'],
      });
    }
  });

  it('rules an entry out only on a certain difference', () => {
    expect(verdict({ type: 'purchase' })).toBe('none');
    expect(verdict({ type: 'withdraw' })).toBe('none');
    expect(verdict({ type: 'issue' })).toBe('none');
    expect(verdict({ amount: 42.2 })).toBe('none');
    expect(verdict({ date: '2026-12-01T09:58:59Z' })).toBe('none');
    expect(verdict({ date: '2026-12-01T10:01:01Z' })).toBe('none');
    expect(verdict({ note: 'Rent for March' })).toBe('none');
    // An unknown type with an implausible amount is not the movement either.
    expect(verdict({ type: 'credit', amount: 7 })).toBe('none');
  });

  it('counts whatever might be the movement as possible, with the reason', () => {
    const possible: Array<[Partial<MovementEntry>, RegExp]> = [
      [{ currency: 'USD' }, /in USD/],
      [{ currency: 'JPY', amount: 6622.33 }, /converted/],
      [{ currency: 'US Dollar 4111 1111 1111 1111', amount: 45 }, /another currency/],
      [{ amount: null }, /no amount/],
      [{ amount: undefined }, /no amount/],
      [{ amount: Number.NaN }, /no amount/],
      [{ amount: -42.1 }, /opposite sign/],
      [{ type: 'credit' }, /type unknown/],
      [{ type: 'balance_adjustment' }, /type unknown/],
      [{ type: 'transfer' }, /type unknown/],
      [{ type: null }, /no type/],
      [{ type: undefined }, /no type/],
      [{ date: '2026-12-01T10:00:00' }, /without time zone/],
      [{ date: '2025-01-01' }, /without time zone/],
      [{ date: 'not a date' }, /ISO 8601/],
      [{ date: null }, /no date/],
      [{ date: undefined }, /no date/],
      [{ note: 'TOP UP FOR TRAVEL' }, /case, spacing/],
      [{ note: '  Top  up for travel ' }, /case, spacing/],
      [{ note: 'Top up for tr…' }, /shortened/],
      [{ note: 'Top up' }, /shortened/],
      [{ note: 'API: Top up for travel (card 1111)' }, /shortened or rewritten/],
    ];
    for (const [change, reason] of possible) {
      const match = matchEntry({ ...EXACT, ...change }, QUERY, WINDOW);
      expect(match, JSON.stringify(change)).toEqual({
        verdict: 'possible',
        doubts: [expect.stringMatching(reason)],
      });
    }
    // The doubt names a currency only when it is a plain code (server text never leaks into it).
    const odd = matchEntry({ ...EXACT, currency: 'US Dollar 4111 1111 1111 1111' }, QUERY, WINDOW);
    expect(JSON.stringify(odd)).not.toContain('4111');
  });

  it('takes a note with masked digits, or any note when the call sent none, as possible', () => {
    const query = { ...QUERY, note: 'order 1001' };
    expect(verdict({ note: 'order ****' }, query)).toBe('possible');
    expect(verdict({ note: 'order 1002' }, query)).toBe('none');
    const { note: _n, ...bare } = QUERY;
    expect(verdict({ note: 'Top up via API' }, bare)).toBe('possible');
    expect(verdict({ note: null }, bare)).toBe('possible');
  });

  it('without the call currency, a different amount may be converted', () => {
    const { currency: _c, ...query } = QUERY;
    expect(verdict({ amount: 45.67 }, query)).toBe('possible');
    expect(verdict({}, query)).toBe('certain');
    expect(verdict({ status: 'declined' }, query)).toBe('none');
  });

  it('never turns possible into none by adding a doubt (property)', () => {
    const doubtful = fc.record({
      type: fc.constantFrom<MovementEntry['type']>('topup', 'credit', null, undefined),
      amount: fc.constantFrom<MovementEntry['amount']>(42.1, null, undefined, -42.1),
      currency: fc.constantFrom<MovementEntry['currency']>('EUR', 'USD', null, undefined),
      date: fc.constantFrom<MovementEntry['date']>('2026-12-01T10:00:00Z', '2026-12-01', 'garbage', null),
      note: fc.constantFrom<MovementEntry['note']>('Top up for travel', 'top up for', null, undefined),
      status: fc.constantFrom<MovementEntry['status']>('completed', 'pending', 'weird', null, undefined),
    });
    fc.assert(
      fc.property(doubtful, (change) => {
        expect(matchEntry({ ...EXACT, ...change }, QUERY, WINDOW).verdict).not.toBe('none');
      }),
    );
  });
});

describe('listingCurrency', () => {
  const { currency: _c, ...query } = QUERY;
  const purchase = (currency: string): MovementEntry => ({
    ...EXACT,
    id: `p-${currency}`,
    type: 'purchase',
    currency,
  });
  const old = (currency: string): MovementEntry => ({
    ...EXACT,
    id: `o-${currency}`,
    date: '2026-11-01T10:00:00Z',
    currency,
  });

  it('is the one currency of entries that surely are other movements', () => {
    expect(listingCurrency([purchase('EUR'), old('eur'), { ...EXACT, currency: 'USD' }], query, WINDOW)).toBe(
      'EUR',
    );
    expect(listingCurrency([purchase('EUR'), old('USD')], query, WINDOW)).toBeUndefined();
    // The candidates themselves never decide it: a lone converted entry stays possible.
    expect(listingCurrency([{ ...EXACT, currency: 'JPY', amount: 6622.33 }], query, WINDOW)).toBeUndefined();
    // An unknown type may be the movement, so it does not count either.
    expect(listingCurrency([{ ...EXACT, type: 'credit', currency: 'JPY' }], query, WINDOW)).toBeUndefined();
  });
});
