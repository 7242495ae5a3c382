// The schema builder the response readers are made of: the few node kinds the SDK needs, each a
// plain object that drift.ts can walk. An issue names a field path and a code, never a value.

/** One place a value failed to read: the dotted field path (`cards.0.id`) and a code. */
export interface Issue {
  /** Dotted path of the field, array elements by index; empty for the value itself. */
  path: string;
  /** `invalid_type`, or `invalid_union` when no option of a union read the value. */
  code: string;
}

/** The node kinds; drift.ts walks `object`, `array`, `union` and looks through the wrappers. */
export type Kind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'unknown'
  | 'object'
  | 'array'
  | 'optional'
  | 'nullable'
  | 'union'
  | 'pipe'
  | 'transform';

/**
 * A schema that reads an `In` into an `Out`. Its fields are for drift.ts; build one with the
 * functions of this module and read with {@link safeParse}.
 */
export interface Schema<Out, In = unknown> {
  /** What the node reads. */
  readonly kind: Kind;
  /** Reads `value`, pushing an issue for each place it fails; the result counts only without one. */
  readonly read: (value: unknown, issues: Issue[]) => unknown;
  /** `object`: the fields. */
  readonly shape?: Readonly<Record<string, AnySchema>>;
  /** `object`: whether unknown keys are kept (and so not drift). */
  readonly loose?: boolean;
  /** `optional`, `nullable`: the wrapped schema; `array`: the element; `pipe`: the first step. */
  readonly inner?: AnySchema;
  /** `pipe`: the second step. */
  readonly then?: AnySchema;
  /** `union`: the options, tried in order. */
  readonly options?: readonly AnySchema[];
  /** Types only: never set. */
  readonly types?: { readonly out: Out; readonly in: In };
}

/** Any schema, whatever it reads. */
// biome-ignore lint/suspicious/noExplicitAny: a schema of any input and output, for constraints.
export type AnySchema = Schema<any, any>;

/** What a schema reads a value into. */
export type Infer<S> = S extends Schema<infer Out, infer _In> ? Out : never;

type Shape = Readonly<Record<string, AnySchema>>;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: undefined extends Infer<S[K]> ? K : never;
}[keyof S];
/** An object's output: a field whose output may be `undefined` is an optional key. */
type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** The result of {@link safeParse}. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

function prefix(issues: Issue[], from: number, key: string | number): void {
  for (let i = from; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    issue.path = issue.path === '' ? `${key}` : `${key}.${issue.path}`;
  }
}

// A fresh node per call, so that marking one field (drift's `quietWhenAbsent`) marks no other.
function leaf<T>(kind: Kind, accepts: (value: unknown) => boolean): () => Schema<T> {
  const read = (value: unknown, issues: Issue[]): unknown => {
    if (!accepts(value)) issues.push({ path: '', code: 'invalid_type' });
    return value;
  };
  return () => ({ kind, read });
}

/** A string. */
export const string: () => Schema<string> = /* @__PURE__ */ leaf('string', (v) => typeof v === 'string');
/** A finite number. */
export const number: () => Schema<number> = /* @__PURE__ */ leaf('number', Number.isFinite);
/** `true` or `false`. */
export const boolean: () => Schema<boolean> = /* @__PURE__ */ leaf('boolean', (v) => typeof v === 'boolean');
/** Anything, as is. */
export const unknown: () => Schema<unknown> = /* @__PURE__ */ leaf('unknown', () => true);

/** An object that is not an array (a JSON object, once parsed). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOf(shape: Shape, loose: boolean): Schema<unknown> {
  const keys = Object.keys(shape);
  return {
    kind: 'object',
    shape,
    loose,
    read: (value, issues) => {
      if (!isRecord(value)) {
        issues.push({ path: '', code: 'invalid_type' });
        return value;
      }
      const out: Record<string, unknown> = loose ? { ...value } : {};
      for (const key of keys) {
        const before = issues.length;
        const item = (shape[key] as AnySchema).read(value[key], issues);
        if (issues.length > before) prefix(issues, before, key);
        else if (item !== undefined) out[key] = item;
        else if (loose) delete out[key];
      }
      return out;
    },
  };
}

/** An object of `shape`; unknown keys are left out of the output (drift reports them). */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return objectOf(shape, false) as Schema<ObjectOf<S>>;
}

/** An object of `shape` that keeps unknown keys in its output. */
export function looseObject<S extends Shape>(shape: S): Schema<ObjectOf<S> & Record<string, unknown>> {
  return objectOf(shape, true) as Schema<ObjectOf<S> & Record<string, unknown>>;
}

/** An array of `element`; issue paths name the index (`cards.0.id`). */
export function array<S extends AnySchema>(element: S): Schema<Array<Infer<S>>> {
  return {
    kind: 'array',
    inner: element,
    read: (value, issues) => {
      if (!Array.isArray(value)) {
        issues.push({ path: '', code: 'invalid_type' });
        return value;
      }
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const before = issues.length;
        out[i] = element.read(value[i], issues);
        if (issues.length > before) prefix(issues, before, i);
      }
      return out;
    },
  };
}

/** `schema`, or `undefined` (an object key that may be absent). */
export function optional<Out, In>(schema: Schema<Out, In>): Schema<Out | undefined, In | undefined> {
  return {
    kind: 'optional',
    inner: schema,
    read: (value, issues) => (value === undefined ? value : schema.read(value, issues)),
  };
}

/** `schema`, or `null`. */
export function nullable<Out, In>(schema: Schema<Out, In>): Schema<Out | null, In | null> {
  return {
    kind: 'nullable',
    inner: schema,
    read: (value, issues) => (value === null ? value : schema.read(value, issues)),
  };
}

/** The first option that reads the value; `invalid_union` when none does. */
export function union<const S extends readonly AnySchema[]>(options: S): Schema<Infer<S[number]>> {
  return {
    kind: 'union',
    options,
    read: (value, issues) => {
      for (const option of options) {
        const own: Issue[] = [];
        const out = option.read(value, own);
        if (own.length === 0) return out;
      }
      issues.push({ path: '', code: 'invalid_union' });
      return value;
    },
  };
}

/** Reads with `first`, then its output with `then`; `then` does not run when `first` failed. */
export function pipe<Out, Mid, In>(first: Schema<Mid, In>, then: Schema<Out, Mid>): Schema<Out, In> {
  return {
    kind: 'pipe',
    inner: first,
    then,
    read: (value, issues) => {
      const before = issues.length;
      const mid = first.read(value, issues);
      return issues.length > before ? mid : then.read(mid, issues);
    },
  };
}

/** Maps a value (the output of the pipe it ends) with `map`; it cannot fail. */
export function transform<In, Out>(map: (value: In) => Out): Schema<Out, In> {
  return { kind: 'transform', read: (value) => map(value as In) };
}

/** Reads `value`: the output, or every issue found (paths and codes only, never a value). */
export function safeParse<S extends AnySchema>(schema: S, value: unknown): Parsed<Infer<S>> {
  const issues: Issue[] = [];
  const out = schema.read(value, issues);
  return issues.length === 0 ? { ok: true, value: out as Infer<S> } : { ok: false, issues };
}

/**
 * Reads `value` into the schema's output.
 *
 * @throws {TypeError} naming the failing paths and codes (never a value) when it does not read.
 */
export function parse<S extends AnySchema>(schema: S, value: unknown): Infer<S> {
  const result = safeParse(schema, value);
  if (result.ok) return result.value;
  throw new TypeError(
    `unreadable: ${result.issues.map((i) => `${i.path || '(root)'} ${i.code}`).join(', ')}`,
  );
}
