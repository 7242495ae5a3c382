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
  options?: readonly Node[] | undefined;
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

// What the walk needs of a schema node, worked out once per node: a client walks the same
// schemas for every response, so the unwrapping and the shape's entries are not redone per field.
interface Plan {
  type: string;
  fields?: ReadonlyArray<readonly [key: string, node: Node, quiet: boolean]>;
  known?: ReadonlySet<string>;
  loose?: boolean;
  child?: Node | undefined;
  options?: readonly Node[] | undefined;
}

const PLANS = new WeakMap<object, Plan>();

function planOf(node: Node): Plan {
  let plan = PLANS.get(node);
  if (plan) return plan;
  const def = core(node)._zod.def;
  plan = { type: def.type };
  if (def.type === 'object' && def.shape) {
    const shape = def.shape;
    plan.fields = Object.keys(shape).map((key) => {
      const field = shape[key] as Node;
      return [key, field, OCCASIONAL.has(field)] as const;
    });
    plan.known = new Set(Object.keys(shape));
    plan.loose = def.catchall !== undefined && core(def.catchall)._zod.def.type !== 'never';
  } else if (def.type === 'array') plan.child = def.element;
  else if (def.type === 'record') plan.child = def.valueType;
  else if (def.type === 'union') plan.options = def.options;
  PLANS.set(node, plan);
  return plan;
}

function walk(node: Node, data: unknown, path: string, out: Map<string, DriftIssue>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const plan = planOf(node);
  if (plan.type === 'object' && plan.fields && isRecord(data)) {
    for (const [key, field, quiet] of plan.fields) {
      const value = data[key];
      if (value === undefined) {
        if (!quiet && !Object.hasOwn(data, key)) add(out, join(path, key), 'missing');
      } else if (value === null) {
        if (!quiet) add(out, join(path, key), 'null');
      } else if (typeof value === 'object') {
        walk(field, value, join(path, key), out, depth + 1);
      }
    }
    if (!plan.loose) {
      for (const key in data) if (!plan.known?.has(key)) add(out, join(path, key), 'unknown');
    }
    return;
  }
  if (plan.type === 'array' && plan.child && Array.isArray(data)) {
    const where = `${path}[]`;
    for (const item of data) {
      if (item === null) add(out, where, 'null');
      else if (typeof item === 'object') walk(plan.child, item, where, out, depth + 1);
    }
    return;
  }
  if (plan.type === 'record' && plan.child && isRecord(data)) {
    for (const key in data) {
      const value = data[key];
      if (typeof value === 'object' && value !== null)
        walk(plan.child, value, join(path, '*'), out, depth + 1);
    }
    return;
  }
  if (plan.type === 'union' && plan.options) {
    const want = Array.isArray(data) ? 'array' : isRecord(data) ? 'object' : undefined;
    const option = want && plan.options.find((o) => planOf(o).type === want);
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
