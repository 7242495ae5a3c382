import * as fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallWindow } from '../../src/core/outcome/contract.js';
import { redact } from '../../src/core/redact/index.js';
import { LISTING_TIME_BUDGET_MS, MAX_LISTING_PAGES } from '../../src/resources/movement-listing.js';
import type { MovementEntry, MovementQuery } from '../../src/resources/movement-match.js';
import { findMovement } from '../../src/resources/movement-search.js';
import type { MovementKind } from '../../src/resources/reconcile-words.js';
import {
  ambiguousEnd,
  OFFSETS,
  OTHER_TYPES,
  type Placed,
  type ServerShape,
  serveListing,
  serverShape,
  TYPES,
  UNKNOWN_TYPES,
  zoned,
} from './listing-fakes.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A call that ran a minute ago; its window (clock skew 0) runs from then to now. */
function callAt(now: number): CallWindow {
  return {
    operation: 'funds.topUp',
    idempotencyKey: 'key-1',
    startedAt: now - MINUTE,
    endedAt: now - 30_000,
  };
}

interface Scenario {
  query: MovementQuery;
  background: Placed[];
  /** The call's movement, listed exactly, when it was applied. */
  match: Placed | undefined;
  /** A second movement that looks exactly like it. */
  twin: Placed | undefined;
  /** A look-alike the bank declined, reversed or failed: never an application. */
  declined: Placed | undefined;
  /** The call's movement as a server may rewrite it: it cannot be matched for sure. */
  rewritten: Placed | undefined;
  /** Whether the listing shows notes at all. */
  showsNotes: boolean;
  fundingSeen: boolean;
  /** When the call's window ends. */
  now: number;
  /** Whether a background entry is surely another movement (other kind, or before the window). */
  hasReference: boolean;
}

const CALL_NOTES = ['order 1001', 'Top up for travel expenses', 'INV-2026-0042 payroll'];

