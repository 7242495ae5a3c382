import { ValidationError } from '../core/errors.js';

const PATTERNS = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  phone: /^\+?[0-9][0-9 ()-]{4,19}$/,
} as const;

/**
 * Checks the email address or phone number of a card before it is sent.
 *
 * @throws {ValidationError} rule `format` when the value is not a string of that form.
 */
export function checkContact(value: unknown, field: 'email' | 'phone', operation: string): string {
  if (typeof value === 'string' && value.length <= 254 && PATTERNS[field].test(value)) return value;
  throw new ValidationError(
    `${field} is not a valid ${field === 'email' ? 'email address' : 'phone number'}.`,
    {
      field,
      rule: 'format',
      operation,
      hint:
        field === 'email'
          ? 'Pass an address like user@example.com.'
          : 'Pass digits with an optional leading +, e.g. +14155550100.',
    },
  );
}
