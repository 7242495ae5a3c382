import * as z from '../core/reader.js';
import {
  builtOnFirstUse,
  freeText,
  last4Of,
  maskedNumber,
  maybe,
  optionalField,
  sensitive,
  text,
} from '../core/schema.js';
import type { CardModel } from './card-ref.js';
import type { CardBalance, CardHolder, PartialCardSecrets } from './card-shapes.js';

// Pieces every card reply schema shares (card-schemas.ts, card-list-schemas.ts).

/** All three parts of the card data, each required. */
export const fullSecrets = builtOnFirstUse(() =>
  z.object({
    number: sensitive('pan'),
    expire: sensitive('expiry'),
    cvc: sensitive('cvc'),
  }),
);
/** Card data where any part may be missing or `null`. */
export const partialSecrets = builtOnFirstUse(() =>
  maybe(
    z.object({
      number: maybe(sensitive('pan')),
      expire: maybe(sensitive('expiry')),
      cvc: maybe(sensitive('cvc')),
    }),
  ),
);
/** The cardholder block. */
export const holder: () => z.Schema<CardHolder | null | undefined, unknown> = builtOnFirstUse(() =>
  maybe(z.object({ firstName: freeText(), lastName: freeText(), customerId: optionalField(text()) })),
);

/**
 * The wire fields {@link base} reads, as the card details, the card list and the budget-card
 * issuance reply spell them: only `id` is required, `externalCardId` and `label` not every reply
 * shows. A fresh shape per call, to spread into the reply's `z.object`.
 */
export function baseShape(): {
  id: z.Schema<string>;
  maskedCardNumber: z.Schema<string | null | undefined, unknown>;
  currency: z.Schema<string | null | undefined, unknown>;
  status: z.Schema<string | null | undefined, unknown>;
  externalCardId: z.Schema<string | null | undefined, unknown>;
  label: z.Schema<string | null | undefined, unknown>;
} {
  return {
    id: z.string(),
    maskedCardNumber: maskedNumber(),
    currency: text(),
    status: text(),
    externalCardId: optionalField(text()),
    label: optionalField(freeText()),
  };
}

/** Parsed {@link partialSecrets}. */
export type PartialWire = z.Infer<ReturnType<typeof partialSecrets>>;

/** Drops `undefined` members, so results compare and print as the wire sent them. */
export function compact<T extends object>(value: T): T {
  // A copy, not `delete`, and no spreads: both cost microseconds per card on every list.
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const item = value[key];
    if (item !== undefined) out[key] = item;
  }
  return out as T;
}

/** The shared fields of {@link base} plus `extra`, `undefined` members dropped. */
export function assemble<B extends object, E extends object>(shared: B, extra: E): B & E {
  const out = shared as Record<string, unknown>;
  for (const key in extra) {
    const item = extra[key];
    if (item !== undefined) out[key] = item;
  }
  return out as B & E;
}

/** The SDK form of a wire card-data block; undefined when it holds nothing. */
export function secretsOf(block: PartialWire): PartialCardSecrets | undefined {
  if (!block) return undefined;
  const out = compact({
    number: block.number ?? undefined,
    expiry: block.expire ?? undefined,
    cvc: block.cvc ?? undefined,
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A balance, when both its value and a currency are known. */
export function balanceOf(
  value: number | null | undefined,
  currency: string | null | undefined,
): CardBalance | undefined {
  return typeof value === 'number' && typeof currency === 'string' ? { value, currency } : undefined;
}

/** The fields every card reply shares, in the SDK's names. */
export function base<M extends CardModel>(
  model: M,
  wire: {
    id: string;
    maskedCardNumber?: string | null | undefined;
    currency?: string | null | undefined;
    status?: string | null | undefined;
    externalCardId?: string | null | undefined;
    label?: string | null | undefined;
  },
  pan?: PartialCardSecrets['number'],
): {
  model: M;
  id: string;
  last4: string | undefined;
  maskedCardNumber?: string | null;
  currency?: string | null;
  status?: string;
  externalId?: string | null;
  label?: string | null;
} {
  const out: Record<string, unknown> = { model, id: wire.id };
  const last4 = last4Of(wire.maskedCardNumber, pan);
  if (last4 !== undefined) out.last4 = last4;
  if (wire.maskedCardNumber !== undefined) out.maskedCardNumber = wire.maskedCardNumber;
  if (wire.currency !== undefined) out.currency = wire.currency;
  if (typeof wire.status === 'string') out.status = wire.status;
  if (wire.externalCardId !== undefined) out.externalId = wire.externalCardId;
  if (wire.label !== undefined) out.label = wire.label;
  return out as ReturnType<typeof base<M>>;
}
