import * as z from '../core/reader.js';
import {
  amount,
  builtOnFirstUse,
  freeText,
  last4Of,
  maskedNumber,
  maybe,
  openNumberText,
  optionalField,
  sensitive,
  text,
} from '../core/schema.js';
import type { CardModel } from './card-ref.js';
import type {
  Card,
  CardBalance,
  CardBase,
  CardHolder,
  CardSecrets,
  CardSensitiveData,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
  PartialCardSecrets,
  ReissuedCard,
} from './card-results.js';

// Every card reply schema. Tolerant readers (see core/schema.ts): a card needs only its `id`;
// everything else is optional and nullable. Issuance replies also need the card data, which every
// documented example shows and which no later read returns as issued.

const fullSecrets = builtOnFirstUse(() =>
  z.object({ number: sensitive('pan'), expire: sensitive('expiry'), cvc: sensitive('cvc') }),
);
const partialSecrets = builtOnFirstUse(() =>
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

type BaseField = 'maskedCardNumber' | 'currency' | 'status' | 'externalCardId' | 'label';
/** The wire fields every card reply may carry; only `id` is required. */
type BaseWire = { id: string } & { [K in BaseField]?: string | null | undefined };

/**
 * What {@link base} reads, as the card details, the card list and the budget-card issuance reply
 * spell it (`externalCardId` and `label` not every reply shows); a fresh shape per call, to spread.
 */
export function baseShape(): { id: z.Schema<string> } & {
  [K in keyof BaseWire & BaseField]-?: z.Schema<string | null | undefined, unknown>;
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

/**
 * Copies the members of `extra` that are not `undefined` onto `into`, so results compare and print
 * as the wire sent them. No `delete` and no spreads: both cost microseconds per card on every list.
 */
export function assemble<B extends object, E extends object>(into: B, extra: E): B & E {
  const out = into as Record<string, unknown>;
  for (const key in extra) {
    const item = extra[key];
    if (item !== undefined) out[key] = item;
  }
  return out as B & E;
}

function secretsOf(block: z.Infer<ReturnType<typeof partialSecrets>>): PartialCardSecrets | undefined {
  if (!block) return undefined;
  const out = assemble(
    {},
    { number: block.number ?? undefined, expiry: block.expire ?? undefined, cvc: block.cvc ?? undefined },
  );
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
  wire: BaseWire,
  pan?: PartialCardSecrets['number'],
): Omit<CardBase<M>, 'balance' | 'sensitive'> {
  const out: Record<string, unknown> = { model, id: wire.id };
  const last4 = last4Of(wire.maskedCardNumber, pan);
  if (last4 !== undefined) out.last4 = last4;
  if (wire.maskedCardNumber !== undefined) out.maskedCardNumber = wire.maskedCardNumber;
  if (wire.currency !== undefined) out.currency = wire.currency;
  if (typeof wire.status === 'string') out.status = wire.status;
  if (wire.externalCardId !== undefined) out.externalId = wire.externalCardId;
  if (wire.label !== undefined) out.label = wire.label;
  return out as Omit<CardBase<M>, 'balance' | 'sensitive'>;
}

/** `GET /cards/types` data [SDK]: `{ types: [{ id, name, cardCurrency, price, brand }] }`. */
export const cardTypesSchema: () => z.Schema<CardType[], unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      types: z.array(
        z.object({
          id: z.string(),
          name: text(),
          cardCurrency: text(),
          price: openNumberText(),
          brand: text(),
        }),
      ),
    }),
    z.transform((data) => data.types.map((type) => assemble({}, type))),
  ),
);

const standaloneCardSchema = builtOnFirstUse(() => buildCardSchema('card'));
const budgetCardSchema = builtOnFirstUse(() => buildCardSchema('budget'));

/**
 * Card details for a model; takes `sensetive` (standalone, sic) or `sensitive` (budget). Built
 * once per model, not on every `cards.retrieve`.
 */
export function cardSchema(model: CardModel): z.Schema<Card, unknown> {
  return model === 'budget' ? budgetCardSchema() : standaloneCardSchema();
}

