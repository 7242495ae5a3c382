// Every method's parameters are checked strictly before anything is sent: an unknown field is a
// ValidationError naming it (typos such as `initial_balance` surface), a value of the wrong type
// is a ValidationError naming the field, never a raw TypeError and never a request.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardsClient } from '../../src/client.js';
import { ValidationError } from '../../src/core/errors.js';
import { failure, forbidRequests, testClient } from '../helpers/wire.js';

type Kind = 'text' | 'amount' | 'list' | 'whole' | 'enum' | 'ms' | 'signal' | 'object' | 'ref';

/** A method with one parameters object: how to call it, a valid object, and its checked fields. */
interface Method {
  name: string;
  call: (client: CardsClient, params: Record<string, unknown>) => unknown;
  valid: Record<string, unknown>;
  /** Known fields and what kind of value each takes. */
  fields: Record<string, Kind>;
  /** Prefix of the field paths in errors (`shipping` for physical orders). */
  prefix?: string;
}

const CARD = 'c1';
const BUDGET_CARD = { id: 'b1', model: 'budget' } as const;
const SHIPPING = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '4155550100',
  phoneCode: '+1',
  addressLine1: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'USA',
};

// The SDK's types forbid what these calls pass: plain-JavaScript callers can still do it.
const loose = <T>(value: unknown): T => value as T;

const METHODS: Method[] = [
  {
    name: 'cards.issue',
    call: (c, p) => c.cards.issue(loose(p)),
    valid: { model: 'card', typeId: 't1', initialBalance: 5, customerId: 'cus1' },
    fields: {
      typeId: 'text',
      label: 'text',
      externalId: 'text',
      customerId: 'text',
      firstName: 'text',
      lastName: 'text',
      initialBalance: 'amount',
      budgetId: 'text',
      configuration: 'object',
    },
  },
  {
    name: 'cards.list',
    call: (c, p) => c.cards.list(loose(p)),
    valid: {},
    fields: { query: 'text', customerIds: 'list', statuses: 'list', page: 'whole', limit: 'whole' },
  },
  {
    name: 'cards.transactions',
    call: (c, p) => c.cards.transactions(CARD, loose(p)),
    valid: {},
    fields: { page: 'whole', limit: 'whole' },
  },
  {
    name: 'cards.reissue',
    call: (c, p) => c.cards.reissue(CARD, loose(p)),
    valid: { initialBalance: 5 },
    fields: { initialBalance: 'amount' },
  },
  {
    name: 'cards.limits.set',
    call: (c, p) => c.cards.limits.set(CARD, loose(p)),
    valid: { type: 'pos-daily', limit: 5 },
    fields: { type: 'enum', limit: 'amount' },
  },
  {
    name: 'cards.velocity.set',
    call: (c, p) => c.cards.velocity.set(BUDGET_CARD, loose(p)),
    valid: { type: 'DAY', amount: 5 },
    fields: { type: 'enum', amount: 'amount' },
  },
  {
    name: 'cards.physical.order',
    call: (c, p) => c.cards.physical.order(CARD, loose(p)),
    valid: SHIPPING,
    fields: { ...Object.fromEntries(Object.keys(SHIPPING).map((k) => [k, 'text'])), addressLine2: 'text' },
    prefix: 'shipping',
  },
  {
    name: 'funds.topUp',
    call: (c, p) => c.funds.topUp(CARD, loose(p)),
    valid: { amount: 5 },
    fields: { amount: 'amount', note: 'text' },
  },
  {
    name: 'funds.withdraw',
    call: (c, p) => c.funds.withdraw(CARD, loose(p)),
    valid: { amount: 5 },
    fields: { amount: 'amount' },
  },
  {
    name: 'funds.topUpBudget',
    call: (c, p) => c.funds.topUpBudget('bud1', loose(p)),
    valid: { amount: 5 },
    fields: { amount: 'amount' },
  },
  {
    name: 'funds.budgetTransactions',
    call: (c, p) => c.funds.budgetTransactions('bud1', loose(p)),
    valid: {},
    fields: { page: 'whole', limit: 'whole' },
  },
  {
    name: 'funds.depositAddress',
    call: (c, p) => c.funds.depositAddress(loose(p)),
    valid: { network: 'tron', currency: 'usdt' },
    fields: { network: 'enum', currency: 'enum' },
  },
  {
    name: 'customers.create',
    call: (c, p) => c.customers.create(loose(p)),
    valid: { type: 'individual' },
    fields: {
      type: 'enum',
      level: 'enum',
      sumsubShareToken: 'text',
      firstName: 'text',
      lastName: 'text',
      birthDate: 'text',
      nationality: 'text',
      nationalId: 'text',
      phone: 'text',
      email: 'text',
      address: 'object',
      identityDocuments: 'object',
      otherDocuments: 'object',
    },
  },
  {
    name: 'customers.requestAccess',
    call: (c, p) => c.customers.requestAccess('cus1', loose(p)),
    valid: { accessType: 'cards', cardType: 't1' },
    fields: { accessType: 'enum', cardType: 'text' },
  },
  {
    name: 'customers.waitUntilVerified',
    call: (c, p) => c.customers.waitUntilVerified('cus1', loose(p)),
    valid: {},
    fields: { timeoutMs: 'ms', intervalMs: 'ms', signal: 'signal' },
  },
  {
    name: 'disputes.create',
    call: (c, p) => c.disputes.create(loose(p)),
    valid: { cardId: CARD, transactionId: 'tx1', textEvidence: 'Charged twice for one order.' },
    fields: { textEvidence: 'text', files: 'list', cardId: 'ref', transactionId: 'ref' },
  },
];

