import { type AnySchema, isRecord, type Schema } from './reader.js';

/**
 * One difference between a response and the schema that read it, named by the wire field path
 * (the API's names, never a value): `cards[].label`, `balance.value`.
 * - `unknown`: the response has a field the schema does not know;
 * - `missing`: the schema documents a field the response lacks;
 * - `null`: the schema documents a field the response sends as `null`.
 */
export interface DriftIssue {
  /** Wire path; array elements as `[]`. */
  path: string;
  /** What differs. */
  kind: 'unknown' | 'missing' | 'null';
}

// Fields a source shows as optional or nullable, or that have an alternative spelling: their
// absence or null is the documented shape, not drift.
const OCCASIONAL = new WeakSet<object>();

/**
 * Marks a field schema as documented-optional: drift reports neither its absence nor a `null`.
 * Returns the schema itself.
 */
export function quietWhenAbsent<S extends Schema<unknown, unknown>>(schema: S): S {
  OCCASIONAL.add(schema);
  return schema;
}

const MAX_DEPTH = 32;

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Looks through optional, nullable and pipes, down to the schema that reads the wire. */
function core(node: AnySchema): AnySchema {
  for (let depth = 0; depth < MAX_DEPTH && node.inner; depth++) {
    if (node.kind === 'optional' || node.kind === 'nullable') node = node.inner;
    // A pipe that starts with a transform reshapes the wire first: only its output is known.
    else if (node.kind === 'pipe') node = (node.inner.kind === 'transform' ? node.then : node.inner) ?? node;
    else break;
  }
  return node;
}

function walk(
  schema: AnySchema,
  data: unknown,
  path: string,
  out: Map<string, DriftIssue>,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const node = core(schema);
  const shape = node.shape;
  if (shape && isRecord(data)) {
    for (const key in shape) {
      const field = shape[key] as AnySchema;
      const value = data[key];
      if (value === undefined) {
        if (!OCCASIONAL.has(field) && !Object.hasOwn(data, key)) add(out, join(path, key), 'missing');
      } else if (value === null) {
        if (!OCCASIONAL.has(field)) add(out, join(path, key), 'null');
      } else if (typeof value === 'object') {
        walk(field, value, join(path, key), out, depth + 1);
      }
    }
    if (!node.loose)
      for (const key in data) if (!Object.hasOwn(shape, key)) add(out, join(path, key), 'unknown');
  } else if (node.kind === 'array' && node.inner && Array.isArray(data)) {
    const where = `${path}[]`;
    for (const item of data) {
      if (item === null) add(out, where, 'null');
      else if (typeof item === 'object') walk(node.inner, item, where, out, depth + 1);
    }
  } else if (node.options) {
    const want = Array.isArray(data) ? 'array' : isRecord(data) ? 'object' : undefined;
    const option = want && node.options.find((o) => core(o).kind === want);
    if (option) walk(option, data, path, out, depth + 1);
  }
}

function add(out: Map<string, DriftIssue>, path: string, kind: DriftIssue['kind']): void {
  const key = `${kind} ${path}`;
  if (!out.has(key)) out.set(key, { path, kind });
}

/**
 * The drift between raw (pre-parse) wire `data` and the schema that reads it: unknown fields,
 * documented fields absent, documented fields `null`, each once, by wire path. One pass over the
 * data; never throws — a value it cannot walk yields what it found so far.
 */
export function findDrift(schema: Schema<unknown, unknown>, data: unknown): DriftIssue[] {
  const out = new Map<string, DriftIssue>();
  try {
    walk(schema, data, '', out, 0);
  } catch {
    // A getter or proxy that throws: report what was found.
  }
  return [...out.values()];
}
