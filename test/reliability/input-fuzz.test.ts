import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CardsClientOptions } from '../../src/client.js';
import {
  CardsClient,
  type IssuedCard,
  NotFoundError,
  type RequestOptions,
  ValidationError,
  WeakPinError,
} from '../../src/index.js';
import { newStats, report, SEED, type SuiteStats } from './config.js';
import { type ClientRig, issueCard, type Rig, rigClient, settle, startRig } from './harness.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// Bad call inputs: 5,000 fast-check runs (1,500 amounts, 1,000 ids, 1,000
// PINs, 500 emails and phones, 1,000 option objects), one fixed seed. Each bad input must be a
// ValidationError before any byte reaches the sandbox (its request count stays put); every id that
// passes must reach the server as exactly one path segment. The oracles below are written from the
// documented rules, not from the SDK's code.

const RUNS = { amounts: 1_500, ids: 1_000, pins: 1_000, contacts: 500, options: 1_000 } as const;
const params = (numRuns: number, offset: number): fc.Parameters<unknown> => ({
  seed: SEED + offset,
  numRuns,
  endOnFailure: true,
});

const stats: SuiteStats = newStats('2 input fuzzing');
let rig: Rig;
let c: ClientRig;
let card: IssuedCard;
let budgetId: string;
let restoreStdio: () => void;
const started = Date.now();

beforeAll(async () => {
  rig = await startRig({ seed: SEED });
  c = rigClient(rig, { maxRetries: 0, pinPolicy: 'recommended' });
  card = await issueCard(rig, c.client);
  budgetId = rig.sandbox.budgetIds[0] ?? '';
  restoreStdio = rig.scanner.captureStdio();
});

afterAll(async () => {
  restoreStdio();
  await c.close();
  await rig.close();
});

/** Runs a call that must be refused locally: a ValidationError, and no request reached the sandbox. */
async function refusedLocally(call: () => Promise<unknown>, field?: string): Promise<ValidationError> {
  const before = rig.sandbox.requestCount();
  const out = await settle(call);
  stats.cases += 1;
  expect(out.ok, 'a bad input was sent').toBe(false);
  const error = (out as { error: unknown }).error;
  rig.scanner.scanValue('input fuzz error', error);
  expect(error).toBeInstanceOf(ValidationError);
  if (field !== undefined) expect((error as ValidationError).field).toBe(field);
  expect(rig.sandbox.requestCount(), 'a byte reached the sandbox').toBe(before);
  return error as ValidationError;
}

// ------------------------------------------------------------------------------------------------
// Amounts: major units, finite, > 0, at most 2 decimals, below 1e13, top-ups at least 1.01.
// ------------------------------------------------------------------------------------------------

const DECIMAL = /^\d{1,13}(\.\d{1,2})?$/;

/** The documented amount rules, written independently of the SDK. */
function amountOk(value: unknown, minCents: number): boolean {
  if (typeof value === 'string') {
    if (!DECIMAL.test(value)) return false;
    const [whole = '0', frac = ''] = value.split('.');
    return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0')) >= BigInt(Math.max(1, minCents));
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1e13) return false;
  const fixed = value.toFixed(2);
  return Number(fixed) === value && Math.round(value * 100) >= Math.max(1, minCents);
}

const badAmount = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1e308,
    Number.MIN_VALUE,
  ),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.double({ min: 1e13, noNaN: true }),
  fc.integer({ min: 1, max: 1_000_000_000 }).map((n) => n / 1000),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(
    '1,00',
    ' 5',
    '5 ',
    '+5',
    '-5',
    '1e2',
    '0x10',
    '5.',
    '.5',
    '1.234',
    '',
    'NaN',
    'Infinity',
    '٣',
    '５',
    '1_000',
    '0',
    '0.00',
    '99999999999999',
  ),
  fc.string({ maxLength: 16 }),
  fc.bigInt(),
  fc.constantFrom(null, undefined, true, false, {}, [], [5], { amount: 5 }),
);