const hostile = fc.constantFrom<unknown>({ $gt: '' }, { evil: 1 }, null, true, false, [], [1], 0, -1, 1.5);

/** Values that are not of the field's kind. */
function wrongValue(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'text':
      return fc.oneof(
        hostile.filter((v) => typeof v !== 'string'),
        fc.integer(),
        fc.array(fc.string()),
      );
    case 'amount':
      return fc.oneof(fc.constantFrom<unknown>({ $gt: '' }, { evil: 1 }, null, true, [], [5]), fc.object());
    case 'list':
      return fc.oneof(
        fc.constantFrom<unknown>('frozen', 5, { a: 1 }, null, true),
        fc.array(fc.integer(), { minLength: 1 }),
      );
    case 'whole':
      return fc.oneof(
        fc.constantFrom<unknown>('2', null, { evil: 1 }, true, 0, -3, 1.5, Number.NaN, [2]),
        fc.integer({ max: 0 }),
      );
    case 'enum':
      return fc.oneof(
        hostile,
        fc.string().map((s) => `not-${s}`),
      );
    case 'ms':
      return fc.oneof(
        fc.constantFrom<unknown>('5', null, { evil: 1 }, true, -1, Number.NaN, 2 ** 31),
        fc.integer({ max: -1 }),
      );
    case 'signal':
      return fc.constantFrom<unknown>('signal', 5, { aborted: 'no' }, true, []);
    case 'object':
      return fc.constantFrom<unknown>('x', 5, true, [], null);
    case 'ref':
      // A reference is an id string or an object with an id; anything else is refused.
      return fc.constantFrom<unknown>(5, true, [], null, {}, { id: 5 }, { name: 'x' }, '');
  }
}

const unknownKey = (method: Method): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom('initial_balance', 'amout', 'Note', 'card_id', 'extraBody', 'options', 'typeid'),
      fc.string({ minLength: 1, maxLength: 16 }),
    )
    // Digit runs could be masked as card numbers in the error; keys stay plain words here.
    .filter((k) => !(k in method.fields) && !(k in method.valid) && !/\d{3}/.test(k) && k !== 'model');

async function refusedBeforeSending(call: () => unknown, seen: unknown[]): Promise<ValidationError> {
  const error = await failure(Promise.resolve().then(call));
  expect(error).toBeInstanceOf(ValidationError);
  expect(seen).toHaveLength(0);
  return error as ValidationError;
}

