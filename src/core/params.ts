import { unknownField } from './did-you-mean.js';
import type { ValidationError } from './errors.js';
import { invalid } from './refuse.js';
import { isPlainObject, snapshot } from './snapshot.js';

export { isPlainObject } from './snapshot.js';

// Strict checks of what callers pass to SDK methods: plain-JavaScript callers get a
// ValidationError naming the field and the rule, never a raw TypeError and never a value echoed.

/** Checks one parameter; `field` is its dotted path, `operation` the public method. */
export type ParamRule = (value: unknown, field: string, operation: string) => void;

/** The allowed keys of a parameters object, each with its rule. */
export type ParamShape = Readonly<Record<string, ParamRule>>;

/** Builds the error every rule throws: the message names the field, never its value. */
export function paramError(
  field: string,
  rule: string,
  message: string,
  operation: string,
  hint: string,
): ValidationError {
  return invalid(field, rule, message, hint, operation);
}

/** The error of a value that is not `what` (e.g. `a string`); the hint says the same as an action. */
function notA(field: string, what: string, operation: string, rule = 'type'): ValidationError {
  return paramError(field, rule, `${field} must be ${what}.`, operation, `Pass ${field} as ${what}.`);
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function checkCopy(
  value: unknown,
  prefix: string,
  operation: string,
  shape: ParamShape,
): Record<string, unknown> {
  const name = prefix === '' ? 'params' : prefix;
  if (!isPlainObject(value)) {
    throw paramError(
      name,
      'type',
      `${name} must be an object.`,
      operation,
      `See the parameters of ${operation}.`,
    );
  }
  for (const key of Object.keys(value)) {
    const rule = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (rule === undefined) {
      const known = Object.keys(shape);
      throw unknownField(
        join(prefix, ''),
        key,
        known,
        `a parameter of ${operation}`,
        `Known fields: ${known.join(', ')}. Send a field the SDK does not know yet with the extraBody option.`,
        operation,
      );
    }
    if (value[key] !== undefined) rule(value[key], join(prefix, key), operation);
  }
  return value;
}

/**
 * Copies a parameters object once (see {@link snapshot}) and checks the copy against its shape:
 * a plain object, no key outside the shape (so a typo such as `initial_balance` surfaces), every
 * present key by its rule. `undefined` values count as absent. Build the request from the copy
 * it returns, never from the caller's object: a getter or Proxy may answer differently later.
 *
 * @throws {ValidationError} rule `type` for a non-object, `unknown_field` for an unknown key,
 * or the rule of the field at fault.
 */
export function checkShape(
  value: unknown,
  prefix: string,
  operation: string,
  shape: ParamShape,
): Record<string, unknown> {
  return checkCopy(snapshot(value, prefix === '' ? 'params' : prefix), prefix, operation, shape);
}

/** Like {@link checkShape}, for an optional parameters object: `undefined` is an empty copy. */
export function checkOptionalShape(
  value: unknown,
  prefix: string,
  operation: string,
  shape: ParamShape,
): Record<string, unknown> {
  return value === undefined ? Object.create(null) : checkShape(value, prefix, operation, shape);
}

/** A nested object with its own shape (already copied with its parent). */
export function nested(shape: ParamShape): ParamRule {
  return (value, field, operation) => {
    checkCopy(value, field, operation, shape);
  };
}

/** Any string. */
export const anyText: ParamRule = (value, field, operation) => {
  if (typeof value !== 'string') throw notA(field, 'a string', operation);
};

/** A string that is not blank. */
export const text: ParamRule = (value, field, operation) => {
  anyText(value, field, operation);
  if ((value as string).trim() === '') {
    throw paramError(
      field,
      'required',
      `${field} must not be empty.`,
      operation,
      `Pass a non-empty ${field}.`,
    );
  }
};

/** A list of non-empty strings. */
export const textList: ParamRule = (value, field, operation) => {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    throw notA(field, 'a list of non-empty strings', operation);
  }
};

/** An amount in major units: its form is checked by `toAmount`; here only that it is a number or string. */
export const amountLike: ParamRule = (value, field, operation) => {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw notA(field, 'a number or a decimal string (major units)', operation);
  }
};

/** One of a fixed set of strings. */
export function oneOf(allowed: readonly string[]): ParamRule {
  return (value, field, operation) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw paramError(
        field,
        'enum',
        `${field} must be one of ${allowed.join(', ')}.`,
        operation,
        `Pass one of: ${allowed.join(', ')}.`,
      );
    }
  };
}

/** A whole number of 1 or more (page numbers and sizes). */
export const positiveWhole: ParamRule = (value, field, operation) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw notA(field, 'a whole number of 1 or more', operation, 'range');
  }
};

/** True for an `AbortSignal` (or a look-alike from another realm). */
export function isSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}

/** An `AbortSignal`. */
export const abortSignal: ParamRule = (value, field, operation) => {
  if (!isSignal(value)) throw notA(field, 'an AbortSignal', operation);
};

/** The longest delay `setTimeout` honours, in milliseconds. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * A duration in milliseconds from 0 to {@link MAX_TIMER_MS}, or `fallback` when absent.
 *
 * @throws {ValidationError} rule `range` for anything else.
 */
export function milliseconds(value: unknown, field: string, fallback: number, operation: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw notA(field, `a number of milliseconds from 0 to ${MAX_TIMER_MS}`, operation, 'range');
  }
  return value;
}

/** {@link milliseconds} as a shape rule. */
export const millisecondsRule: ParamRule = (value, field, operation) => {
  milliseconds(value, field, 0, operation);
};

/**
 * The id of a reference: a string as is, or the `id` of an object (a record the SDK returned, or
 * a row of the caller's own); nothing else of the object is read. Anything else is returned as
 * is, for the path builder to refuse with field `id`.
 */
export function refId(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return value;
}
