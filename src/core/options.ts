import { unknownField } from './did-you-mean.js';
import { checkHeaders } from './headers.js';
import { isSignal } from './params.js';
import { invalid, refuse } from './refuse.js';
import { isPlainObject, snapshot } from './snapshot.js';
import type { RequestOptions } from './spec.js';

/** The bounds of the numeric options, `[min, max]`, shared by the client and every call. */
export const BOUNDS = {
  timeoutMs: [1, 600_000],
  maxRetries: [0, 10],
  maxResponseBytes: [1, Number.MAX_SAFE_INTEGER],
} as const;

/**
 * Checks a bounded option, a whole number within {@link BOUNDS}; `undefined` takes the fallback
 * (`null` is a bad value, not a default).
 *
 * @throws {ValidationError} outside its bounds or not a whole number.
 */
export function bounded(value: unknown, fallback: number, field: keyof typeof BOUNDS): number {
  if (value === undefined) return fallback;
  const [min, max] = BOUNDS[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    refuse(field, 'range', `${field} must be a whole number ${range}.`, 'Leave it out for the default.');
  }
  return value;
}

const CALL_OPTIONS: ReadonlySet<string> = new Set(
  'signal timeoutMs maxRetries idempotencyKey headers extraBody'.split(' '),
);

const KNOWN = `Known options: ${[...CALL_OPTIONS].join(', ')}.`;

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** A call's options once checked. */
export interface CallOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxRetries: number;
  idempotencyKey: string | undefined;
  headers: Readonly<Record<string, string>>;
  /** The copy of the caller's options the call was checked from (for its confirming reads). */
  given: RequestOptions;
}

/**
 * Refuses the first key of `given` not in `known`, naming the known one it is a typo of, else
 * listing them all; `prefix` is how the caller writes the path to a key.
 *
 * @throws {ValidationError} rule `unknown_field`.
 */
export function checkNames(given: object, known: ReadonlySet<string>, prefix: string, what: string): void {
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      throw unknownField(prefix, key, known, what, `Known options: ${[...known].join(', ')}.`);
  }
}

/** Option objects this module copied itself (never a caller's object). */
const COPIES = new WeakSet<object>();

/**
 * Copies a call's options once (see {@link snapshot}, `headers` and `extraBody` included) and
 * checks that it holds only known options; the call is built from the copy alone.
 *
 * @throws {ValidationError} field `options`, rule `type`, for anything but `undefined` or a
 * plain object; `unknown_field` for an unknown option.
 */
export function copyOptions(options: unknown): RequestOptions | undefined {
  if (options === undefined) return undefined;
  // A resource copies the caller's options and the transport checks them again: copy them once.
  if (COPIES.has(options as object)) return options as RequestOptions;
  if (!isPlainObject(options)) {
    throw invalid('options', 'type', 'options must be an object.', KNOWN);
  }
  const copy = snapshot(options, 'options') as Record<string, unknown>;
  checkNames(copy, CALL_OPTIONS, 'options.', 'an option of this call');
  COPIES.add(copy);
  return copy as RequestOptions;
}

/**
 * Checks a call's options against the client's defaults, from a copy of them.
 *
 * @throws {ValidationError} for options that are not an object, an unknown option, a wrong type
 * or a value out of range.
 */
export function checkCallOptions(
  options: RequestOptions | undefined,
  defaults: { timeoutMs: number; maxRetries: number },
): CallOptions {
  const given = copyOptions(options);
  if (given === undefined) {
    // The common case, kept cheap: nothing to copy.
    return {
      signal: undefined,
      timeoutMs: defaults.timeoutMs,
      maxRetries: defaults.maxRetries,
      idempotencyKey: undefined,
      headers: NO_HEADERS,
      given: {},
    };
  }
  const { signal, idempotencyKey } = given;
  if (signal !== undefined && !isSignal(signal)) {
    throw invalid(
      'options.signal',
      'type',
      'options.signal must be an AbortSignal.',
      'Pass options.signal as an AbortSignal.',
    );
  }
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey))
  ) {
    throw invalid(
      'idempotencyKey',
      typeof idempotencyKey === 'string' ? 'format' : 'type',
      'idempotencyKey must be 1 to 255 visible ASCII characters.',
      'Use your own order id, the same on every retry.',
    );
  }
  return {
    signal,
    timeoutMs: bounded(given.timeoutMs, defaults.timeoutMs, 'timeoutMs'),
    maxRetries: bounded(given.maxRetries, defaults.maxRetries, 'maxRetries'),
    idempotencyKey,
    headers: checkHeaders(given.headers, 'headers'),
    given,
  };
}
