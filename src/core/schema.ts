import { quietWhenAbsent } from './drift.js';
import * as z from './reader.js';
import { redact, Sensitive, type SensitiveKind } from './redact/index.js';

// The tolerant-reader building blocks. A response schema requires only what the SDK's own logic
// needs (ids, the fields that route or settle calls); every other field is built from `maybe`,
// `text`, `freeText`, `amount` or `openNumberText`, all optional and nullable. Objects are
// `z.object` (core/reader.ts), which drops unknown keys instead of failing (drift reports them).

/**
 * A value built on first use and kept: the schemas are built this way, so importing the SDK builds
 * none of them and a process pays only for the operations it calls.
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** A secret string field (a PAN may arrive as a JSON number) wrapped into {@link Sensitive}. */
export function sensitive(kind: SensitiveKind): z.Schema<Sensitive, unknown> {
  // Numbers become strings first, so a missing value reports `invalid_type`, not a union failure.
  const asString = z.pipe(
    z.transform((value: unknown) =>
      typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value,
    ),
    z.string(),
  );
  return z.pipe(
    asString,
    z.transform((value) => new Sensitive(value, kind)),
  );
}

/**
 * Free text the API echoes back (dispute evidence, a top-up note, a label, a merchant name):
 * card numbers and secrets in it are masked, so a PAN that reached it never reaches a log
 * through a result.
 */
export const echoedText: () => z.Schema<string, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.string(),
    z.transform((value) => redact(value)),
  ),
);

/** An optional field that may also be `null` on the wire; `null` is kept. */
export function maybe<T>(schema: z.Schema<T>): z.Schema<T | null | undefined, unknown> {
  return z.optional(z.nullable(schema));
}

/**
 * A field a source shows as optional or nullable, or one of two spellings: parsed like `schema`
 * (optional), but its absence or `null` is not reported as drift.
 */
export function optionalField<T>(schema: z.Schema<T, unknown>): z.Schema<T | undefined, unknown> {
  return quietWhenAbsent(z.optional(schema));
}

/** An optional, nullable plain string (codes, dates, statuses: never shown as prose). */
export const text: () => z.Schema<string | null | undefined, unknown> = builtOnFirstUse(() =>
  maybe(z.string()),
);

/** An optional, nullable free-text string, redacted (see {@link echoedText}). */
export const freeText: () => z.Schema<string | null | undefined, unknown> = builtOnFirstUse(() =>
  maybe(echoedText()),
);

/** An optional, nullable number. */
export const amount: () => z.Schema<number | null | undefined, unknown> = builtOnFirstUse(() =>
  maybe(z.number()),
);

/** An optional, nullable decimal that one source sends as a string and another as a number. */
export const openNumberText: () => z.Schema<string | null | undefined, unknown> = builtOnFirstUse(() =>
  maybe(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((value) => String(value)),
    ),
  ),
);

/** The last four digits of `value` (other characters skipped), or undefined when it has fewer. */
function lastFourDigits(value: string): string | undefined {
  // A backwards scan: this runs on every card of every list, and a regex replace costs more.
  let out = '';
  for (let i = value.length - 1; i >= 0 && out.length < 4; i--) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) out = value[i] + out;
  }
  return out.length === 4 ? out : undefined;
}

/**
 * A masked card number in the API's own format (`**** **** **** 1234`) keeping only the last four
 * digits of whatever the server sent, so a full PAN in a "masked" field never comes back.
 */
export function keepLastFour(value: string): string {
  const last4 = lastFourDigits(value);
  return last4 === undefined ? '****' : `**** **** **** ${last4}`;
}

/** An optional, nullable masked card number, re-masked by {@link keepLastFour}. */
export const maskedNumber: () => z.Schema<string | null | undefined, unknown> = builtOnFirstUse(() =>
  maybe(z.pipe(z.string(), z.transform(keepLastFour))),
);

/** The body of endpoints that answer only `{status: "success", message}`. */
export interface ActionResult {
  /** The server's confirmation text, e.g. `Card has been frozen` (redacted; `''` when none). */
  message: string;
}

/** Schema of {@link ActionResult}; tolerates an empty `data: {}` success and a `null` message. */
export const actionResult: () => z.Schema<ActionResult, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({ message: optionalField(freeText()) }),
    z.transform((value): ActionResult => ({ message: value.message ?? '' })),
  ),
);

/** The last four digits of a PAN, from the masked number or the PAN itself. */
export function last4Of(...candidates: Array<string | Sensitive | null | undefined>): string | undefined {
  for (const candidate of candidates) {
    if (candidate instanceof Sensitive) {
      if (candidate.last4) return candidate.last4;
    } else if (typeof candidate === 'string') {
      const last4 = lastFourDigits(candidate);
      if (last4 !== undefined) return last4;
    }
  }
  return undefined;
}