/** Rewrites of an entry that leave it possibly, not surely, the call's movement. */
function rewrites(entry: MovementEntry, query: MovementQuery, at: number): fc.Arbitrary<MovementEntry> {
  const amount = query.amount;
  const options: Array<fc.Arbitrary<MovementEntry>> = [
    fc.constant({ ...entry, currency: 'JPY', amount: Math.round(amount * 15_730) / 100 }),
    fc.constant({ ...entry, currency: 'USD' }),
    fc.constant({ ...entry, amount: null }),
    fc.constant({ ...entry, amount: undefined }),
    fc.constant({ ...entry, amount: -amount }),
    fc.constantFrom('pending', 'AUTHORIZED', 'on_review', 'X9').map((status) => ({ ...entry, status })),
    fc.constantFrom(...UNKNOWN_TYPES, null, undefined, '').map((type) => ({ ...entry, type })),
    fc
      .constantFrom(
        new Date(at).toISOString().slice(0, 19),
        new Date(at - 400 * DAY).toISOString().slice(0, 19),
        new Date(at).toISOString().slice(0, 10),
        'yesterday',
        '2026-13-45T99:00:00Z',
        String(at),
        null,
        undefined,
      )
      .map((date) => ({ ...entry, date })),
  ];
  const note = query.note;
  if (note !== undefined && entry.note !== undefined && entry.note !== null) {
    options.push(
      fc
        .constantFrom(
          note.toUpperCase(),
          ` ${note.replace(' ', '  ')} `,
          `${note.slice(0, Math.max(1, note.length - 5))}…`,
          note.slice(0, 3),
          `${note.slice(0, 8)}...`,
          ...(/\d/.test(note) ? [note.replace(/\d/g, '*')] : []),
        )
        .map((rewritten) => ({ ...entry, note: rewritten })),
    );
  }
  return fc.oneof(...options);
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    kind: fc.constantFrom<MovementKind>('topup', 'withdraw'),
    cents: fc.integer({ min: 101, max: 500_000 }),
    note: fc.option(fc.constantFrom(...CALL_NOTES), { nil: undefined }),
    showsNotes: fc.boolean(),
    withCurrency: fc.boolean(),
    now: fc.constant(0).map(() => Date.now()),
  })
  .chain(({ kind, cents, note, showsNotes, withCurrency, now }) => {
    const amount = cents / 100;
    const query: MovementQuery = { kind, amount, takesNote: kind === 'topup', redactNote: (t) => t };
    // Without the call's currency the search falls back on the listing's own.
    if (withCurrency) query.currency = 'EUR';
    if (note !== undefined) query.note = note;
    const from = callAt(now).startedAt;
    const inWindow = fc.integer({ min: from, max: now });
    const before = fc.integer({ min: from - 30 * DAY, max: from - 1 });
    const anyTime = fc.oneof(inWindow, before);
    const date = (at: number, offset: number): string => zoned(at, offset);
    const offset = fc.constantFrom(...OFFSETS);
    const noteOf = (i: number): string | null | undefined =>
      showsNotes ? (i % 3 === 0 ? null : `zz-${i}`) : undefined;
    const otherCents = fc.integer({ min: 1, max: 900_000 }).filter((c) => c !== cents);
    // Entries that are surely not the call's movement, whatever the reading order.
    const backgroundEntry = (i: number): fc.Arbitrary<Placed> =>
      fc
        .oneof(
          fc.record({
            type: fc.constantFrom(...OTHER_TYPES, ...TYPES[kind === 'topup' ? 'withdraw' : 'topup']),
            at: anyTime,
            c: fc.integer({ min: 1, max: 900_000 }),
            offset,
          }),
          fc.record({ type: fc.constantFrom(...TYPES[kind]), at: anyTime, c: otherCents, offset }),
          fc.record({ type: fc.constantFrom(...TYPES[kind]), at: before, c: fc.constant(cents), offset }),
          fc.record({ type: fc.constantFrom(...UNKNOWN_TYPES), at: anyTime, c: otherCents, offset }),
        )
        .map(({ type, at, c, offset: o }) => ({
          at,
          entry: {
            id: `bg-${i}`,
            type,
            amount: c / 100,
            currency: i % 2 ? 'EUR' : 'eur',
            date: date(at, o),
            note: noteOf(i),
          },
        }));
    const exact = (id: string, statuses: Array<string | null | undefined>): fc.Arbitrary<Placed> =>
      fc
        .record({
          type: fc.constantFrom(...TYPES[kind]),
          at: inWindow,
          offset,
          status: fc.constantFrom(...statuses),
        })
        .map(({ type, at, offset: o, status }) => ({
          at,
          entry: {
            id,
            type,
            amount,
            currency: 'EUR',
            date: date(at, o),
            note: showsNotes ? (note ?? null) : undefined,
            status,
          },
        }));
    const done = ['completed', 'Settled', null, undefined];
    return fc
      .record({
        background: fc
          .integer({ min: 0, max: 70 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => backgroundEntry(i)))),
        match: fc.option(exact('call', done), { nil: undefined }),
        twin: fc.option(exact('twin', done), { nil: undefined }),
        declined: fc.option(exact('declined', ['declined', 'REVERSED', 'failed']), { nil: undefined }),
        rewritten: fc.option(
          exact('rewritten', done).chain((p) =>
            rewrites(p.entry, query, p.at).map((entry) => ({ at: p.at, entry })),
          ),
          { nil: undefined },
        ),
      })
      .map(({ background, match, twin, declined, rewritten }) => ({
        query,
        background,
        match,
        twin: match ? twin : undefined,
        declined,
        rewritten,
        showsNotes,
        now,
        hasReference: background.some(
          (p) =>
            (!TYPES[kind].includes(String(p.entry.type)) && !UNKNOWN_TYPES.includes(String(p.entry.type))) ||
            p.at < callAt(now).startedAt,
        ),
        fundingSeen:
          declined !== undefined ||
          background.some(
            (p) =>
              !['purchase', 'refund', 'fee', 'chargeback', ...UNKNOWN_TYPES].includes(String(p.entry.type)),
          ),
      }));
  });

async function search(s: Scenario, shape: ServerShape, keys: number[]) {
  const listed = [...s.background, s.match, s.twin, s.declined, s.rewritten].filter(
    (p): p is Placed => p !== undefined,
  );
  const { page, ordered } = serveListing(listed, shape, keys);
  const answer = await findMovement(
    callAt(s.now),
    { clockSkewMs: 0 },
    { operation: 'cards.transactions', page },
    s.query,
  );
  return { answer, listed: ordered };
}