function buildCardSchema(model: CardModel): z.Schema<Card, unknown> {
  // What the docs page of each model shows is drift when absent; the rest is only tolerated.
  const budget = model === 'budget';
  const standaloneOnly = <T>(schema: z.Schema<T, unknown>) => (budget ? optionalField(schema) : schema);
  return z.pipe(
    // [DOC cards/get-card-details, budget-cards/get-card-details]
    z.object({
      ...baseShape(),
      balance: standaloneOnly(maybe(z.object({ value: amount(), currency: text() }))),
      cardHolder: standaloneOnly(holder()),
      email: optionalField(text()),
      phone: optionalField(text()),
      // Standalone details spell it `sensetive` (sic), budget cards `sensitive`; both are read.
      sensetive: budget ? optionalField(partialSecrets()) : partialSecrets(),
      sensitive: budget ? partialSecrets() : optionalField(partialSecrets()),
    }),
    z.transform((wire): Card => {
      const secrets = secretsOf(wire.sensitive ?? wire.sensetive);
      return assemble(base(model, wire, secrets?.number), {
        balance: balanceOf(wire.balance?.value, wire.balance?.currency ?? wire.currency),
        sensitive: secrets,
        cardHolder: wire.cardHolder,
        email: wire.email,
        phone: wire.phone,
      });
    }),
  );
}

/** `POST /cards/issue` data [DOC cards/issue-a-new-card]: the card under `data.card`. */
export const issuedCardSchema: () => z.Schema<IssuedCard, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      card: z.object({
        id: z.string(),
        cardNumber: sensitive('pan'),
        cardExpire: sensitive('expiry'),
        cardCVC: sensitive('cvc'),
        cardBalance: amount(),
        currency: text(),
        maskedCardNumber: maskedNumber(),
        brand: text(),
        label: optionalField(freeText()),
      }),
    }),
    z.transform(({ card }): IssuedCard => {
      const secrets: CardSecrets = { number: card.cardNumber, expiry: card.cardExpire, cvc: card.cardCVC };
      return assemble(base('card' as const, card, secrets.number), {
        balance: balanceOf(card.cardBalance, card.currency),
        sensitive: secrets,
        brand: card.brand,
      });
    }),
  ),
);

/**
 * `POST /cards/reissue` data [SDK-JS][SDK-GO]: `data.card` with `id`, `cardExpire`, `cardBalance`,
 * `currency`, `maskedCardNumber`, `brand`, `label`; `cardNumber` and `cardCVC` only in an older
 * README, so every card-data field is optional.
 */
export const reissuedCardSchema: () => z.Schema<ReissuedCard, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      card: z.object({
        id: z.string(),
        cardNumber: optionalField(maybe(sensitive('pan'))),
        cardExpire: maybe(sensitive('expiry')),
        cardCVC: optionalField(maybe(sensitive('cvc'))),
        cardBalance: amount(),
        currency: text(),
        maskedCardNumber: maskedNumber(),
        brand: text(),
        label: optionalField(freeText()),
      }),
    }),
    z.transform(({ card }): ReissuedCard => {
      const secrets = secretsOf({ number: card.cardNumber, expire: card.cardExpire, cvc: card.cardCVC });
      return assemble(base('card' as const, card, secrets?.number), {
        balance: balanceOf(card.cardBalance, card.currency),
        sensitive: secrets,
        brand: card.brand,
      });
    }),
  ),
);

/** `POST /budget-cards/issue` data [DOC budget-cards/issue-a-new-card]: the card itself. */
export const issuedBudgetCardSchema: () => z.Schema<IssuedBudgetCard, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({ ...baseShape(), sensitive: fullSecrets() }),
    z.transform(
      ({ sensitive: { number, expire, cvc }, ...card }): IssuedBudgetCard =>
        assemble(base('budget' as const, card, number), { sensitive: { number, expiry: expire, cvc } }),
    ),
  ),
);

/** `GET /cards/{id}/sensetive` and `/budget-cards/{id}/sensitive` data [SDK]: all three parts. */
export const sensitiveDataSchema: () => z.Schema<CardSensitiveData, unknown> = builtOnFirstUse(() =>
  z.pipe(
    fullSecrets(),
    z.transform(
      ({ number, expire, cvc }): CardSensitiveData => ({ number, expiry: expire, cvc, last4: number.last4 }),
    ),
  ),
);
