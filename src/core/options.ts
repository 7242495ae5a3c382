import { ValidationError } from './errors.js';
import { checkHeaders } from './headers.js';
import type { RequestOptions } from './spec.js';

/** The bounds of the numeric options, shared by the client and every call. */
export const BOUNDS = {
  timeoutMs: { min: 1, max: 600_000 },
  maxRetries: { min: 0, max: 10 },
  maxResponseBytes: { min: 1, max: Number.MAX_SAFE_INTEGER },
} as const;

/**
 * Checks a whole number against its bounds.
 *
 * @throws {ValidationError} outside `min`..`max` or not a whole number.
 */
function checkCount(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new ValidationError(`${field} must be a whole number ${range}.`, {
      field,
      rule: 'range',
      hint: `Set ${field} to a whole number ${range}, or leave it out for the default.`,
    });
  }
  return value;
}

/** Checks a bounded option; `undefined` takes the fallback (`null` is a bad value, not a default). */
export function bounded(value: unknown, fallback: number, field: keyof typeof BOUNDS): number {
  if (value === undefined) return fallback;
  return checkCount(value, field, BOUNDS[field].min, BOUNDS[field].max);
}

const CALL_OPTIONS: ReadonlySet<string> = new Set([
  'signal',
  'timeoutMs',
  'maxRetries',
  'idempotencyKey',
  'headers',
  'extraBody',
]);

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** A call's options once checked. */
export interface CallOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxRetries: number;
  idempotencyKey: string | undefined;
  headers: Readonly<Record<string, string>>;
}

function isSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}

/**
 * Checks a call's options against the client's defaults.
 *
 * @throws {ValidationError} for an unknown option, a wrong type or a value out of range.
 */
export function checkCallOptions(
  options: RequestOptions | undefined,
  defaults: { timeoutMs: number; maxRetries: number },
): CallOptions {
  if (options === undefined || options === null) {
    // The common case, kept cheap: no spread of the caller's config object.
    return {
      signal: undefined,
      timeoutMs: defaults.timeoutMs,
      maxRetries: defaults.maxRetries,
      idempotencyKey: undefined,
      headers: NO_HEADERS,
    };
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError('options must be an object.', {
      field: 'options',
      rule: 'type',
      hint: 'Pass per-call options as { timeoutMs, maxRetries, signal, idempotencyKey, headers }.',
    });
  }
  for (const key of Object.keys(options)) {
    if (!CALL_OPTIONS.has(key)) {
      throw new ValidationError(`options.${key} is not an option of this call.`, {
        field: `options.${key}`,
        rule: 'unknown_field',
        hint: `Known options: ${[...CALL_OPTIONS].join(', ')}.`,
      });
    }
  }
  const { signal, idempotencyKey } = options;
  if (signal !== undefined && !isSignal(signal)) {
    throw new ValidationError('options.signal must be an AbortSignal.', {
      field: 'options.signal',
      rule: 'type',
      hint: 'Pass AbortSignal.timeout(ms) or an AbortController’s signal.',
    });
  }
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey))
  ) {
    throw new ValidationError(
      'idempotencyKey must be a string of 1 to 255 visible ASCII characters (no spaces or line breaks).',
      {
        field: 'idempotencyKey',
        rule: typeof idempotencyKey === 'string' ? 'format' : 'type',
        hint: 'Use an id of your own order or request (e.g. topup-<your order id>), unchanged on every retry of the same request.',
      },
    );
  }
  return {
    signal,
    timeoutMs: bounded(options.timeoutMs, defaults.timeoutMs, 'timeoutMs'),
    maxRetries: bounded(options.maxRetries, defaults.maxRetries, 'maxRetries'),
    idempotencyKey,
    headers: checkHeaders(options.headers, 'headers'),
  };
}