describe.each(METHODS)('$name takes only known fields of the right type', (method) => {
  const path = (field: string): string => (method.prefix ? `${method.prefix}.${field}` : field);

  it('refuses an unknown field by name, whatever its value, before sending', async () => {
    const seen = forbidRequests();
    const client = testClient();
    await fc.assert(
      fc.asyncProperty(unknownKey(method), fc.anything(), async (key, value) => {
        const error = await refusedBeforeSending(
          () => method.call(client, { ...method.valid, [key]: value }),
          seen,
        );
        expect(error.field).toBe(path(key));
        expect(error.rule).toBe('unknown_field');
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a wrong-typed value of any known field, naming the field', async () => {
    const seen = forbidRequests();
    const client = testClient();
    const field = fc.constantFrom(...Object.entries(method.fields));
    await fc.assert(
      fc.asyncProperty(
        field.chain(([name, kind]) => fc.tuple(fc.constant(name), wrongValue(kind))),
        async ([name, value]) => {
          const error = await refusedBeforeSending(
            () => method.call(client, { ...method.valid, [name]: value }),
            seen,
          );
          expect(error.field === path(name) || error.field.startsWith(`${path(name)}.`)).toBe(true);
          expect(error.rule).toMatch(/^[a-z_]+$/);
          expect(error.message).not.toContain('[object Object]');
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** A one-edit typo of `key`: a letter inserted, dropped, replaced or re-cased, two neighbours swapped, or a `_`. */
const typoOf = (key: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('insert', 'drop', 'replace', 'case', 'swap', 'underscore'),
      fc.nat({ max: key.length - 1 }),
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    )
    .map(([edit, at, letter]) => {
      const [head, here = '', tail] = [key.slice(0, at), key[at], key.slice(at + 1)];
      switch (edit) {
        case 'insert':
          return head + letter + here + tail;
        case 'drop':
          return head + tail;
        case 'replace':
          return head + letter + tail;
        case 'case':
          return head + (here === here.toLowerCase() ? here.toUpperCase() : here.toLowerCase()) + tail;
        case 'swap':
          return at + 1 < key.length ? head + (key[at + 1] ?? '') + here + key.slice(at + 2) : head + tail;
        default:
          return `${head}_${here}${tail}`;
      }
    });

// Methods whose known fields are at least three edits apart, so one typo is nearer its own field
// than any other (customers.create has nationality/nationalId, the shipping address addressLine1/2).
const DISTINCT = METHODS.filter((m) => !['customers.create', 'cards.physical.order'].includes(m.name));

describe.each(DISTINCT)('$name suggests the field a typo is closest to', (method) => {
  it('names the known field for a one-edit typo of it, and leaves extraBody out of the hint', async () => {
    const seen = forbidRequests();
    const client = testClient();
    const known = Object.keys(method.fields);
    const typo = fc
      .constantFrom(...known)
      .chain((key) => fc.tuple(fc.constant(key), typoOf(key)))
      .filter(([, t]) => t !== '' && !(t in method.fields) && !(t in method.valid) && t !== 'model');
    await fc.assert(
      fc.asyncProperty(typo, async ([key, t]) => {
        const error = await refusedBeforeSending(
          () => method.call(client, { ...method.valid, [t]: 1 }),
          seen,
        );
        expect(error.rule).toBe('unknown_field');
        expect(error.message).toContain(`did you mean ${key}?`);
        expect(error.hint).toBe(`Rename ${t} to ${key}.`);
      }),
      { numRuns: 40 },
    );
  });

  it('suggests the extraBody option for a name close to no known field', async () => {
    const seen = forbidRequests();
    const client = testClient();
    // No known field has a q, w, z or j: such a name is as many edits from each as it is long.
    const far = fc.stringMatching(/^[qwzj]{6,12}$/);
    await fc.assert(
      fc.asyncProperty(far, async (name) => {
        const error = await refusedBeforeSending(
          () => method.call(client, { ...method.valid, [name]: 1 }),
          seen,
        );
        expect(error.message).not.toContain('did you mean');
        expect(error.hint).toContain('extraBody');
      }),
      { numRuns: 20 },
    );
  });
});

describe('single-value parameters', () => {
  const calls: Array<[string, string, (client: CardsClient, value: unknown) => unknown]> = [
    ['cards.updateEmail', 'email', (c, v) => c.cards.updateEmail(CARD, loose(v))],
    ['cards.updatePhone', 'phone', (c, v) => c.cards.updatePhone(CARD, loose(v))],
    ['cards.updateArt', 'cardArtId', (c, v) => c.cards.updateArt(CARD, loose(v))],
    ['cards.physical.activate', 'code', (c, v) => c.cards.physical.activate(CARD, loose(v))],
    ['pins.set', 'pin', (c, v) => c.pins.set(CARD, loose(v))],
    ['customers.retrieve', 'id', (c, v) => c.customers.retrieve(loose(v))],
    ['disputes.status', 'id', (c, v) => c.disputes.status(loose(v))],
    ['status.freeze', 'card', (c, v) => c.status.freeze(loose(v))],
  ];

  it.each(calls)('%s refuses a value of the wrong type as %s', async (_name, field, call) => {
    const seen = forbidRequests();
    const client = testClient();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, fc.integer(), fc.constant(undefined)), async (value) => {
        const error = await refusedBeforeSending(() => call(client, value), seen);
        expect(error.field).toBe(field);
      }),
      { numRuns: 30 },
    );
  });

  it('pins.check refuses an unknown option', () => {
    const client = testClient();
    expect(() => client.pins.check('2580', loose({ polcy: 'strict' }))).toThrow(ValidationError);
  });
});
