import type { Sensitive } from '../core/redact/index.js';
import type { CardModel } from './card-ref.js';

// What the card methods return: one card shape for every card (issue, reissue, retrieve, list),
// the same name for the same fact whatever the endpoint calls it on the wire. Each field's TSDoc
// names the wire field it comes from; drift reports use the wire names. Source tags: [DOC] docs
// page, [SDK] an official client, [INF] inferred.

/** Card status; open to values the API may add. */
export type CardStatus = 'active' | 'frozen' | 'blocked' | 'expired' | 'deleted' | 'pending' | (string & {});

/** A card program available to the account: its `id` is the `typeId` to issue with. */
export interface CardType {
  /** Use as `typeId` in `cards.issue`, and as `cardType` in `customers.requestAccess`. Wire `id`. */
  id: string;
  /** Program name, e.g. `Virtual USD`. Wire `name`. */
  name?: string | null | undefined;
  /** Currency of cards of this program, e.g. `USD`. Wire `cardCurrency`. */
  cardCurrency?: string | null | undefined;
  /** Issuance price as a decimal string (a JSON number is turned into one). Wire `price`. */
  price?: string | null | undefined;
  /** Card network, e.g. `visa`. Wire `brand`. */
  brand?: string | null | undefined;
}

/** PAN, expiry and CVC, each wrapped so it cannot leak into logs. */
export interface CardSecrets {
  /** The full card number; `reveal()` to read it. Wire `number` (`cardNumber` at issuance). */
  number: Sensitive;
  /** Expiry as `MM/YY`; `reveal()` to read it. Wire `expire` (`cardExpire` at issuance). */
  expiry: Sensitive;
  /** The CVC (`***` on budget-card details); `reveal()` to read it. Wire `cvc` (`cardCVC` at issuance). */
  cvc: Sensitive;
}

/** Card data as a read returns it: any part the response lacks is absent. */
export type PartialCardSecrets = {
  [K in keyof CardSecrets]?: CardSecrets[K] | undefined;
};

/** Sensitive card data with the last four digits in the clear (`cards.sensitive`). */
export interface CardSensitiveData extends CardSecrets {
  /** Last four digits of the PAN. */
  last4: string | undefined;
}

/** A card balance. */
export interface CardBalance {
  /** Major units. Wire `balance.value` (details) or `cardBalance` (issue, reissue, list). */
  value: number;
  /** ISO 4217 code. Wire `balance.currency`, else the card's `currency`. */
  currency: string;
}

/** The cardholder as the card records it. */
export interface CardHolder {
  /** First name on the card (redacted text). Wire `cardHolder.firstName`. */
  firstName?: string | null | undefined;
  /** Last name on the card (redacted text). Wire `cardHolder.lastName`. */
  lastName?: string | null | undefined;
  /** The customer the card was issued to, if any. Wire `cardHolder.customerId`. */
  customerId?: string | null | undefined;
}

/** What every card the SDK returns carries; a {@link CardRef} accepts any of them. */
export interface CardBase<M extends CardModel = CardModel> {
  /** `card` for a standalone card, `budget` for a budget card. Set by the SDK, never on the wire. */
  model: M;
  /** The card id. Wire `id`. */
  id: string;
  /** Last four digits of the PAN, safe to show (from `maskedCardNumber` or the PAN). */
  last4: string | undefined;
  /**
   * The masked number, `**** **** **** 1234`: rebuilt from the last four digits whatever the
   * server sent. Wire `maskedCardNumber`.
   */
  maskedCardNumber?: string | null | undefined;
  /** Card currency, ISO 4217 (e.g. `USD`). Wire `currency`. */
  currency?: string | null | undefined;
  /** Lifecycle state, e.g. `active` or `frozen`, where the endpoint sends it (`null` reads as absent). Wire `status`. */
  status?: CardStatus | undefined;
  /** Your own id for the card (`externalId` at issuance). Wire `externalCardId`. */
  externalId?: string | null | undefined;
  /** Your label for the card (redacted text). Wire `label`. */
  label?: string | null | undefined;
  /** The balance, for standalone cards where the endpoint sends one. */
  balance?: CardBalance | undefined;
  /** PAN, expiry and CVC where the endpoint sends them. Wire `sensetive`/`sensitive`/`card*`. */
  sensitive?: PartialCardSecrets | undefined;
}