describe(`input fuzzing (seed ${SEED}): 5,000 bad inputs refused before a byte is sent`, () => {
  it(`refuses ${RUNS.amounts} bad amounts for top-ups, withdrawals, budget top-ups and issuance`, async () => {
    type Op = { name: string; minCents: number; call: (amount: unknown) => Promise<unknown>; field: string };
    const ops: Op[] = [
      {
        name: 'topUp',
        minCents: 101,
        field: 'amount',
        call: (a) => c.client.funds.topUp(card, { amount: a as never }),
      },
      {
        name: 'withdraw',
        minCents: 1,
        field: 'amount',
        call: (a) => c.client.funds.withdraw(card, { amount: a as never }),
      },
      {
        name: 'topUpBudget',
        minCents: 1,
        field: 'amount',
        call: (a) => c.client.funds.topUpBudget(budgetId, { amount: a as never }),
      },
      {
        name: 'issue',
        minCents: 0,
        field: 'initialBalance',
        call: (a) =>
          c.client.cards.issue({
            model: 'card',
            typeId: rig.sandbox.cardTypeIds.standalone,
            initialBalance: a as never,
            firstName: 'Ada',
            lastName: 'Lovelace',
          }),
      },
    ];
    // Below the top-up minimum (0.01–1.00) is bad for top-ups only.
    const belowMinimum = fc
      .integer({ min: 1, max: 100 })
      .map((cents) => ({ op: ops[0] as Op, amount: cents / 100 }));
    const input = fc
      .oneof(
        {
          weight: 4,
          arbitrary: fc.tuple(fc.constantFrom(...ops), badAmount).map(([op, amount]) => ({ op, amount })),
        },
        { weight: 1, arbitrary: belowMinimum },
      )
      .filter(({ op, amount }) => !amountOk(amount, op.minCents));
    await fc.assert(
      fc.asyncProperty(input, async ({ op, amount }) => {
        await refusedLocally(() => op.call(amount), op.field);
      }),
      params(RUNS.amounts, 1),
    );
  });

  it(`refuses ${RUNS.ids} bad ids, and sends every id that passes as exactly one path segment`, async () => {
    const lone = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF');
    const badId = fc.oneof(
      fc.constantFrom('', ' ', '\t', '\n', '\u00a0 ', '.', '..'),
      fc.string({
        unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2028'),
        minLength: 1,
        maxLength: 8,
      }),
      fc.tuple(fc.string({ maxLength: 8 }), lone, fc.string({ maxLength: 8 })).map(([a, s, b]) => a + s + b),
      fc.constantFrom(null, undefined, 42, {}, [], ['id']),
    );
    const passingId = fc.oneof(
      fc.constantFrom(
        '../x',
        '../../cards/list',
        '%2F',
        '%2e%2e',
        'a/b',
        'a?x=1',
        'a#frag',
        'a;b',
        'id with spaces',
        '\u0000',
        '\u007f',
        'ü',
        '卡',
        '💳',
        'x'.repeat(10_000),
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom('/', '.', '%', '?', '#', '&', '=', '+', '\\', ' ', 'a', '2', 'F'),
        minLength: 1,
        maxLength: 12,
      }),
    );
    type IdOp = { prefix: string; suffix: string; notFound: string; call: (id: unknown) => Promise<unknown> };
    const ops: IdOp[] = [
      {
        prefix: 'cards',
        suffix: '',
        notFound: 'Card not found',
        call: (id) => c.client.cards.retrieve(id as string),
      },
      {
        prefix: 'cards',
        suffix: 'freeze',
        notFound: 'Card not found',
        call: (id) => c.client.status.freeze(id as string),
      },
      {
        prefix: 'disputes',
        suffix: 'status',
        notFound: 'Dispute not found',
        call: (id) => c.client.disputes.status(id as string),
      },
      {
        prefix: 'customers',
        suffix: '',
        notFound: 'Customer not found',
        call: (id) => c.client.customers.retrieve(id as string),
      },
      {
        prefix: 'budgets',
        suffix: 'transactions',
        notFound: 'Budget not found',
        call: async (id) => c.client.funds.budgetTransactions(id as string),
      },
    ];
    const isBad = (id: unknown): boolean =>
      typeof id !== 'string' || id.trim() === '' || id === '.' || id === '..' || /[\uD800-\uDFFF]/u.test(id);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), fc.oneof(badId, passingId), async (op, id) => {
        if (isBad(id)) {
          const error = await refusedLocally(() => op.call(id));
          // `card` when the value is not even a card reference, `id` for a bad path segment.
          expect(['id', 'card']).toContain(error.field);
          return;
        }
        const before = c.dispatches.length;
        const out = await settle(() => op.call(id));
        stats.cases += 1;
        expect(out.ok).toBe(false);
        const error = (out as { error: unknown }).error;
        rig.scanner.scanValue('id fuzz error', error);
        // The server routed it to the right endpoint and looked the id up: one segment, decoded back.
        expect(error).toBeInstanceOf(NotFoundError);
        expect((error as NotFoundError).message).toContain(op.notFound);
        const sent = c.dispatches.slice(before);
        expect(sent).toHaveLength(1);
        const segments = (sent[0]?.path ?? '').split('?')[0]?.split('/').slice(3) ?? [];
        expect(segments, JSON.stringify(id)).toEqual(
          op.suffix ? [op.prefix, expect.any(String), op.suffix] : [op.prefix, expect.any(String)],
        );
        expect(decodeURIComponent(segments[1] ?? '')).toBe(id);
      }),
      params(RUNS.ids, 2),
    );
  });

  it(`refuses ${RUNS.pins} bad PINs without a digit of them in the error`, async () => {
    const digitString = (unit: string[], min: number, max: number) =>
      fc.array(fc.constantFrom(...unit), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const ascii = '0123456789'.split('');
    const fullWidth = '０１２３４５６７８９'.split('');
    const arabic = '٠١٢٣٤٥٦٧٨٩'.split('');
    const pin = fc.oneof(
      digitString(ascii, 0, 3),
      digitString(ascii, 5, 20),
      digitString(fullWidth, 4, 4),
      digitString(arabic, 4, 4),
      fc
        .tuple(
          digitString(ascii, 2, 2),
          fc.constantFrom(' ', '\t', '-', '.', '+', 'e', '\n'),
          digitString(ascii, 1, 2),
        )
        .map((p) => p.join('')),
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(null, undefined, {}, [], ['1', '9', '4', '7'], true, 4821n),
      // 4-digit PINs the recommended preset refuses: repeated, runs, years, ABAB/AABB, the top 20.
      fc.integer({ min: 0, max: 9 }).map((d) => String(d).repeat(4)),
      fc.integer({ min: 0, max: 9 }).map((d) => [0, 1, 2, 3].map((i) => (d + i) % 10).join('')),
      fc.integer({ min: 0, max: 9 }).map((d) => [0, 1, 2, 3].map((i) => (d + 10 - i) % 10).join('')),
      fc.integer({ min: 1900, max: 2099 }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => `${a}${b}${a}${b}`),
      fc
        .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => `${a}${a}${b}${b}`),
      fc.constantFrom(
        '1234',
        '1111',
        '0000',
        '1212',
        '7777',
        '1004',
        '2000',
        '6969',
        '1122',
        '1313',
        '4321',
        '2001',
        '1010',
        '2580',
        '1357',
      ),
    );
    await fc.assert(
      fc.asyncProperty(pin, async (candidate) => {
        const error = await refusedLocally(() => c.client.pins.set(card, candidate as string), 'pin');
        if (typeof candidate === 'string' && /^\d{4}$/.test(candidate))
          expect(error).toBeInstanceOf(WeakPinError);
        // No digit at all, in any script: the PIN cannot be echoed even in part.
        for (const text of [error.message, error.hint, JSON.stringify(error)])
          expect(text).not.toMatch(/\p{Nd}/u);
      }),
      params(RUNS.pins, 3),
    );
  });

  it(`refuses ${RUNS.contacts} bad emails and phone numbers`, async () => {
    const emailOk = (v: unknown): boolean =>
      typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
    const phoneOk = (v: unknown): boolean => typeof v === 'string' && /^\+?[0-9][0-9 ()-]{4,19}$/.test(v);
    const email = fc.oneof(
      fc.constantFrom(
        '',
        'plain',
        'a@b',
        '@example.com',
        'a@.',
        'a @b.com',
        'a@b .com',
        'a@@b.com',
        'a@b@c.com',
        '\n@b.com',
      ),
      fc.string({ maxLength: 30 }),
      fc.string({ minLength: 250, maxLength: 300 }).map((s) => `${s}@example.com`),
      fc.constantFrom(null, undefined, 42, {}, ['a@b.com']),
    );
    const phone = fc.oneof(
      fc.constantFrom(
        '',
        '+',
        '++14155550100',
        '1234',
        'phone',
        '+1 (415) abc',
        '0'.repeat(21),
        '-1234567',
        ' 14155550100',
      ),
      fc.string({ maxLength: 24 }),
      fc.constantFrom(null, undefined, 14155550100, {}, ['+14155550100']),
    );
    const input = fc.oneof(
      email.filter((v) => !emailOk(v)).map((v) => ({ field: 'email', value: v })),
      phone.filter((v) => !phoneOk(v)).map((v) => ({ field: 'phone', value: v })),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ field, value }) => {
        await refusedLocally(
          () =>
            field === 'email'
              ? c.client.cards.updateEmail(card, value as string)
              : c.client.cards.updatePhone(card, value as string),
          field,
        );
      }),
      params(RUNS.contacts, 4),
    );
  });

  it(`refuses ${RUNS.options} bad client and call option objects`, async () => {
    const notWhole = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ noInteger: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '3', null),
    );
    const badCount = (max: number) => fc.oneof(notWhole, fc.integer({ min: max + 1, max: 2 ** 40 }));
    const clientOption = fc.oneof(
      badCount(600_000).map((v) => ({ timeoutMs: v })),
      fc.constantFrom(0).map((v) => ({ timeoutMs: v })),
      badCount(10).map((v) => ({ maxRetries: v })),
      fc.oneof(notWhole, fc.constant(0)).map((v) => ({ maxResponseBytes: v })),
      fc
        .constantFrom(
          'http://business.bfinance.app/external/api',
          'http://10.0.0.1/api',
          'http://localhost.evil.com/api',
          'ftp://127.0.0.1/api',
          'https://user:pass@business.bfinance.app/api',
          'https://business.bfinance.app/api?token=x',
          'not a url',
          '',
        )
        .map((v) => ({ baseUrl: v })),
      fc.constantFrom('verbose', 'trace', '', 'DEBUG').map((v) => ({ logLevel: v })),
      fc
        .constantFrom(
          'weak',
          { preset: 'lax' },
          { length: 3 },
          { length: 13 },
          { length: { min: 6, max: 4 } },
        )
        .map((v) => ({ pinPolicy: v })),
    );
    const callOption = fc.oneof(
      fc.oneof(badCount(600_000), fc.constant(0)).map((v) => ({ timeoutMs: v })),
      badCount(10).map((v) => ({ maxRetries: v })),
      fc
        .constantFrom('', 'with space', 'line\nbreak', 'tab\tkey', 'ümlaut', 'key\u0000')
        .map((v) => ({ idempotencyKey: v })),
    );
    const input = fc.oneof(
      clientOption.map((options) => ({ where: 'client' as const, options })),
      callOption.map((options) => ({ where: 'call' as const, options })),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ where, options }) => {
        await refusedLocally(async () => {
          const base: CardsClientOptions = { apiToken: rig.scanner.token, baseUrl: rig.url };
          const client =
            where === 'client' ? new CardsClient({ ...base, ...(options as CardsClientOptions) }) : c.client;
          const call = where === 'call' ? (options as RequestOptions) : {};
          return client.funds.topUp(card, { amount: 5 }, call);
        });
      }),
      params(RUNS.options, 5),
    );
  });

  it('sent nothing for a bad input, and leaked nothing', (context) => {
    stats.elapsedMs = Date.now() - started;
    stats.canaryHits = rig.scanner.hits.length;
    report(context, stats);
    expect(stats.cases).toBe(Object.values(RUNS).reduce((a, b) => a + b, 0));
    expect(rig.scanner.hits).toEqual([]);
  });
});
