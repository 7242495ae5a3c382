// bfinance has not published its webhook payloads; every shape below is an inference [INF], kept
// here alone (the receiver's types and the sandbox's sender both use it), so it is corrected in
// one place once bfinance publishes them.

/**
 * Event names, inferred [INF]. The webhooks page mentions transactions, customer status changes and
 * product-access updates "and more", and the authorization flow an Authorization webhook. Any
 * other string may arrive and is kept as sent.
 */
export type WebhookEventType =
  | 'transaction'
  | 'authorization'
  | 'customer.status'
  | 'product-access'
  | 'card.status'
  | (string & {});

/** A transaction event's `data`, inferred [INF] from a transaction listing item plus its card. */
export interface TransactionEventData {
  /** The transaction id, as listings show it (shared by its pending and settled events). */
  id: string;
  /** The card it was made with. */
  cardId: string;
  /** The budget, for a budget card. */
  budgetId?: string;
  /** Amount in `currency`, major units. */
  amount: number;
  /** Currency of `amount`. */
  currency: string;
  /** Status as listings show it. */
  status: string;
  /** Type as listings show it: `purchase`, `refund`, `topup`… */
  type: string;
  /** When it happened, ISO 8601. */
  date: string;
}

/** A customer status event's `data` [INF]. */
export interface CustomerStatusEventData {
  /** The customer. */
  customerId: string;
  /** The new verification status. */
  status: string;
}

/** A product-access event's `data` [INF]. */
export interface ProductAccessEventData {
  /** The customer. */
  customerId: string;
  /** `cards` or `virtual-account`. */
  accessType: string;
  /** The card program, for cards access. */
  cardType?: string;
  /** `granted` or `rejected`. */
  status: string;
}

/** A card status event's `data` [INF]. */
export interface CardStatusEventData {
  /** The card. */
  cardId: string;
  /** The new status. */
  status: string;
}

/** The body of one delivery, inferred [INF]: an envelope around the event's data. */
export interface WebhookPayload {
  /** The event id (a redelivery repeats it). */
  id: string;
  /** What happened. */
  type: WebhookEventType;
  /** When it happened, ISO 8601. */
  createdAt: string;
  /** What it happened to. */
  data: TransactionEventData | CustomerStatusEventData | ProductAccessEventData | CardStatusEventData;
}
