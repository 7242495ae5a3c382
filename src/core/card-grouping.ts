// What a card number looks like, for the redactor's two passes (redact-pan.ts, redact-grouped.ts).

/** The fewest digits of a card number (12-digit Maestro numbers need a card word). */
export const MIN_PAN = 13;
/** The most digits of a card number. */
export const MAX_PAN = 19;

/**
 * True when digit-group sizes are how card numbers are printed: groups of four, the last one
 * possibly shorter (`4111 1111 1111 1111`, `6759 6498 2643 8453 123`), or 4-6-5 / 4-6-4, the
 * groupings of American Express (34, 37) and Diners (30, 36, 38) numbers, which start with 3.
 * Identifiers are not written this way.
 */
export function isCardGrouping(sizes: readonly number[], firstDigit: number): boolean {
  const shape = sizes.join('-');
  if (shape === '4-6-5' || shape === '4-6-4') return firstDigit === 3;
  if (sizes.length < 2) return false;
  return sizes.every((size, i) => size === 4 || (i === sizes.length - 1 && size < 4));
}
