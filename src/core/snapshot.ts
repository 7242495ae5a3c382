import { invalid } from './refuse.js';

// What a caller passes is read once, here: a getter that answers differently on a second read,
// a Proxy that hides a key from its key list, or a key inherited from a polluted
// Object.prototype cannot make the SDK send something other than what it checked.

/** True for a plain object (not an array, a class instance such as a Date, or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The most items a caller's array may hold. */
const MAX_ITEMS = 10_000;

function copy(
  value: unknown,
  field: string,
  path: Set<object>,
  keep: ReadonlySet<string> | undefined,
): unknown {
  const array = Array.isArray(value);
  if (!array && !isPlainObject(value)) return value;
  const source = value as Record<string, unknown>;
  if (path.has(source)) {
    throw invalid(
      field,
      'cycle',
      `${field} refers to itself; JSON cannot carry it.`,
      `Pass ${field} as plain data without cycles.`,
    );
  }
  path.add(source);
  let out: unknown;
  if (array) {
    const items: unknown[] = [];
    const length = Number((source as unknown as unknown[]).length);
    // A Proxy can claim any length; no parameter of this API is a list that long.
    if (!(length <= MAX_ITEMS)) {
      throw invalid(
        field,
        'too_long',
        `${field} has more than ${MAX_ITEMS} items.`,
        `Pass at most ${MAX_ITEMS} items in ${field}.`,
      );
    }
    for (let i = 0; i < length; i++) {
      items.push(Object.hasOwn(source, i) ? copy(source[i], field, path, undefined) : undefined);
    }
    out = items;
  } else {
    // No prototype: a key the caller left out reads as undefined, never as an inherited value.
    const record: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(source)) {
      const item = source[key];
      record[key] = keep?.has(key) ? item : copy(item, field, path, undefined);
    }
    out = record;
  }
  path.delete(source);
  return out;
}

/**
 * Copies caller input once: plain objects (into objects without a prototype) and arrays, through
 * every level, reading each own enumerable key or own index exactly once; nothing inherited is
 * copied. Anything else (class instances such as an AbortSignal, functions, primitives) is
 * returned as it is. Top-level keys in `keep` are taken as read, not copied (e.g. a logger whose
 * state the caller watches).
 *
 * @throws {ValidationError} rule `cycle` naming `field` when the input refers to itself.
 */
export function snapshot(value: unknown, field: string, keep?: ReadonlySet<string>): unknown {
  return copy(value, field, new Set(), keep);
}
