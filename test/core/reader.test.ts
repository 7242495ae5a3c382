import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from '../../src/core/reader.js';
import { maybe, sensitive } from '../../src/core/schema.js';
import { cardListSchema } from '../../src/resources/card-list-schemas.js';
import { cardSchema, issuedCardSchema } from '../../src/resources/card-schemas.js';
import { customerSchema } from '../../src/resources/customer-schemas.js';

const KEY = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/);
// Test card numbers only (the 4111 1111 1111 1111 family), in the spellings a server might use.
const PAN = fc.constantFrom('4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111');

const issuesOf = (schema: z.AnySchema, value: unknown): z.Issue[] => {
  const result = z.safeParse(schema, value);
  return result.ok ? [] : result.issues;
};

describe('object', () => {
  it('never fails on extra keys and never hands them on', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(KEY, { minLength: 1, maxLength: 6 }),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.string(),
        (keys, extra, value) => {
          const schema = z.object(Object.fromEntries(keys.map((k) => [k, z.string()])));
          const known = Object.fromEntries(keys.map((k) => [k, value]));
          const result = z.safeParse(schema, { ...extra, ...known });
          expect(result.ok).toBe(true);
          if (result.ok) expect(Object.keys(result.value).sort()).toEqual([...keys].sort());
        },
      ),
    );
  });

  it('names a missing required field by its dotted path, and leaves an absent optional one out', () => {
    const schema = z.object({
      card: z.object({ id: z.string(), label: maybe(z.string()), holder: z.optional(z.object({})) }),
    });
    expect(issuesOf(schema, { card: {} })).toEqual([{ path: 'card.id', code: 'invalid_type' }]);
    const out = z.parse(schema, { card: { id: 'c', other: 1 } });
    expect(out).toStrictEqual({ card: { id: 'c' } });
    expect('label' in out.card).toBe(false);
    expect(z.parse(schema, { card: { id: 'c', label: null } }).card).toStrictEqual({ id: 'c', label: null });
  });

  it('refuses what is not a plain object', () => {
    for (const value of [null, [], 'x', 1, undefined]) {
      expect(issuesOf(z.object({}), value)).toEqual([{ path: '', code: 'invalid_type' }]);
    }
  });

  it('keeps unknown keys when loose', () => {
    expect(z.parse(z.looseObject({ id: z.string() }), { id: 'a', extra: { n: 1 } })).toStrictEqual({
      id: 'a',
      extra: { n: 1 },
    });
    expect(issuesOf(z.looseObject({ id: z.string() }), { extra: 1 })).toEqual([
      { path: 'id', code: 'invalid_type' },
    ]);
  });
});

describe('leaves, arrays, unions and pipes', () => {
  it('reads strings, finite numbers and booleans, anything as unknown', () => {
    expect(issuesOf(z.number(), Number.NaN)).toHaveLength(1);
    expect(issuesOf(z.number(), Number.POSITIVE_INFINITY)).toHaveLength(1);
    expect(issuesOf(z.number(), '1')).toHaveLength(1);
    expect(issuesOf(z.string(), 1)).toHaveLength(1);
    expect(issuesOf(z.boolean(), 0)).toHaveLength(1);
    expect(z.parse(z.unknown(), undefined)).toBeUndefined();
    expect(z.parse(z.nullable(z.number()), null)).toBeNull();
    expect(issuesOf(z.nullable(z.number()), undefined)).toHaveLength(1);
    expect(issuesOf(z.optional(z.number()), null)).toHaveLength(1);
  });

  it('collects every issue, array elements by index', () => {
    const schema = z.object({
      cards: z.array(z.object({ id: z.string(), n: z.number() })),
      page: z.number(),
    });
    expect(issuesOf(schema, { cards: [{ id: 'a', n: 1 }, { n: 'x' }, 7], page: null })).toEqual([
      { path: 'cards.1.id', code: 'invalid_type' },
      { path: 'cards.1.n', code: 'invalid_type' },
      { path: 'cards.2', code: 'invalid_type' },
      { path: 'page', code: 'invalid_type' },
    ]);
  });

  it('takes the first union option that reads, else one invalid_union', () => {
    const schema = z.union([
      z.string(),
      z.pipe(
        z.number(),
        z.transform((n) => n * 2),
      ),
    ]);
    expect(z.parse(schema, 'a')).toBe('a');
    expect(z.parse(schema, 2)).toBe(4);
    expect(issuesOf(z.object({ v: schema }), { v: true })).toEqual([{ path: 'v', code: 'invalid_union' }]);
  });

  it('does not run the second step of a pipe when the first failed', () => {
    let ran = 0;
    const schema = z.pipe(
      z.object({ id: z.string() }),
      z.transform((v) => {
        ran++;
        return v.id;
      }),
    );
    expect(issuesOf(schema, {})).toEqual([{ path: 'id', code: 'invalid_type' }]);
    expect(ran).toBe(0);
    expect(z.parse(schema, { id: 'x' })).toBe('x');
    expect(ran).toBe(1);
  });

  it('throws from parse with paths and codes only', () => {
    expect(() => z.parse(z.object({ id: z.string() }), { id: 4111111111111111 })).toThrow(
      'unreadable: id invalid_type',
    );
  });
});

