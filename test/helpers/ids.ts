import * as fc from 'fast-check';
import { luhnCheckDigit } from '../../src/core/luhn.js';

const hexDigits = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/**
 * A UUID-form id whose digit groups read as a Luhn-valid card number (8+4, 8+4+4, 4+4+4, or the
 * last 12) and which holds a hex letter elsewhere, in either letter case: what a redactor reading
 * digits alone would take for a PAN.
 */
export const luhnUuidArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom([0, 2], [0, 3], [1, 4], [4, 5]),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
    fc.array(hexDigits(11), { minLength: 5, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([[from, to], body, fill, upper]) => {
    const sizes = [8, 4, 4, 4, 12];
    const length = sizes.slice(from, to).reduce((a, b) => a + b, 0);
    const partial = body.join('').slice(0, length - 1);
    const digits = partial + luhnCheckDigit(partial);
    let taken = 0;
    const groups = sizes.map((size, i) => {
      if (i < from || i >= to) return (fill[i] ?? '').slice(0, size - 1) + 'abcdef'[i];
      taken += size;
      return digits.slice(taken - size, taken);
    });
    const id = groups.join('-');
    return upper ? id.toUpperCase() : id;
  });
