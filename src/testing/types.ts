import type { SandboxFaultKind } from './fault-table.js';

export type { SandboxFaultKind } from './fault-table.js';

/** Card lifecycle states the sandbox models. */
export type SandboxCardStatus = 'active' | 'frozen' | 'blocked' | 'expired' | 'deleted';

/** Customer verification states the sandbox models. */
export type SandboxCustomerStatus = 'pending' | 'active' | 'rejected' | 'needs_information';

/** Products a customer can request access to. */
export type SandboxAccessType = 'cards' | 'virtual-account';

/** State of one product-access request. */
export type SandboxAccessStatus = 'requested' | 'granted' | 'rejected';

/** Dispute states; `pending` is the only one the API itself can leave (by cancelling). */
export type SandboxDisputeStatus = 'pending' | 'cancelled' | 'accepted' | 'rejected' | 'closed';

/** Card model: a standalone stored-balance card (`card`, "prepaid" on the wire) or a budget card. */
export type SandboxCardModel = 'card' | 'budget';

/** Narrows a fault to some requests; every given field must match. */
export interface SandboxFaultMatch {
  /** HTTP method, compared case-insensitively. */
  method?: string;
  /** Path relative to the API base (`/cards/abc/topup`, no query): exact string, or a RegExp tested on it. */
  path?: string | RegExp;
}

/** Options of one queued fault. */
export interface SandboxFaultOptions {
  /** How many matching requests the fault hits before it is used up; defaults to 1. */
  times?: number;
  /** Which requests the fault hits; all requests when omitted. */
  match?: SandboxFaultMatch;
  /** Delay for `latency`, in milliseconds; defaults to 200. */
  ms?: number;
  /** `Retry-After` header value for `status-429` (and `status-503` when given); defaults to `1` for 429. */
  retryAfter?: string;
  /** HTTP status of the `html-page` answer; defaults to 502 (a proxy's error page). */
  status?: number;
  /** Body size of `oversized-body`, in bytes; defaults to 5 MiB + 1. */
  bytes?: number;
}

/** One fault of the `faults` option: a kind plus its {@link SandboxFaultOptions}. */
export interface SandboxFaultSpec extends SandboxFaultOptions {
  /** What goes wrong. */
  kind: SandboxFaultKind;
}

/** A card program the sandbox offers (GET /cards/types lists the active ones). */
export interface SandboxCardTypeInit {
  /** Program id (`typeId`); generated when omitted. */
  id?: string;
  /** Display name. */
  name: string;
  /** Card currency, ISO 4217 upper case. */
  cardCurrency: string;
  /** Issuance price as the API shows it (a string); informational only, never charged. */
  price?: string;
  /** Card brand; defaults to `visa`. */
  brand?: string;
  /** Which issue endpoint the program belongs to. */
  model: SandboxCardModel;
  /** Inactive programs are not listed and cannot issue; defaults to true. */
  active?: boolean;
  /** Refuses name-only issuance: a `customerId` of a verified customer with granted cards access is needed. */
  requiresCustomer?: boolean;
}