describe('findMovement against servers that cap, reorder and miscount their listings', () => {
  it('never answers not-applied when the movement is listed, and decides whenever the listing allows', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        serverShape,
        fc.array(fc.double({ noNaN: true }), { minLength: 80, maxLength: 80 }),
        async (s, shape, keys) => {
          const { answer, listed } = await search(s, shape, keys);
          const ambiguous = ambiguousEnd(listed.length, shape);
          const present = s.match !== undefined || s.rewritten !== undefined;
          if (present) expect(answer.status).not.toBe('not-applied');
          // The summary composes the listing's reason into a sentence: no parentheses inside parentheses.
          expect(answer.summary).not.toMatch(/\([^)]*\(/);
          if (answer.status === 'not-applied') {
            expect(answer.evidence.complete).toBe(true);
            expect(answer.evidence.matches).toEqual([]);
          }
          if (answer.status === 'applied') {
            expect(answer.evidence.complete).toBe(true);
            // The call's own movement; a rewritten currency passes only when nothing shows the call's.
            expect(answer.evidence.matches).toHaveLength(1);
            expect(['call', 'rewritten']).toContain(answer.evidence.matches[0]?.id);
          }
          if (!ambiguous) expect(answer.evidence.complete).toBe(true);
          if (ambiguous) return;
          if (s.match && s.twin) {
            expect(answer.status).toBe('still-unknown');
            expect(answer.summary).toMatch(/unique note|takes no note/);
          }
          // Only the note the call sent, listed back, tells its movement from another caller's.
          const own = s.showsNotes && s.query.note !== undefined;
          if (!own) expect(answer.status).not.toBe('applied');
          if (s.match && !own) expect(answer.summary).toMatch(/unique note|takes no note/);
          // Without any currency to compare with, a rewritten currency cannot be told from the call's.
          const comparable = s.query.currency !== undefined || s.hasReference;
          if (!present && s.fundingSeen && !comparable) expect(answer.status).not.toBe('applied');
          if (!comparable) return;
          if (s.match && !s.twin && !s.rewritten)
            expect(answer.status).toBe(own ? 'applied' : 'still-unknown');
          if (s.rewritten) {
            expect(answer.status).toBe('still-unknown');
            const item = answer.evidence.matches.find((m) => m.id === 'rewritten');
            expect(item?.doubt).toEqual(expect.any(String));
          }
          if (!present && s.fundingSeen) expect(answer.status).toBe('not-applied');
          if (!present && !s.fundingSeen) expect(answer.status).toBe('still-unknown');
        },
      ),
      { numRuns: 250 },
    );
  });
});