describe('issues never carry a value', () => {
  const schemas = [
    cardListSchema(),
    cardSchema('card'),
    cardSchema('budget'),
    issuedCardSchema(),
    customerSchema(),
  ];

  // Objects with the fields these schemas read, holding any JSON: most fail deep inside.
  const field = fc.constantFrom('id', 'cardNumber', 'sensetive', 'sensitive', 'number', 'cvc', 'status');
  const record = fc.dictionary(field, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
  const wireLike = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    record,
    fc.record({
      cards: fc.array(record, { maxLength: 3 }),
      card: record,
      page: fc.jsonValue({ maxDepth: 1 }),
    }),
  );

  it('names fields and indexes only, for any JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemas), wireLike, (schema, data) => {
        for (const issue of issuesOf(schema, data)) {
          expect(issue.path).toMatch(/^(?:[A-Za-z]+|\d+)?(?:\.(?:[A-Za-z]+|\d+))*$/);
          expect(['invalid_type', 'invalid_union']).toContain(issue.code);
          expect(Object.keys(issue).sort()).toEqual(['code', 'path']);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out a PAN that sits in an invalid field, under any key', () => {
    fc.assert(
      fc.property(PAN, KEY, fc.boolean(), (pan, key, asObject) => {
        const schema = z.object({
          id: z.string(),
          cardNumber: sensitive('pan'),
          nested: z.array(z.object({ [key]: z.number() })),
        });
        const bad = asObject ? { pan } : [pan];
        const data = { id: { pan }, cardNumber: bad, nested: [{ [key]: pan }], [pan]: pan };
        const issues = issuesOf(schema, data);
        expect(issues.map((i) => i.path)).toEqual(['id', 'cardNumber', `nested.0.${key}`]);
        const rendered = JSON.stringify(issues);
        expect(rendered).not.toContain('4111');
        let thrown = '';
        try {
          z.parse(schema, data);
        } catch (error) {
          thrown = String(error);
        }
        expect(thrown).toContain('cardNumber invalid_type');
        expect(thrown).not.toContain('4111');
      }),
    );
  });
});

describe('types', () => {
  it('makes a key optional when its output may be undefined', () => {
    const schema = z.object({
      id: z.string(),
      label: maybe(z.string()),
      tags: z.array(z.object({ n: z.optional(z.number()) })),
      size: z.pipe(
        z.string(),
        z.transform((s) => s.length),
      ),
      any: z.unknown(),
    });
    expectTypeOf<z.Infer<typeof schema>>().toEqualTypeOf<{
      id: string;
      label?: string | null | undefined;
      tags: Array<{ n?: number | undefined }>;
      size: number;
      any?: unknown;
    }>();
    expectTypeOf<z.Infer<ReturnType<typeof z.union<[z.Schema<string>, z.Schema<number>]>>>>().toEqualTypeOf<
      string | number
    >();
  });
});
