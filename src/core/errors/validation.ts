import type { PinRule } from '../pin-rule.js';
import { CardsError, type CardsErrorInit } from './base.js';

/** Bad input caught before any byte was sent. */
export class ValidationError extends CardsError {
  /** Always `'ValidationError'`, a literal that survives minification. */
  override readonly name: 'ValidationError' | 'WeakPinError' = 'ValidationError';
  /** The parameter at fault, e.g. `amount` or `initialBalance`. */
  readonly field: string;
  /** The rule it broke, e.g. `positive`, `max_decimals`, `required`. */
  readonly rule: string;

  /** Builds a validation error; the message never contains the rejected value. */
  constructor(message: string, init: CardsErrorInit & { field: string; rule: string }) {
    super(message, init);
    this.field = init.field;
    this.rule = init.rule;
  }
}

/** A PIN refused locally by the client's PIN policy; the message never contains the PIN. */
export class WeakPinError extends ValidationError {
  /** Always `'WeakPinError'`, a literal that survives minification. */
  override readonly name: 'WeakPinError' = 'WeakPinError';
  /** The first PIN rule that matched, e.g. `PIN_SEQUENCE`. */
  declare readonly rule: PinRule;
}