describe('findMovement reading bounds and early stops', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const query: MovementQuery = {
    kind: 'topup',
    amount: 42.1,
    currency: 'EUR',
    note: 'order 1001',
    redactNote: (t) => t,
  };
  // The call's own top-up carries its note; the others carry none.
  const topUp = (id: string, at: number, amount = 42.1): Placed => ({
    at,
    entry: {
      id,
      type: 'topup',
      amount,
      currency: 'EUR',
      date: new Date(at).toISOString(),
      ...(id === 'call' ? { note: 'order 1001' } : {}),
    },
  });

  it('finds the top-up on page 3 of an oldest-first listing whose server caps pages at 20 (limit 50 asked)', async () => {
    const now = Date.now();
    const old = Array.from({ length: 45 }, (_, i) => topUp(`old-${i}`, now - DAY + i * MINUTE, 5));
    const { page, calls } = serveListing(
      [...old, topUp('call', now - 10_000)],
      { cap: 20, count: 'absent', past: 'empty', order: 'asc' },
      [],
    );
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page },
      query,
    );
    expect(answer.status).toBe('applied');
    // Each page after the first is followed by a second read of the page before it.
    expect(calls).toEqual([1, 2, 1, 3, 2, 4, 3]);
    expect(answer.evidence).toMatchObject({ complete: true, pages: 4, examined: 46 });
  });

  it('stops early in a listing proven newest first once it passes the window', async () => {
    const now = Date.now();
    const old = Array.from({ length: 400 }, (_, i) => topUp(`old-${i}`, now - 2 * MINUTE - i * MINUTE, 5));
    const { page, calls } = serveListing(
      [topUp('call', now - 10_000), ...old],
      { cap: 50, count: 'absent', past: 'empty', order: 'desc' },
      [],
    );
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page },
      query,
    );
    expect(answer.status).toBe('applied');
    expect(calls).toEqual([1]);
    expect(answer.evidence.complete).toBe(true);
  });

  it('does not take a short descending run for proof of order: the match after it is still found', async () => {
    const now = Date.now();
    const run = Array.from({ length: 10 }, (_, i) => topUp(`old-${i}`, now - DAY - i * MINUTE, 5));
    const listed = [...run, topUp('call', now - 10_000)].map((p, i) => ({ ...p, at: -i }));
    const { page } = serveListing(listed, { cap: 1, count: 'absent', past: 'empty', order: 'desc' }, []);
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page },
      query,
    );
    expect(answer.status).toBe('applied');
  });

  it('says so, and stays still-unknown, when the page bound cuts the reading short', async () => {
    const now = Date.now();
    const old = Array.from({ length: MAX_LISTING_PAGES + 30 }, (_, i) =>
      topUp(`old-${i}`, now - DAY + i * 1000, 5),
    );
    const { page, calls } = serveListing(old, { cap: 1, count: 'absent', past: 'empty', order: 'asc' }, []);
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page },
      query,
    );
    expect(answer.status).toBe('still-unknown');
    expect(calls).toHaveLength(2 * MAX_LISTING_PAGES - 1);
    expect(answer.evidence.complete).toBe(false);
    expect(answer.evidence.incomplete).toContain(`${MAX_LISTING_PAGES} pages`);
    expect(answer.summary).toContain('not read to its end');
  });

  it('says so, and stays still-unknown, when the time budget runs out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Date.now();
    const old = Array.from({ length: 60 }, (_, i) => topUp(`old-${i}`, now - DAY + i * 1000, 5));
    const served = serveListing(old, { cap: 1, count: 'right', past: 'empty', order: 'asc' }, []);
    const page = async (n: number) => {
      vi.setSystemTime(Date.now() + 1_000);
      return served.page(n);
    };
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page },
      query,
    );
    expect(answer.status).toBe('still-unknown');
    // One request a second: pages and the second reads of the pages before them.
    expect(served.calls).toHaveLength(LISTING_TIME_BUDGET_MS / 1000 + 1);
    expect(answer.evidence.incomplete).toContain(`${LISTING_TIME_BUDGET_MS / 1000} s`);
    expect(answer.summary).toContain(`${LISTING_TIME_BUDGET_MS / 1000} s`);
  });

  it('keeps reading past a totalPages that the items contradict', async () => {
    const now = Date.now();
    const old = Array.from({ length: 30 }, (_, i) => topUp(`old-${i}`, now - DAY + i * 1000, 5));
    const { page, calls } = serveListing(
      [...old, topUp('call', now - 1000)],
      { cap: 5, count: 'small', past: 'empty', order: 'asc' },
      [],
    );
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page },
      query,
    );
    expect(answer.status).toBe('applied');
    expect(calls).toEqual([1, 2, 1, 3, 2, 4, 3, 5, 4, 6, 5, 7, 6, 8, 7]);
  });

  it('stays still-unknown when a later page fails, naming the failure', async () => {
    const now = Date.now();
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      {
        operation: 'cards.transactions',
        page: async (n) => {
          if (n === 2) throw new Error('socket hang up');
          return { items: [topUp('old', now - DAY, 5).entry] };
        },
      },
      query,
    );
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence).toMatchObject({ complete: false, examined: 1, error: 'the read failed' });
  });

  it('stays still-unknown for a server that ignores the page number', async () => {
    const now = Date.now();
    const items = Array.from({ length: 5 }, (_, i) => topUp(`old-${i}`, now - DAY + i, 5).entry);
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page: async () => ({ items }) },
      query,
    );
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence.incomplete).toContain('ignore the page number');
  });

  it('keeps card numbers a server put into type, currency, date or note out of the evidence', async () => {
    const now = Date.now();
    const pan = '4111 1111 1111 1111';
    const hostile: MovementEntry = {
      id: 'h1',
      type: `topup ${pan}`,
      amount: 42.1,
      currency: `EUR ${pan}`,
      date: `${pan}`,
      note: `card ${pan}`,
    };
    const answer = await findMovement(
      callAt(now),
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page: async (n) => ({ items: n === 1 ? [hostile] : [] }) },
      { ...query, note: undefined, redactNote: (t) => redact(t) },
    );
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence.matches.map((m) => m.id)).toEqual(['h1']);
    const text = JSON.stringify(answer);
    expect(text).not.toContain(pan);
    expect(text).not.toContain(pan.replace(/ /g, ''));
  });
});
