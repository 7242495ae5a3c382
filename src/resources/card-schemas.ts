import * as z from 'zod/mini';
import type { Sensitive } from '../core/redact.js';
import { echoedText, last4Of, maybe, sensitive } from '../core/schema.js';
import type { CardModel } from './card-ref.js';

/** Card status; open to values the API may add. */
export type CardStatus = 'active' | 'frozen' | 'blocked' | 'expired' | 'deleted' | 'pending' | (string & {});

/** A card program available to the account: its `id` is the `typeId` to issue with. */
export interface CardType {
  /** Use as `typeId` in `cards.issue`, and as `cardType` in `customers.requestAccess`. */
  id: string;
  /** Program name, e.g. `Virtual USD`. */
  name: string;
  /** Currency of cards of this program, e.g. `USD`. */
  cardCurrency: string;
  /** Issuance price, as the API sends it (a decimal string). */
  price: string;
  /** Card network, e.g. `visa`. */
  brand: string;
}

/** PAN, expiry and CVC, each wrapped so it cannot leak into logs. */
export interface CardSecrets {
  /** The full card number; `reveal()` to read it. */
  number: Sensitive;
  /** Expiry as `MM/YY`; `reveal()` to read it. */
  expire: Sensitive;
  /** The CVC (`***` on budget-card details outside `cards.sensitive`); `reveal()` to read it. */
  cvc: Sensitive;
}

/** Sensitive card data with the last four digits in the clear. */
export interface CardSensitiveData extends CardSecrets {
  /** Last four digits of the PAN. */
  last4: string | undefined;
}

/** The cardholder as the card records it. */
export interface CardHolder {
  /** First name on the card. */
  firstName?: string | null | undefined;
  /** Last name on the card. */
  lastName?: string | null | undefined;
  /** The customer the card was issued to, if any. */
  customerId?: string | null | undefined;
}

/** What every card object the SDK returns from a read carries; a {@link CardRef} accepts any of them. */
export interface CardBase {
  /** `card` for a standalone card, `budget` for a budget card. Never sent on the wire. */
  model: CardModel;
  /** The card id. */
  id: string;
  /** Last four digits of the PAN, safe to show. */
  last4: string | undefined;
  /** e.g. `**** **** **** 1234`. */
  maskedCardNumber: string;
  /** Card currency, ISO 4217 (e.g. `USD`). */
  currency: string;
  /** Lifecycle state, e.g. `active` or `frozen`. */
  status: CardStatus;
  /** Your own id for the card (`externalId` at issuance), if you gave one. */
  externalCardId?: string | null | undefined;
}

/** A card's details (`cards.retrieve`). */
export interface Card extends CardBase {
  /** Balance of a standalone card. */
  balance?:
    | {
        /** Balance in major units. */
        value: number;
        /** ISO 4217 currency code. */
        currency: string;
      }
    | undefined;
  /** Your label for the card. */
  label?: string | null | undefined;
  /** Who holds the card. */
  cardHolder?: CardHolder | undefined;
  /** Email for 3-D Secure and notifications. */
  email?: string | null | undefined;
  /** Phone number for 3-D Secure codes. */
  phone?: string | null | undefined;
  /** PAN, expiry and CVC (the API's `sensetive`/`sensitive` block), when the response carries it. */
  sensitive?: CardSecrets | undefined;
}

/** A newly issued or reissued standalone card, with its secrets wrapped. */
export interface IssuedCard {
  /** Always `card`: a standalone card. */
  model: 'card';
  /** The new card id. */
  id: string;
  /** Last four digits of the PAN, safe to show. */
  last4: string | undefined;
  /** The full card number (PAN); prints masked, `reveal()` to read it. */
  cardNumber: Sensitive;
  /** Expiry as `MM/YY`; `reveal()` to read it. */
  cardExpire: Sensitive;
  /** The CVC; `reveal()` to read it. */
  cardCVC: Sensitive;
  /** Balance in major units, the initial balance at issuance. */
  cardBalance: number;
  /** Card currency, ISO 4217. */
  currency: string;
  /** e.g. `**** **** **** 1234`. */
  maskedCardNumber: string;
  /** Card network, e.g. `visa`. */
  brand?: string | null | undefined;
  /** Your label for the card. */
  label?: string | null | undefined;
}

/** A newly issued budget card, with its secrets wrapped. */
export interface IssuedBudgetCard {
  /** Always `budget`: a budget card. */
  model: 'budget';
  /** The new card id. */
  id: string;
  /** Last four digits of the PAN, safe to show. */
  last4: string | undefined;
  /** e.g. `**** **** **** 1234`. */
  maskedCardNumber: string;
  /** Card currency, ISO 4217. */
  currency: string;
  /** Lifecycle state, `active` once issued. */
  status: CardStatus;
  /** Your own id for the card, if you gave one. */
  externalCardId?: string | null | undefined;
  /** PAN, expiry and CVC, each wrapped. */
  sensitive: CardSecrets;
}

/** One card of `cards.list`. */
export interface CardSummary extends CardBase {
  /** Balance of a standalone card in major units. */
  cardBalance?: number | null | undefined;
  /** Your label for the card. */
  label?: string | null | undefined;
  /** Card network, e.g. `visa`. */
  brand?: string | null | undefined;
  /** Who holds the card. */
  cardHolder?: CardHolder | undefined;
  /** Program kind as the API names it (open string). */
  cardType?: string | null | undefined;
}

