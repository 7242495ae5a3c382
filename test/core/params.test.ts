import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import {
  abortSignal,
  amountLike,
  anyText,
  checkOptionalShape,
  checkShape,
  isPlainObject,
  MAX_TIMER_MS,
  milliseconds,
  nested,
  oneOf,
  positiveWhole,
  refId,
  text,
  textList,
} from '../../src/core/params.js';

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

const shape = {
  name: anyText,
  tags: textList,
  limit: positiveWhole,
  inner: nested({ city: anyText, kind: oneOf(['a', 'b']) }),
};

const KNOWN = ['name', 'tags', 'limit', 'inner'];

describe('checkShape', () => {
  it('accepts a valid object and skips undefined values', () => {
    const value = { name: 'x', tags: ['a'], limit: 3, inner: { city: 'Paris', kind: 'a' }, extra: undefined };
    // An undefined value of an unknown key is still an unknown key: typos surface either way.
    expect(refusal(() => checkShape(value, '', 'op', shape))).toMatchObject({ field: 'extra' });
    const { extra: _e, ...valid } = value;
    // The result is a copy without a prototype (input is read once), equal to the input.
    const copy = checkShape(valid, '', 'op', shape);
    expect(copy).not.toBe(valid);
    expect(copy).toEqual(valid);
    expect(checkShape({ name: undefined }, '', 'op', shape)).toEqual({ name: undefined });
  });

  it('checks a copy and returns it: the values validated are the values returned', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (later, laterCity) => {
        let reads = 0;
        let cityReads = 0;
        const value = {
          get name(): unknown {
            return reads++ === 0 ? 'x' : later;
          },
          inner: {
            get city(): unknown {
              return cityReads++ === 0 ? 'Paris' : laterCity;
            },
          },
        };
        const copy = checkShape(value, '', 'op', shape);
        expect(copy).toEqual({ name: 'x', inner: { city: 'Paris' } });
        expect([reads, cityReads]).toEqual([1, 1]);
      }),
      { numRuns: 50 },
    );
  });

  it('names any unknown key with rule unknown_field, never its value', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KNOWN.includes(k) && !/\d{4}/.test(k)),
        fc.anything(),
        (key, value) => {
          const error = refusal(() => checkShape({ name: 'ok', [key]: value }, '', 'op', shape));
          expect(error.field).toBe(key);
          expect(error.rule).toBe('unknown_field');
          expect(error.operation).toBe('op');
          expect(error.hint).toContain('extraBody');
        },
      ),
    );
  });

  it('prefixes nested fields with their dotted path', () => {
    expect(refusal(() => checkShape({ inner: { town: 'x' } }, '', 'op', shape))).toMatchObject({
      field: 'inner.town',
      rule: 'unknown_field',
    });
    expect(refusal(() => checkShape({ inner: { kind: 'c' } }, '', 'op', shape))).toMatchObject({
      field: 'inner.kind',
      rule: 'enum',
    });
    expect(refusal(() => checkShape({ inner: 'x' }, '', 'op', shape))).toMatchObject({
      field: 'inner',
      rule: 'type',
    });
    expect(refusal(() => checkShape({ a: 1 }, 'shipping', 'op', shape)).field).toBe('shipping.a');
  });

  it('refuses a value of the wrong type for every field', () => {
    const wrong = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.object(),
      fc.array(fc.integer()),
    );
    fc.assert(
      fc.property(wrong, (value) => {
        const error = refusal(() => checkShape({ name: value }, '', 'op', shape));
        expect(error).toMatchObject({ field: 'name', rule: 'type' });
        expect(error.message).not.toContain(JSON.stringify(value) ?? 'undefined-value');
      }),
    );
    expect(refusal(() => checkShape({ tags: 'frozen' }, '', 'op', shape))).toMatchObject({
      field: 'tags',
      rule: 'type',
    });
    expect(refusal(() => checkShape({ limit: 0 }, '', 'op', shape))).toMatchObject({
      field: 'limit',
      rule: 'range',
    });
  });

  it('refuses non-objects: null, arrays, class instances, primitives', () => {
    for (const value of [null, [], new Date(0), 'x', 5, true]) {
      expect(refusal(() => checkShape(value, '', 'op', shape))).toMatchObject({
        field: 'params',
        rule: 'type',
      });
    }
    expect(checkShape(Object.create(null) as object, '', 'op', shape)).toEqual({});
    expect(checkOptionalShape(undefined, '', 'op', shape)).toEqual({});
  });

  it('does not take inherited or prototype keys for known fields', () => {
    expect(refusal(() => checkShape({ toString: 'x' }, '', 'op', shape)).field).toBe('toString');
    expect(refusal(() => checkShape(JSON.parse('{"__proto__": 1}'), '', 'op', shape)).field).toBe(
      '__proto__',
    );
  });

  it('redacts a card number pasted as a key', () => {
    const error = refusal(() => checkShape({ '4111111111111111': 1 }, '', 'op', shape));
    expect(error.field).not.toContain('4111111111111111');
    expect(error.message).not.toContain('4111111111111111');
  });
});

describe('the rules', () => {
  it('text refuses blank strings as required, anyText takes them', () => {
    expect(refusal(() => text(' ', 'f', 'op'))).toMatchObject({ field: 'f', rule: 'required' });
    expect(refusal(() => text(3, 'f', 'op'))).toMatchObject({ rule: 'type' });
    expect(() => anyText('', 'f', 'op')).not.toThrow();
  });

  it('amountLike takes numbers and strings only', () => {
    expect(() => amountLike(1, 'amount', 'op')).not.toThrow();
    expect(() => amountLike('1.5', 'amount', 'op')).not.toThrow();
    for (const value of [null, {}, [], true, 1n]) {
      expect(refusal(() => amountLike(value, 'amount', 'op'))).toMatchObject({
        field: 'amount',
        rule: 'type',
      });
    }
  });

  it('positiveWhole refuses anything but whole numbers from 1', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.integer({ max: 0 })), (value) => {
        fc.pre(!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 1));
        expect(refusal(() => positiveWhole(value, 'page', 'op')).rule).toBe('range');
      }),
    );
  });

  it('milliseconds keeps the range from 0 to the timer maximum', () => {
    expect(milliseconds(undefined, 't', 7, 'op')).toBe(7);
    expect(milliseconds(0, 't', 7, 'op')).toBe(0);
    expect(milliseconds(MAX_TIMER_MS, 't', 7, 'op')).toBe(MAX_TIMER_MS);
    for (const value of [-1, MAX_TIMER_MS + 1, Number.NaN, '5', null]) {
      expect(refusal(() => milliseconds(value, 't', 7, 'op'))).toMatchObject({ field: 't', rule: 'range' });
    }
  });

  it('abortSignal takes a signal only', () => {
    expect(() => abortSignal(new AbortController().signal, 'signal', 'op')).not.toThrow();
    expect(refusal(() => abortSignal({ aborted: false }, 'signal', 'op')).rule).toBe('type');
  });

  it('refId reads only the id of an object and passes anything else through', () => {
    expect(refId('c1')).toBe('c1');
    expect(refId({ id: 'c1', other: { deep: true } })).toBe('c1');
    expect(refId({ id: 5 })).toEqual({ id: 5 });
    expect(refId(undefined)).toBeUndefined();
  });

  it('isPlainObject', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(new Map())).toBe(false);
    expect(isPlainObject([])).toBe(false);
  });
});
