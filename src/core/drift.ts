import type { ZodMiniType } from 'zod/mini';

/**
 * One difference between a response and the schema that read it, named by the wire field path
 * (the API's names, never a value): `cards[].label`, `balance.value`.
 * - `unknown`: the response has a field the schema does not know;
 * - `missing`: the schema documents a field the response lacks;
 * - `null`: the schema documents a field the response sends as `null`.
 */
export interface DriftIssue {
  /** Wire path; array elements as `[]`, record entries as `*`. */
  path: string;
  /** What differs. */
  kind: 'unknown' | 'missing' | 'null';
}

interface Def {
  type: string;
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  in?: Node;
  out?: Node;
  element?: Node;
  options?: readonly Node[];
  valueType?: Node;
  getter?: () => Node;
}

interface Node {
  _zod: { def: Def };
}

// Fields a source shows as optional or nullable, or that have an alternative spelling: their
// absence or null is the documented shape, not drift.
const OCCASIONAL = new WeakSet<object>();

/**
 * Marks a field schema as documented-optional: drift reports neither its absence nor a `null`.
 * Returns the schema itself.
 */
export function occasional<S extends ZodMiniType<unknown, unknown>>(schema: S): S {
  OCCASIONAL.add(schema);
  return schema;
}

const MAX_DEPTH = 32;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Takes off optional/nullable/default wrappers and pipes, down to the schema that reads the wire. */
function core(node: Node, depth = 0): Node {
  const def = node._zod.def;
  if (depth > MAX_DEPTH) return node;
  if (WRAPPERS.has(def.type) && def.innerType) return core(def.innerType, depth + 1);
  if (def.type === 'pipe' && def.in && def.out) {
    // A pipe that starts with a transform reshapes the wire first: only its output is known.
    return core(def.in._zod.def.type === 'transform' ? def.out : def.in, depth + 1);
  }
  if (def.type === 'lazy' && def.getter) return core(def.getter(), depth + 1);
  return node;
}

function walk(node: Node, data: unknown, path: string, out: Map<string, DriftIssue>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const schema = core(node);
  const def = schema._zod.def;
  if (def.type === 'object' && def.shape && isRecord(data)) {
    for (const [key, field] of Object.entries(def.shape)) {
      const where = join(path, key);
      const value = data[key];
      const quiet = OCCASIONAL.has(field);
      if (value === undefined) {
        if (!quiet && !Object.hasOwn(data, key)) add(out, where, 'missing');
      } else if (value === null) {
        if (!quiet) add(out, where, 'null');
      } else {
        walk(field, value, where, out, depth + 1);
      }
    }
    const loose = def.catchall !== undefined && core(def.catchall)._zod.def.type !== 'never';
    if (!loose) {
      for (const key of Object.keys(data))
        if (!Object.hasOwn(def.shape, key)) add(out, join(path, key), 'unknown');
    }
    return;
  }
  if (def.type === 'array' && def.element && Array.isArray(data)) {
    const where = `${path}[]`;
    for (const item of data) {
      if (item === null) add(out, where, 'null');
      else walk(def.element, item, where, out, depth + 1);
    }
    return;
  }
  if (def.type === 'record' && def.valueType && isRecord(data)) {
    for (const value of Object.values(data)) walk(def.valueType, value, join(path, '*'), out, depth + 1);
    return;
  }
  if (def.type === 'union' && def.options) {
    const want = Array.isArray(data) ? 'array' : isRecord(data) ? 'object' : undefined;
    const option = want && def.options.find((o) => core(o)._zod.def.type === want);
    if (option) walk(option, data, path, out, depth + 1);
  }
}

function add(out: Map<string, DriftIssue>, path: string, kind: DriftIssue['kind']): void {
  const key = `${kind} ${path}`;
  if (!out.has(key)) out.set(key, { path, kind });
}

/**
 * The drift between raw (pre-parse) wire `data` and the schema that reads it: unknown fields,
 * documented fields absent, documented fields `null`, each once, by wire path. Cheap when nothing
 * drifted (one pass over the data, no allocation per field); never throws — a schema or value it
 * cannot walk yields what it found so far.
 */
export function findDrift(schema: ZodMiniType<unknown, unknown>, data: unknown): DriftIssue[] {
  const out = new Map<string, DriftIssue>();
  try {
    walk(schema as unknown as Node, data, '', out, 0);
  } catch {
    // A getter that throws or an exotic schema: report what was found.
  }
  return [...out.values()];
}
