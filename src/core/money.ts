import { refuse } from './refuse.js';

/** An amount in major units (e.g. `25.5` or `"25.50"`): a number or a decimal string. */
export type Amount = number | string;

/** Smallest card top-up the API accepts, in major units. */
export const MIN_CARD_TOP_UP = 1.01;

const DECIMAL = /^\d{1,13}(\.\d{1,2})?$/;

/**
 * Validates an amount and returns it as a JSON-safe number with at most 2 decimals.
 *
 * @throws {ValidationError} when the amount is not a finite number or decimal string, is zero or
 * negative, has more than 2 decimals, or is below `min`.
 */
export function toAmount(value: unknown, field: string, min?: number): number {
  const hint = `Pass ${field} in major units with at most 2 decimals, e.g. 25.5 or "25.50".`;
  const decimals = `${field} may have at most 2 decimals.`;
  let cents: number;
  if (typeof value === 'string') {
    if (!DECIMAL.test(value)) {
      if (/^\d{1,13}\.\d{3,}$/.test(value)) refuse(field, 'max_decimals', decimals, hint);
      refuse(field, 'format', `${field} must be a positive decimal string.`, hint);
    }
    const [whole = '0', frac = ''] = value.split('.');
    cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(field, 'finite', `${field} must be a finite number.`, hint);
    if (Math.abs(value) >= 1e13) refuse(field, 'maximum', `${field} is too large.`, hint);
    cents = Math.round(value * 100);
    // Exact: `value` must be the double nearest to cents / 100. Tolerates the noise of the
    // multiplication (1.1 * 100 = 110.00000000000001) but not a float sum such as 0.1 + 0.2.
    if (cents / 100 !== value) {
      refuse(field, 'max_decimals', decimals, hint);
    }
  } else {
    return refuse(field, 'type', `${field} must be a number or a decimal string.`, hint);
  }
  if (cents <= 0) refuse(field, 'positive', `${field} must be greater than zero.`, hint);
  if (min !== undefined && cents < Math.round(min * 100)) {
    refuse(
      field,
      'minimum',
      `${field} must be at least ${min.toFixed(2)}.`,
      `Move at least ${min.toFixed(2)}.`,
    );
  }
  return cents / 100;
}
