import * as z from '../core/reader.js';
import {
  amount,
  builtOnFirstUse,
  freeText,
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
  CardSecrets,
  CardSensitiveData,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
  ReissuedCard,
} from './card-shapes.js';

// Tolerant readers (see core/schema.ts): a card needs only its `id`; everything else is optional
// and nullable. Issuance replies also need the card data, which every documented example shows
// and which no later read returns as issued.

export { cardListSchema, cardTransactionsSchema } from './card-list-schemas.js';

import {
  assemble,
  balanceOf,
  base,
  baseShape,
  compact,
  fullSecrets,
  holder,
  partialSecrets,
  secretsOf,
} from './card-wire.js';
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
    z.transform((data) => data.types.map(compact)),
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
      (card): IssuedBudgetCard =>
        assemble(base('budget' as const, card, card.sensitive.number), {
          sensitive: {
            number: card.sensitive.number,
            expiry: card.sensitive.expire,
            cvc: card.sensitive.cvc,
          },
        }),
    ),
  ),
);

/** `GET /cards/{id}/sensetive` and `/budget-cards/{id}/sensitive` data [SDK]: all three parts. */
export const sensitiveDataSchema: () => z.Schema<CardSensitiveData, unknown> = builtOnFirstUse(() =>
  z.pipe(
    fullSecrets(),
    z.transform(
      (data): CardSensitiveData => ({
        number: data.number,
        expiry: data.expire,
        cvc: data.cvc,
        last4: data.number.last4,
      }),
    ),
  ),
);
