import { BRAND, branded } from './brand.js';

/** Fields every SDK error can carry. */
export interface CardsErrorInit {
  /** One sentence saying what to do next. */
  hint: string;
  /** The SDK operation, e.g. `funds.topUp`. */
  operation?: string | undefined;
  /** A sanitised underlying error. */
  cause?: unknown;
}

/**
 * Base class of everything the SDK throws. Messages are redacted before they are stored, and
 * `toJSON` lists only safe fields, so an error can be logged whole.
 */
export class CardsError extends Error {
  /** `'CardsError'` (or the subclass's name), a literal that survives minification. */
  override readonly name: string = 'CardsError';
  /** What to do next, in one sentence. */
  declare readonly hint: string;
  /** The SDK operation that failed, e.g. `cards.issue`. */
  declare readonly operation: string | undefined;

  /** Builds an error from a redacted message. */
  constructor(message: string, init: CardsErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.hint = init.hint;
    this.operation = init.operation;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain, secret-free view for `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && typeof value !== 'function') out[key] = value;
    }
    return out;
  }
}

/**
 * True for any error thrown by bfinance-cards, including one from another copy of the package (an
 * ESM and a CJS build loaded side by side), where `instanceof` cannot see it.
 */
export function isCardsError(value: unknown): value is CardsError {
  return branded(value);
}
