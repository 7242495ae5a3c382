import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDrift, quietWhenAbsent } from '../../src/core/drift.js';
import * as z from '../../src/core/reader.js';
import { maybe } from '../../src/core/schema.js';
import { cardListSchema } from '../../src/resources/card-list-schemas.js';
import { cardSchema, issuedCardSchema } from '../../src/resources/card-schemas.js';
import { customerSchema } from '../../src/resources/customer-schemas.js';

const KEY = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/);

describe('findDrift', () => {
  it('reports nothing for data that has exactly the documented fields', () => {
    fc.assert(
      fc.property(fc.uniqueArray(KEY, { minLength: 1, maxLength: 8 }), fc.string(), (keys, value) => {
        const schema = z.object(Object.fromEntries(keys.map((k) => [k, maybe(z.string())])));
        const data = Object.fromEntries(keys.map((k) => [k, value]));
        expect(findDrift(schema, data)).toEqual([]);
      }),
    );
  });

  it('names an unknown, a missing and a null field by wire path, never by value', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(KEY, { minLength: 3, maxLength: 8 }),
        fc.string({ minLength: 1 }),
        (keys, value) => {
          const [gone, nulled, ...rest] = keys as [string, string, ...string[]];
          const inner = z.object(Object.fromEntries(keys.map((k) => [k, maybe(z.string())])));
          const schema = z.object({ items: z.array(inner) });
          const item = Object.fromEntries(rest.map((k) => [k, value]));
          const data = {
            items: [
              { ...item, [nulled]: null, ZZextra: value },
              { ...item, [nulled]: null, ZZextra: value },
            ],
          };
          const drift = findDrift(schema, data);
          expect(drift).toEqual(
            expect.arrayContaining([
              { path: `items[].${gone}`, kind: 'missing' },
              { path: `items[].${nulled}`, kind: 'null' },
              { path: 'items[].ZZextra', kind: 'unknown' },
            ]),
          );
          // Deduplicated across elements, and values never appear.
          expect(drift).toHaveLength(3);
          for (const issue of drift) expect(issue.path.includes(`=${value}`)).toBe(false);
        },
      ),
    );
  });

  it('walks pipes, unions and wrappers, and keeps quiet on quietWhenAbsent fields', () => {
    const schema = z.pipe(
      z.object({
        a: quietWhenAbsent(z.optional(z.string())),
        b: z.optional(z.array(z.union([z.string(), z.object({ c: z.number() })]))),
        r: z.nullable(
          z.pipe(
            z.object({ k: z.object({ v: z.number() }) }),
            z.transform((x) => x.k),
          ),
        ),
      }),
      z.transform((x) => x),
    );
    expect(findDrift(schema, { b: ['x', { c: 1, d: 2 }], r: { k: { v: 1, w: 2 } } })).toEqual([
      { path: 'b[].d', kind: 'unknown' },
      { path: 'r.k.w', kind: 'unknown' },
    ]);
    expect(findDrift(schema, { a: null, b: [], r: { k: { v: 1 } } })).toEqual([]);
    expect(findDrift(schema, { b: [], r: null })).toEqual([{ path: 'r', kind: 'null' }]);
  });

  it('reads through a pipe that reshapes the wire first, by what it hands on', () => {
    const schema = z.pipe(
      z.transform((value: unknown) => (value as { list?: unknown } | null)?.list ?? value),
      z.array(z.object({ id: z.string() })),
    );
    expect(findDrift(schema, [{ id: 'a', extra: 1 }])).toEqual([{ path: '[].extra', kind: 'unknown' }]);
  });

  it('does not report the extra keys of a loose object', () => {
    expect(findDrift(z.looseObject({ id: z.string() }), { id: 'x', other: 1 })).toEqual([]);
  });

  it('reads the SDK card schemas with wire names', () => {
    const data = {
      cards: [
        {
          id: 'c1',
          maskedCardNumber: '**** 1',
          currency: 'USD',
          status: 'active',
          brand: 'visa',
          cardType: 'x',
          vip: 1,
        },
        { id: 'c2', maskedCardNumber: '**** 2', currency: 'USD', status: 'active', brand: 'visa', vip: 2 },
      ],
      page: 1,
      limit: 10,
    };
    expect(findDrift(cardListSchema(), data)).toEqual([
      { path: 'cards[].cardHolder', kind: 'missing' },
      { path: 'cards[].vip', kind: 'unknown' },
      { path: 'cards[].cardType', kind: 'missing' },
    ]);
    expect(findDrift(issuedCardSchema(), { card: { id: 'c', cardNumber: '4111' } })).toContainEqual({
      path: 'card.cardExpire',
      kind: 'missing',
    });
    // Standalone details spell it `sensetive`; budget details `sensitive`: each only where documented.
    const standalone = findDrift(cardSchema('card'), { id: 'c' }).map((d) => d.path);
    const budget = findDrift(cardSchema('budget'), { id: 'c' }).map((d) => d.path);
    expect(standalone).toContain('sensetive');
    expect(standalone).not.toContain('sensitive');
    expect(budget).toContain('sensitive');
    expect(budget).not.toContain('sensetive');
    expect(budget).not.toContain('balance');
  });

  it('never throws, whatever the data', () => {
    const schemas = [cardListSchema(), cardSchema('card'), customerSchema(), issuedCardSchema()];
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.jsonValue({ maxDepth: 5 }), (schema, data) => {
        expect(Array.isArray(findDrift(schema, data))).toBe(true);
      }),
    );
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(findDrift(customerSchema(), hostile)).toEqual(expect.any(Array));
    let deep: unknown = { id: 'x' };
    for (let i = 0; i < 10_000; i++) deep = { cards: [deep] };
    expect(() => findDrift(cardListSchema(), deep)).not.toThrow();
  });
});
