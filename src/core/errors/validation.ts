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
