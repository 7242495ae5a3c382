import { CardsError, type CardsErrorInit } from './base.js';

/** Bad input caught before any byte was sent. */
export class ValidationError extends CardsError {
  /** `'ValidationError'` (or the subclass's name), a literal that survives minification. */
  override readonly name: string = 'ValidationError';
  /** The parameter at fault, e.g. `amount` or `initialBalance`. */
  declare readonly field: string;
  /** The rule it broke, e.g. `positive`, `max_decimals`, `required`. */
  declare readonly rule: string;

  /** Builds a validation error; the message never contains the rejected value. */
  constructor(message: string, init: CardsErrorInit & { field: string; rule: string }) {
    super(message, init);
    this.field = init.field;
    this.rule = init.rule;
  }
}

/**
 * Refuses an input before anything is sent.
 *
 * @throws {ValidationError} always, with `field`, `rule`, `hint` and, when given, `operation`.
 */
export function refuse(
  field: string,
  rule: string,
  message: string,
  hint: string,
  operation?: string,
): never {
  throw new ValidationError(message, { field, rule, hint, operation });
}