/** One card transaction: a purchase or refund, or a top-up or withdrawal of the card. */
export interface CardTransaction {
  /** The transaction id; `disputes.create` takes it as `transactionId`. */
  id: string;
  /** Amount in major units of `currency`. */
  amount: number;
  /** Currency of `amount`, ISO 4217. */
  currency: string;
  /** The amount in USD, when the API gives it. */
  usdAmount?: number | null | undefined;
  /** Merchant name, for purchases and refunds. */
  merchant?: string | null | undefined;
  /** Open string: the API documents no value set. */
  status?: string | null | undefined;
  /** Open string: the API documents no value set. */
  type?: string | null | undefined;
  /** ISO date-time. */
  date?: string | null | undefined;
  /** A second transaction reference the API sends next to `id` (its meaning is undocumented). */
  transactionId?: string | null | undefined;
  /** Why the transaction was declined, for declined ones. */
  declineReason?: string | null | undefined;
  /** The note sent with a top-up, when the API lists it. */
  note?: string | null | undefined;
}

const secrets = z.object({ number: sensitive('pan'), expire: sensitive('expiry'), cvc: sensitive('cvc') });
const holder = z.object({
  firstName: maybe(z.string()),
  lastName: maybe(z.string()),
  customerId: maybe(z.string()),
});

/** `GET /cards/types` data. */
export const cardTypesSchema: z.ZodMiniType<CardType[], unknown> = z.pipe(
  z.object({
    types: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        cardCurrency: z.string(),
        price: z.string(),
        brand: z.string(),
      }),
    ),
  }),
  z.transform((data) => data.types),
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
    z.object({
      id: z.string(),
      maskedCardNumber: z.string(),
      currency: z.string(),
      status: z.string(),
      externalCardId: maybe(z.string()),
      balance: z.optional(z.object({ value: z.number(), currency: z.string() })),
      label: maybe(z.string()),
      cardHolder: z.optional(holder),
      email: maybe(z.string()),
      phone: maybe(z.string()),
      sensetive: z.optional(secrets),
      sensitive: z.optional(secrets),
    }),
    z.transform(({ sensetive: misspelled, sensitive: block, ...card }): Card => {
      const data = block ?? misspelled;
      const out: Card = { model, ...card, last4: last4Of(card.maskedCardNumber, data?.number) };
      if (data) out.sensitive = data;
      return out;
    }),
  );
}

/** `POST /cards/issue` and `/cards/reissue` data: the card under `data.card`. */
export const issuedCardSchema: z.ZodMiniType<IssuedCard, unknown> = z.pipe(
  z.object({
    card: z.object({
      id: z.string(),
      cardNumber: sensitive('pan'),
      cardExpire: sensitive('expiry'),
      cardCVC: sensitive('cvc'),
      cardBalance: z.number(),
      currency: z.string(),
      maskedCardNumber: z.string(),
      brand: maybe(z.string()),
      label: maybe(z.string()),
    }),
  }),
  z.transform(
    ({ card }): IssuedCard => ({
      model: 'card',
      ...card,
      last4: last4Of(card.maskedCardNumber, card.cardNumber),
    }),
  ),
);

/** `POST /budget-cards/issue` data: the card itself. */
export const issuedBudgetCardSchema: z.ZodMiniType<IssuedBudgetCard, unknown> = z.pipe(
  z.object({
    id: z.string(),
    maskedCardNumber: z.string(),
    currency: z.string(),
    status: z.string(),
    externalCardId: maybe(z.string()),
    sensitive: secrets,
  }),
  z.transform(
    (card): IssuedBudgetCard => ({
      model: 'budget',
      ...card,
      last4: last4Of(card.maskedCardNumber, card.sensitive.number),
    }),
  ),
);

/** `GET /cards/{id}/sensetive` and `/budget-cards/{id}/sensitive` data. */
export const sensitiveDataSchema: z.ZodMiniType<CardSensitiveData, unknown> = z.pipe(
  secrets,
  z.transform((data): CardSensitiveData => ({ ...data, last4: data.number.last4 })),
);

/** A page of `GET /cards/list`. */
export const cardListSchema: z.ZodMiniType<
  {
    cards: CardSummary[];
    page?: number | undefined;
    limit?: number | undefined;
    totalPages?: number | undefined;
  },
  unknown
> = z.object({
  cards: z.array(
    z.pipe(
      z.object({
        id: z.string(),
        maskedCardNumber: z.string(),
        currency: z.string(),
        status: z.string(),
        externalCardId: maybe(z.string()),
        cardBalance: maybe(z.number()),
        label: maybe(z.string()),
        brand: maybe(z.string()),
        cardHolder: z.optional(holder),
        cardType: maybe(z.string()),
      }),
      z.transform(
        (card): CardSummary => ({
          model: card.cardType === 'budget' ? 'budget' : 'card',
          ...card,
          last4: last4Of(card.maskedCardNumber),
        }),
      ),
    ),
  ),
  page: z.optional(z.number()),
  limit: z.optional(z.number()),
  totalPages: z.optional(z.number()),
});

/** `GET /cards/{id}/transactions` data (no page metadata). */
export const cardTransactionsSchema: z.ZodMiniType<{ transactions: CardTransaction[] }, unknown> = z.object({
  transactions: z.array(
    z.object({
      id: z.string(),
      amount: z.number(),
      currency: z.string(),
      usdAmount: maybe(z.number()),
      merchant: maybe(z.string()),
      status: maybe(z.string()),
      type: maybe(z.string()),
      date: maybe(z.string()),
      transactionId: maybe(z.string()),
      declineReason: maybe(z.string()),
      note: maybe(echoedText),
    }),
  ),
});
