import * as z from 'zod/mini';
import {
  amount,
  freeText,
  last4Of,
  maskedNumber,
  maybe,
  openNumberText,
  sensitive,
  text,
} from '../core/schema.js';
import type { CardModel } from './card-ref.js';
import type {
  Card,
  CardBalance,
  CardHolder,
  CardSecrets,
  CardSensitiveData,
  CardSummary,
  CardTransaction,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
  PartialCardSecrets,
  ReissuedCard,
} from './card-shapes.js';

export type {
  Card,
  CardBalance,
  CardBase,
  CardHolder,
  CardSecrets,
  CardSensitiveData,
  CardStatus,
  CardSummary,
  CardTransaction,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
  PartialCardSecrets,
  ReissuedCard,
} from './card-shapes.js';

// Tolerant readers (see core/schema.ts): a card needs only its `id`; everything else is optional
// and nullable. Issuance replies also need the card data, which every documented example shows
// and which no later read returns as issued.

const fullSecrets = z.object({
  number: sensitive('pan'),
  expire: sensitive('expiry'),
  cvc: sensitive('cvc'),
});
const partialSecrets = maybe(
  z.object({
    number: maybe(sensitive('pan')),
    expire: maybe(sensitive('expiry')),
    cvc: maybe(sensitive('cvc')),
  }),
);
const holder: z.ZodMiniType<CardHolder | null | undefined, unknown> = maybe(
  z.object({ firstName: freeText, lastName: freeText, customerId: text }),
);

type PartialWire = z.infer<typeof partialSecrets>;