/**
 * A card's details (`cards.retrieve`). Standalone [DOC get-card-details]: `id`, `maskedCardNumber`,
 * `sensetive`, `currency`, `status`, `externalCardId`, `balance`, `label`, `cardHolder`, `email`,
 * `phone`. Budget [DOC budget-cards/get-card-details]: `id`, `maskedCardNumber`, `currency`,
 * `status`, `externalCardId`, `sensitive` (CVC masked).
 */
export interface Card<M extends CardModel = CardModel> extends CardBase<M> {
  /** Who holds the card. Wire `cardHolder`. */
  cardHolder?: CardHolder | null | undefined;
  /** Email for 3-D Secure and notifications. Wire `email`. */
  email?: string | null | undefined;
  /** Phone number for 3-D Secure codes. Wire `phone`. */
  phone?: string | null | undefined;
}

/**
 * A newly issued standalone card [DOC issue-a-new-card]: `id`, `cardNumber`, `cardExpire`,
 * `cardCVC`, `cardBalance`, `currency`, `maskedCardNumber`, `brand`, `label` (no `status`).
 */
export interface IssuedCard extends CardBase<'card'> {
  /** PAN, expiry and CVC, each wrapped. Wire `cardNumber`, `cardExpire`, `cardCVC`. */
  sensitive: CardSecrets;
  /** Card network, e.g. `visa`. Wire `brand`. */
  brand?: string | null | undefined;
}

/**
 * A reissued standalone card [SDK]: `id`, `cardExpire`, `cardBalance`, `currency`,
 * `maskedCardNumber`, `brand`, `label`; only an older README lists `cardNumber` and `cardCVC`, so
 * the card data is partial. Read it with `cards.sensitive(card)`.
 */
export interface ReissuedCard extends CardBase<'card'> {
  /** Card network, e.g. `visa`. Wire `brand`. */
  brand?: string | null | undefined;
}

/**
 * A newly issued budget card [DOC budget-cards/issue-a-new-card]: `id`, `maskedCardNumber`,
 * `currency`, `status`, `externalCardId`, `sensitive`.
 */
export interface IssuedBudgetCard extends CardBase<'budget'> {
  /** PAN, expiry and CVC, each wrapped. Wire `sensitive.number`, `.expire`, `.cvc`. */
  sensitive: CardSecrets;
}

/**
 * One card of `cards.list` [SDK]: `id`, `maskedCardNumber`, `currency`, `status`,
 * `externalCardId`, `cardBalance`, `label`, `brand`, `cardHolder`, `cardType`; no card data.
 */
export interface CardSummary<M extends CardModel = CardModel> extends CardBase<M> {
  /** Card network, e.g. `visa`. Wire `brand`. */
  brand?: string | null | undefined;
  /** Who holds the card. Wire `cardHolder`. */
  cardHolder?: CardHolder | null | undefined;
  /** Program kind as the API names it (open string; `budget` makes `model` budget). Wire `cardType`. */
  cardType?: string | null | undefined;
}

/** One card transaction: a purchase or refund, or a top-up or withdrawal of the card [SDK]. */
export interface CardTransaction {
  /** The transaction id. Wire `id`. */
  id: string;
  /** Amount in major units of `currency`. Wire `amount`. */
  amount?: number | null | undefined;
  /** Currency of `amount`, ISO 4217. Wire `currency`. */
  currency?: string | null | undefined;
  /** The amount in USD, when the API gives it. Wire `usdAmount`. */
  usdAmount?: number | null | undefined;
  /** Merchant name (redacted text). Wire `merchant`. */
  merchant?: string | null | undefined;
  /** Open string: the API documents no value set. Wire `status`. */
  status?: string | null | undefined;
  /** Open string: the API documents no value set. Wire `type`. */
  type?: string | null | undefined;
  /** ISO date-time. Wire `date`. */
  date?: string | null | undefined;
  /** A second transaction reference the API sends next to `id`. Wire `transactionId`. */
  transactionId?: string | null | undefined;
  /** Why the transaction was declined (redacted text). Wire `declineReason`. */
  declineReason?: string | null | undefined;
  /** The note sent with a top-up, when the API lists it (redacted text). Wire `note`. */
  note?: string | null | undefined;
}
