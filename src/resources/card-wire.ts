import * as z from 'zod/mini';
import { freeText, last4Of, maybe, rare, sensitive, text } from '../core/schema.js';
import type { CardModel } from './card-ref.js';
import type { CardBalance, CardHolder, PartialCardSecrets } from './card-shapes.js';

// Pieces every card reply schema shares (card-schemas.ts, card-list-schemas.ts).

/** All three parts of the card data, each required. */
export const fullSecrets = z.object({
  number: sensitive('pan'),
  expire: sensitive('expiry'),
  cvc: sensitive('cvc'),
});
/** Card data where any part may be missing or `null`. */
export const partialSecrets = maybe(
  z.object({
    number: maybe(sensitive('pan')),
    expire: maybe(sensitive('expiry')),
    cvc: maybe(sensitive('cvc')),
  }),
);
/** The cardholder block. */
export const holder: z.ZodMiniType<CardHolder | null | undefined, unknown> = maybe(
  z.object({ firstName: freeText, lastName: freeText, customerId: rare(text) }),
);

/** Parsed {@link partialSecrets}. */
export type PartialWire = z.infer<typeof partialSecrets>;

/** Drops `undefined` members, so results compare and print as the wire sent them. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
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
) {
  return {
    model,
    id: wire.id,
    last4: last4Of(wire.maskedCardNumber, pan),
    maskedCardNumber: wire.maskedCardNumber,
    currency: wire.currency,
    status: wire.status ?? undefined,
    externalId: wire.externalCardId,
    label: wire.label,
  };
}