/** Drops `undefined` members, so results compare and print as the wire sent them. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function secretsOf(block: PartialWire): PartialCardSecrets | undefined {
  if (!block) return undefined;
  const out = compact({
    number: block.number ?? undefined,
    expiry: block.expire ?? undefined,
    cvc: block.cvc ?? undefined,
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

function balanceOf(
  value: number | null | undefined,
  currency: string | null | undefined,
): CardBalance | undefined {
  return typeof value === 'number' && typeof currency === 'string' ? { value, currency } : undefined;
}

/** The fields every card reply shares, in the SDK's names. */
function base<M extends CardModel>(
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

/** `GET /cards/types` data [SDK]: `{ types: [{ id, name, cardCurrency, price, brand }] }`. */
export const cardTypesSchema: z.ZodMiniType<CardType[], unknown> = z.pipe(
  z.object({
    types: z.array(
      z.object({ id: z.string(), name: text, cardCurrency: text, price: openNumberText, brand: text }),
    ),
  }),
  z.transform((data) => data.types.map(compact)),
);

const cardSchemas = new Map<CardModel, z.ZodMiniType<Card, unknown>>();

/**
 * Card details for a model; takes `sensetive` (standalone, sic) or `sensitive` (budget). Built
 * once per model: a zod schema is costly to build and compile, and this runs on every
 * `cards.retrieve`.
 */
export function cardSchema(model: CardModel): z.ZodMiniType<Card, unknown> {
  let schema = cardSchemas.get(model);
  if (!schema) {
    schema = buildCardSchema(model);
    cardSchemas.set(model, schema);
  }
  return schema;
}

function buildCardSchema(model: CardModel): z.ZodMiniType<Card, unknown> {
  return z.pipe(
    // [DOC cards/get-card-details, budget-cards/get-card-details]
    z.object({
      id: z.string(),
      maskedCardNumber: maskedNumber,
      currency: text,
      status: text,
      externalCardId: text,
      balance: maybe(z.object({ value: amount, currency: text })),
      label: freeText,
      cardHolder: holder,
      email: text,
      phone: text,
      sensetive: partialSecrets,
      sensitive: partialSecrets,
    }),
    z.transform((wire): Card => {
      const secrets = secretsOf(wire.sensitive ?? wire.sensetive);
      return compact({
        ...base(model, wire, secrets?.number),
        balance: balanceOf(wire.balance?.value, wire.balance?.currency ?? wire.currency),
        sensitive: secrets,
        cardHolder: wire.cardHolder,
        email: wire.email,
        phone: wire.phone,
      });
    }),
  );
}

/** Adds the deprecated issuance names as non-enumerable aliases (kept out of spreads and JSON). */
function withIssueAliases(
  card: Omit<IssuedCard, 'cardNumber' | 'cardExpire' | 'cardCVC' | 'cardBalance'>,
): IssuedCard {
  return Object.defineProperties(card, {
    cardNumber: { value: card.sensitive.number, enumerable: false },
    cardExpire: { value: card.sensitive.expiry, enumerable: false },
    cardCVC: { value: card.sensitive.cvc, enumerable: false },
    cardBalance: { value: card.balance?.value, enumerable: false },
  }) as IssuedCard;
}

/** `POST /cards/issue` data [DOC cards/issue-a-new-card]: the card under `data.card`. */
export const issuedCardSchema: z.ZodMiniType<IssuedCard, unknown> = z.pipe(
  z.object({
    card: z.object({
      id: z.string(),
      cardNumber: sensitive('pan'),
      cardExpire: sensitive('expiry'),
      cardCVC: sensitive('cvc'),
      cardBalance: amount,
      currency: text,
      maskedCardNumber: maskedNumber,
      brand: text,
      label: freeText,
    }),
  }),
  z.transform(({ card }): IssuedCard => {
    const secrets: CardSecrets = { number: card.cardNumber, expiry: card.cardExpire, cvc: card.cardCVC };
    return withIssueAliases(
      compact({
        ...base('card' as const, card, secrets.number),
        balance: balanceOf(card.cardBalance, card.currency),
        sensitive: secrets,
        brand: card.brand,
      }),
    );
  }),
);

/**
 * `POST /cards/reissue` data [SDK-JS][SDK-GO]: `data.card` with `id`, `cardExpire`, `cardBalance`,
 * `currency`, `maskedCardNumber`, `brand`, `label`; `cardNumber` and `cardCVC` only in an older
 * README, so every card-data field is optional.
 */
export const reissuedCardSchema: z.ZodMiniType<ReissuedCard, unknown> = z.pipe(
  z.object({
    card: z.object({
      id: z.string(),
      cardNumber: maybe(sensitive('pan')),
      cardExpire: maybe(sensitive('expiry')),
      cardCVC: maybe(sensitive('cvc')),
      cardBalance: amount,
      currency: text,
      maskedCardNumber: maskedNumber,
      brand: text,
      label: freeText,
    }),
  }),
  z.transform(({ card }): ReissuedCard => {
    const secrets = secretsOf({ number: card.cardNumber, expire: card.cardExpire, cvc: card.cardCVC });
    return compact({
      ...base('card' as const, card, secrets?.number),
      balance: balanceOf(card.cardBalance, card.currency),
      sensitive: secrets,
      brand: card.brand,
    });
  }),
);

/** `POST /budget-cards/issue` data [DOC budget-cards/issue-a-new-card]: the card itself. */
export const issuedBudgetCardSchema: z.ZodMiniType<IssuedBudgetCard, unknown> = z.pipe(
  z.object({
    id: z.string(),
    maskedCardNumber: maskedNumber,
    currency: text,
    status: text,
    externalCardId: text,
    label: freeText,
    sensitive: fullSecrets,
  }),
  z.transform(
    (card): IssuedBudgetCard =>
      compact({
        ...base('budget' as const, card, card.sensitive.number),
        sensitive: { number: card.sensitive.number, expiry: card.sensitive.expire, cvc: card.sensitive.cvc },
      }),
  ),
);

/** `GET /cards/{id}/sensetive` and `/budget-cards/{id}/sensitive` data [SDK]: all three parts. */
export const sensitiveDataSchema: z.ZodMiniType<CardSensitiveData, unknown> = z.pipe(
  fullSecrets,
  z.transform(
    (data): CardSensitiveData => ({
      number: data.number,
      expiry: data.expire,
      cvc: data.cvc,
      last4: data.number.last4,
    }),
  ),
);

/** A page of `GET /cards/list` [SDK]. */
export const cardListSchema: z.ZodMiniType<
  {
    cards: CardSummary[];
    page?: number | undefined;
    limit?: number | undefined;
    totalPages?: number | undefined;
  },
  unknown
> = z.pipe(
  z.object({
    cards: z.array(
      z.pipe(
        z.object({
          id: z.string(),
          maskedCardNumber: maskedNumber,
          currency: text,
          status: text,
          externalCardId: text,
          cardBalance: amount,
          label: freeText,
          brand: text,
          cardHolder: holder,
          cardType: text,
        }),
        z.transform(
          (card): CardSummary =>
            compact({
              ...base(card.cardType === 'budget' ? 'budget' : 'card', card),
              balance: balanceOf(card.cardBalance, card.currency),
              brand: card.brand,
              cardHolder: card.cardHolder,
              cardType: card.cardType,
            }),
        ),
      ),
    ),
    page: amount,
    limit: amount,
    totalPages: amount,
  }),
  z.transform((data) => ({
    cards: data.cards,
    page: data.page ?? undefined,
    limit: data.limit ?? undefined,
    totalPages: data.totalPages ?? undefined,
  })),
);

/** `GET /cards/{id}/transactions` data [SDK] (no page metadata). */
export const cardTransactionsSchema: z.ZodMiniType<{ transactions: CardTransaction[] }, unknown> = z.object({
  transactions: z.array(
    z.object({
      id: z.string(),
      amount,
      currency: text,
      usdAmount: amount,
      merchant: freeText,
      status: text,
      type: text,
      date: text,
      transactionId: text,
      declineReason: freeText,
      note: freeText,
    }),
  ),
});
