import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, luhnCheckDigit } from '../../src/core/luhn.js';

describe('isLuhnValid', () => {
  it.each([
    '4111111111111111',
    '4242424242424242',
    '5555555555554444',
    '378282246310005',
    '79927398713',
    '0',
  ])('accepts %s', (digits) => {
    expect(isLuhnValid(digits)).toBe(true);
  });

  it.each(['4111111111111112', '79927398710', '1', '', '4111 1111 1111 1111', '41111111111111a1', '４１'])(
    'rejects %j',
    (digits) => {
      expect(isLuhnValid(digits)).toBe(false);
    },
  );
});

describe('luhnCheckDigit', () => {
  it('completes known numbers', () => {
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });

  it('property: exactly one digit completes any digit string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 18 }),
        (partial) => {
          const check = luhnCheckDigit(partial);
          expect(isLuhnValid(partial + check)).toBe(true);
          const others = [...'0123456789'].filter((d) => d !== check && isLuhnValid(partial + d));
          expect(others).toEqual([]);
        },
      ),
    );
  });

  it('refuses a non-digit partial', () => {
    expect(() => luhnCheckDigit('41x1')).toThrow(RangeError);
  });
});
