import * as z from 'zod/mini';
import { redact, Sensitive, type SensitiveKind } from './redact.js';

/** A secret string field (a PAN may arrive as a JSON number) wrapped into {@link Sensitive}. */
export function sensitive(kind: SensitiveKind): z.ZodMiniType<Sensitive, unknown> {
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
 * Free text the API echoes back (dispute evidence, a top-up note): card numbers and secrets in
 * key context are masked, so a PAN a caller typed into it never reaches a log through a result.
 */
export const echoedText: z.ZodMiniType<string, unknown> = z.pipe(
  z.string(),
  z.transform((text) => redact(text)),
);

/** An optional field that may also be `null` on the wire; `null` is kept. */
export function maybe<T>(schema: z.ZodMiniType<T>): z.ZodMiniType<T | null | undefined, unknown> {
  return z.optional(z.nullable(schema));
}

/** The body of endpoints that answer only `{status: "success", message}`. */
export interface ActionResult {
  /** The server's confirmation text, e.g. `Card has been frozen`. */
  message: string;
}

/** Schema of {@link ActionResult}; tolerates an empty `data: {}` success. */
export const actionResult: z.ZodMiniType<ActionResult, unknown> = z.pipe(
  z.object({ message: z.optional(z.string()) }),
  z.transform((value): ActionResult => ({ message: value.message ?? '' })),
);

/** The last four digits of a PAN, from the masked number or the PAN itself. */
export function last4Of(...candidates: Array<string | Sensitive | null | undefined>): string | undefined {
  for (const candidate of candidates) {
    if (candidate instanceof Sensitive) {
      if (candidate.last4) return candidate.last4;
    } else if (typeof candidate === 'string') {
      const digits = candidate.replace(/\D/g, '');
      if (digits.length >= 4) return digits.slice(-4);
    }
  }
  return undefined;
}