/** A budget to seed the sandbox with. */
export interface SandboxBudgetInit {
  /** Budget id; generated when omitted. */
  id?: string;
  /** Display name. */
  name?: string;
  /** Initial balance in major units (USD). */
  balance: number;
  /** The budget program this budget is bound to; defaults to the first active budget program. */
  typeId?: string;
}

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** Makes ids, PANs, CVCs and activation codes deterministic. */
  seed?: number | string;
  /** Bearer token the sandbox accepts; defaults to `SANDBOX_TOKEN` (`sandbox_test_token`). */
  token?: string;
  /** Starting organization balance per currency in major units; defaults to 100,000 USD and 100,000 EUR. */
  organizationBalance?: {
    /** USD balance in major units. */
    usd?: number;
    /** EUR balance in major units. */
    eur?: number;
  };
  /** Replaces the default card programs. */
  cardTypes?: readonly SandboxCardTypeInit[];
  /** Replaces the default budget (one budget of 50,000 USD bound to the budget program). */
  budgets?: readonly SandboxBudgetInit[];
  /** Replays the first answer for a repeated `Idempotency-Key`; defaults to true. */
  honorIdempotencyKey?: boolean;
  /** Delay added to every request, in milliseconds. */
  latencyMs?: number;
  /** Faults queued from the start. */
  faults?: readonly SandboxFaultSpec[];
  /** Reproduces bfinance's wire quirks (misspelled keys, unwrapped bodies, 200 errors…); defaults to true. */
  quirks?: boolean;
  /**
   * API base that `sandbox.fetch` answers and the msw handlers intercept; defaults to
   * `SANDBOX_BASE_URL` (`https://api.bfinance-cards.test/external/api`, a reserved test host that
   * never resolves). The HTTP server always serves under `/external/api`.
   */
  baseUrl?: string;
  /**
   * bfinance decides in the cardholder's favour by itself: a new customer reads as `active` from
   * its first read after creation (so `waitUntilVerified` resolves) and access requests are granted
   * as they are made. Defaults to false (decisions come from the controls).
   */
  autoVerify?: boolean;
  /**
   * Enforces the API reference page's stricter reading of `POST /cards/issue`: `externalId`,
   * `firstName` and `lastName` required (even with a `customerId`) and `initialBalance` an integer.
   * Defaults to false: the integration guide's rule (names or a `customerId`, 2 decimals).
   */
  strictIssuance?: boolean;
}

/** Path prefix under which the HTTP server serves the API. */
export const SANDBOX_API_PREFIX = '/external/api';

/** One product-access entry of a customer, as `GET /customers/{id}` shows it. */
export interface SandboxFeatureAccess {
  /** Id of the access request. */
  id: string;
  /** The product. */
  type: SandboxAccessType;
  /** The card program the request is for (cards access). */
  cardType?: string;
  /** Where the request stands. */
  status: SandboxAccessStatus;
  /** Why it was rejected; empty otherwise. */
  rejectionReasons: string[];
}

/** Kinds of money movement recorded in the ledger. */
export type SandboxLedgerKind =
  | 'issue'
  | 'reissue'
  | 'transfer'
  | 'topup'
  | 'withdraw'
  | 'budget-topup'
  | 'spend'
  | 'refund';

/** One applied money movement; amounts are positive major units, the kind gives the direction. */
export interface SandboxLedgerEntry {
  /** The `Idempotency-Key` of the request that applied it. */
  idempotencyKey?: string;
  /** What kind of movement it was. */
  kind: SandboxLedgerKind;
  /** Positive amount in major units. */
  amount: number;
  /** The note sent with a top-up. */
  note?: string;
  /** Currency, ISO 4217. */
  currency: string;
  /** The card funded, debited or issued. */
  cardId?: string;
  /** On reissue: the card replaced, whose balance moved over. */
  fromCardId?: string;
  /** The budget funded or debited. */
  budgetId?: string;
  /** When it was applied, ISO 8601. */
  at: string;
}

/** A customer in {@link SandboxSnapshot}. */
export interface SandboxCustomerSnapshot {
  /** Customer id. */
  id: string;
  /** `individual` or `business`. */
  type: string;
  /** Verification state. */
  status: SandboxCustomerStatus;
  /** First name, when given. */
  firstName?: string;
  /** Last name, when given. */
  lastName?: string;
  /** Why verification was rejected; empty otherwise. */
  rejectionReasons: string[];
  /** Product-access requests and their decisions. */
  featuresAccess: SandboxFeatureAccess[];
}

