import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { MIN_CARD_TOP_UP, toAmount } from '../../src/core/money.js';

function rejection(value: unknown, min?: number): ValidationError {
  try {
    toAmount(value, 'amount', min);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`toAmount accepted ${String(value)}`);
}

describe('toAmount accepts', () => {
  it.each<[unknown, number]>([
    [10, 10],
    [1.1, 1.1],
    [25.5, 25.5],
    [0.01, 0.01],
    [0.07, 0.07],
    [1.15, 1.15],
    [9.99, 9.99],
    [123456789.12, 123456789.12],
    ['25.50', 25.5],
    ['25.5', 25.5],
    ['1.1', 1.1],
    ['10', 10],
    ['0.01', 0.01],
    ['007.50', 7.5],
    ['9999999999999.99', 9999999999999.99],
  ])('%j → %d', (input, expected) => {
    expect(toAmount(input, 'amount')).toBe(expected);
  });

  it('serialises without float noise', () => {
    expect(JSON.stringify({ amount: toAmount('0.29', 'amount') })).toBe('{"amount":0.29}');
    expect(JSON.stringify({ amount: toAmount(1.1, 'amount') })).toBe('{"amount":1.1}');
    expect(JSON.stringify({ amount: toAmount('1.10', 'amount') })).toBe('{"amount":1.1}');
  });
});

describe('toAmount rejects, naming the field and the rule', () => {
  it.each<[string, unknown, string]>([
    ['NaN', Number.NaN, 'finite'],
    ['Infinity', Number.POSITIVE_INFINITY, 'finite'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'finite'],
    ['0', 0, 'positive'],
    ['-0', -0, 'positive'],
    ['a negative number', -5, 'positive'],
    ['a negative cent', -0.01, 'positive'],
    ['3 decimals', 1.005, 'max_decimals'],
    ['0.1 + 0.2 (0.30000000000000004)', 0.1 + 0.2, 'max_decimals'],
    ['float noise far below a cent', 1.0000000001, 'max_decimals'],
    ['a sub-cent amount', 0.001, 'max_decimals'],
    ['1e13', 1e13, 'maximum'],
    ['Number.MAX_VALUE', Number.MAX_VALUE, 'maximum'],
    ['"0"', '0', 'positive'],
    ['"0.00"', '0.00', 'positive'],
    ['"-1"', '-1', 'format'],
    ['"1,00"', '1,00', 'format'],
    ['"1.234"', '1.234', 'max_decimals'],
    ['"25.505"', '25.505', 'max_decimals'],
    ['"1."', '1.', 'format'],
    ['".5"', '.5', 'format'],
    ['" 1"', ' 1', 'format'],
    ['"1e3"', '1e3', 'format'],
    ['"0x10"', '0x10', 'format'],
    ['""', '', 'format'],
    ['"NaN"', 'NaN', 'format'],
    ['"10000000000000"', '10000000000000', 'format'],
    ['a bigint', 10n, 'type'],
    ['null', null, 'type'],
    ['undefined', undefined, 'type'],
    ['an object', { amount: 1 }, 'type'],
    ['a boolean', true, 'type'],
  ])('%s → %s', (_label, value, rule) => {
    const error = rejection(value);
    expect(error.rule).toBe(rule);
    expect(error.field).toBe('amount');
    expect(error.message).toContain('amount');
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('says "at most 2 decimals" in the message of any amount with 3 or more decimals, number or string', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        (whole, thousandths, asText) => {
          fc.pre(thousandths % 10 !== 0);
          const text = `${whole}.${String(thousandths).padStart(3, '0')}`;
          const error = rejection(asText ? text : Number(text));
          expect(error.rule).toBe('max_decimals');
          expect(error.message).toContain('at most 2 decimals');
        },
      ),
    );
  });

  it('uses the field name it is given', () => {
    try {
      toAmount(-1, 'initialBalance');
    } catch (error) {
      expect((error as ValidationError).field).toBe('initialBalance');
      expect((error as ValidationError).message).toContain('initialBalance');
      return;
    }
    throw new Error('accepted -1');
  });

  it('never echoes the rejected value', () => {
    for (const value of [-12345.678, '98765.4321', 1.0000000001]) {
      const error = rejection(value);
      expect(error.message).not.toContain(String(value));
      expect(JSON.stringify(error)).not.toContain(String(value));
    }
  });
});

describe('toAmount minimum (card top-ups)', () => {
  it('is 1.01', () => {
    expect(MIN_CARD_TOP_UP).toBe(1.01);
  });

  it.each<[unknown]>([[1], [1.0], ['1.00'], [0.5], ['1']])('rejects %j below 1.01', (value) => {
    const error = rejection(value, MIN_CARD_TOP_UP);
    expect(error.rule).toBe('minimum');
    expect(error.message).toContain('1.01');
  });

  it.each<[unknown, number]>([
    [1.01, 1.01],
    ['1.01', 1.01],
    [1.02, 1.02],
    ['500', 500],
  ])('accepts %j', (value, expected) => {
    expect(toAmount(value, 'amount', MIN_CARD_TOP_UP)).toBe(expected);
  });

  it('checks positivity before the minimum', () => {
    expect(rejection(0, MIN_CARD_TOP_UP).rule).toBe('positive');
  });
});

describe('toAmount properties', () => {
  it('any whole number of cents round-trips from a number and from its 2-decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999_99 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        const expected = Number(text);
        expect(toAmount(expected, 'amount')).toBe(expected);
        expect(toAmount(text, 'amount')).toBe(expected);
        expect(JSON.stringify(toAmount(text, 'amount'))).toMatch(/^\d+(\.\d{1,2})?$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('never rounds: any number is returned unchanged or rejected', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (value) => {
        let result: number | undefined;
        try {
          result = toAmount(value, 'amount');
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        expect(result).toBe(value);
        expect(String(result)).toMatch(/^\d+(\.\d{1,2})?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('a sum of two amounts with float noise is rejected, the rounded sum accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
        const sum = a / 100 + b / 100;
        const exact = (a + b) / 100;
        if (sum === exact) expect(toAmount(sum, 'amount')).toBe(exact);
        else expect(rejection(sum).rule).toBe('max_decimals');
        expect(toAmount(Math.round(sum * 100) / 100, 'amount')).toBe(exact);
      }),
      { numRuns: 500 },
    );
  });
});