/** A card in {@link SandboxSnapshot}: never the full PAN, CVC, PIN or activation code. */
export interface SandboxCardSnapshot {
  /** Card id. */
  id: string;
  /** The id bfinance also shows for the card; card routes accept it in place of `id`. */
  externalCardId: string;
  /** The caller's own id given at issuance; card routes accept it too. */
  externalId?: string;
  /** Standalone (`card`) or budget card. */
  model: SandboxCardModel;
  /** The program it was issued from. */
  typeId: string;
  /** Lifecycle state. */
  status: SandboxCardStatus;
  /** Stored balance; always 0 for budget cards, which spend from their budget. */
  balance: number;
  /** Card currency, ISO 4217. */
  currency: string;
  /** Last four digits of the PAN. */
  last4: string;
  /** The label given at issuance. */
  label?: string;
  /** The customer it was issued to. */
  customerId?: string;
  /** The budget a budget card spends from. */
  budgetId?: string;
  /** Whether a PIN was set (never the PIN itself). */
  hasPin: boolean;
  /** Physical card state. */
  physical: 'none' | 'ordered' | 'activated';
  /** The card that replaced it on reissue. */
  replacedBy?: string;
}

/** A budget in {@link SandboxSnapshot}. */
export interface SandboxBudgetSnapshot {
  /** Budget id. */
  id: string;
  /** Display name. */
  name: string;
  /** The budget program it is bound to. */
  typeId: string;
  /** Budget currency, ISO 4217. */
  currency: string;
  /** Balance in major units. */
  balance: number;
}

/** A card transaction in {@link SandboxSnapshot}. */
export interface SandboxTransaction {
  /** Transaction id (what `disputes.create` takes). */
  id: string;
  /** The second reference the API sends; the sandbox makes it equal to `id`. */
  transactionId: string;
  /** The card it ran on. */
  cardId: string;
  /** The card's budget, for budget cards. */
  budgetId?: string;
  /** Amount in major units (positive). */
  amount: number;
  /** Currency, ISO 4217. */
  currency: string;
  /** The amount in USD. */
  usdAmount: number;
  /** Merchant name. */
  merchant: string;
  /** Merchant category code. */
  mcc: string;
  /** `completed`, `pending` or `declined`. */
  status: string;
  /** `purchase` or `refund`. */
  type: string;
  /** When it happened, ISO 8601. */
  date: string;
  /** Why it was declined; null otherwise. */
  declineReason: string | null;
  /** Fee charged, major units (always 0 in the sandbox). */
  fee: number;
}

/** A dispute in {@link SandboxSnapshot}. */
export interface SandboxDisputeSnapshot {
  /** Dispute id. */
  id: string;
  /** The card of the disputed transaction. */
  cardId: string;
  /** The disputed transaction. */
  transactionId: string;
  /** Where the dispute stands. */
  status: SandboxDisputeStatus;
  /** The reviewer's response, once resolved. */
  response?: string;
  /** When it was opened, ISO 8601. */
  createdAt: string;
}

/** Deep-frozen picture of everything the sandbox holds, free of card secrets. */
export interface SandboxSnapshot {
  /** Organization balance per lower-case currency, major units. */
  readonly organizationBalance: Readonly<Record<string, number>>;
  /** Every customer, in creation order. */
  readonly customers: readonly Readonly<SandboxCustomerSnapshot>[];
  /** Every card, deleted ones included. */
  readonly cards: readonly Readonly<SandboxCardSnapshot>[];
  /** Every budget. */
  readonly budgets: readonly Readonly<SandboxBudgetSnapshot>[];
  /** Every card transaction, oldest first. */
  readonly transactions: readonly Readonly<SandboxTransaction>[];
  /** Every dispute. */
  readonly disputes: readonly Readonly<SandboxDisputeSnapshot>[];
  /** Applied money movements, oldest first. */
  readonly ledger: readonly Readonly<SandboxLedgerEntry>[];
}

/** Input of the `transactions.add` control. */
export interface SandboxTransactionInit {
  /** Amount in the card's currency, major units; spends debit it, refunds credit it. */
  amount: number;
  /** Merchant name; defaults to `Sandbox Merchant`. */
  merchant?: string;
  /** Merchant category code; defaults to `5734`. */
  mcc?: string;
  /** Currency shown on the transaction; defaults to the card currency. */
  currency?: string;
  /** `completed` (default), `pending` or `declined`; declined ones move no money. */
  status?: string;
  /** `purchase` (default) or `refund`. */
  type?: string;
}
