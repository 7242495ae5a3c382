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

/** Every fault the sandbox can inject; see {@link SandboxFaultSpec}. */
export type SandboxFaultKind =
  | 'latency'
  | 'reset-before-apply'
  | 'reset-after-apply'
  | 'hang-after-apply'
  | 'status-500'
  | 'status-502'
  | 'status-503'
  | 'status-429'
  | 'malformed-json'
  | 'truncated-body'
  | 'html-page'
  | 'empty-body';

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
  /** Bearer token the sandbox accepts; defaults to {@link DEFAULT_SANDBOX_TOKEN}. */
  token?: string;
  /** Starting organization balance per currency in major units; defaults to 100,000 USD and 100,000 EUR. */
  organizationBalance?: { usd?: number; eur?: number };
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
  /** API base the msw handlers intercept; defaults to `https://business.bfinance.app/external/api`. */
  baseUrl?: string;
}

/** The default bearer token; deliberately not JWT-shaped so it is never mistaken for a real credential. */
export const DEFAULT_SANDBOX_TOKEN = 'sandbox_test_token';

/** The production API base, which the msw handlers intercept by default. */
export const DEFAULT_SANDBOX_BASE_URL = 'https://business.bfinance.app/external/api';

/** Path prefix under which the HTTP server serves the API. */
export const SANDBOX_API_PREFIX = '/external/api';

/** One product-access entry of a customer, as `GET /customers/{id}` shows it. */
export interface SandboxFeatureAccess {
  id: string;
  type: SandboxAccessType;
  cardType?: string;
  status: SandboxAccessStatus;
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
  idempotencyKey?: string;
  kind: SandboxLedgerKind;
  amount: number;
  currency: string;
  cardId?: string;
  fromCardId?: string;
  budgetId?: string;
  at: string;
}

/** A customer in {@link SandboxSnapshot}. */
export interface SandboxCustomerSnapshot {
  id: string;
  type: string;
  status: SandboxCustomerStatus;
  firstName?: string;
  lastName?: string;
  rejectionReasons: string[];
  featuresAccess: SandboxFeatureAccess[];
}

/** A card in {@link SandboxSnapshot}: never the full PAN, CVC, PIN or activation code. */
export interface SandboxCardSnapshot {
  id: string;
  externalCardId: string;
  externalId?: string;
  model: SandboxCardModel;
  typeId: string;
  status: SandboxCardStatus;
  /** Stored balance; always 0 for budget cards, which spend from their budget. */
  balance: number;
  currency: string;
  last4: string;
  label?: string;
  customerId?: string;
  budgetId?: string;
  hasPin: boolean;
  physical: 'none' | 'ordered' | 'activated';
  replacedBy?: string;
}

/** A budget in {@link SandboxSnapshot}. */
export interface SandboxBudgetSnapshot {
  id: string;
  name: string;
  typeId: string;
  currency: string;
  balance: number;
}

/** A card transaction in {@link SandboxSnapshot}. */
export interface SandboxTransaction {
  id: string;
  transactionId: string;
  cardId: string;
  budgetId?: string;
  amount: number;
  currency: string;
  usdAmount: number;
  merchant: string;
  mcc: string;
  status: string;
  type: string;
  date: string;
  declineReason: string | null;
  fee: number;
}

/** A dispute in {@link SandboxSnapshot}. */
export interface SandboxDisputeSnapshot {
  id: string;
  cardId: string;
  transactionId: string;
  status: SandboxDisputeStatus;
  response?: string;
  createdAt: string;
}

/** Deep-frozen picture of everything the sandbox holds, free of card secrets. */
export interface SandboxSnapshot {
  /** Organization balance per lower-case currency, major units. */
  readonly organizationBalance: Readonly<Record<string, number>>;
  readonly customers: readonly Readonly<SandboxCustomerSnapshot>[];
  readonly cards: readonly Readonly<SandboxCardSnapshot>[];
  readonly budgets: readonly Readonly<SandboxBudgetSnapshot>[];
  readonly transactions: readonly Readonly<SandboxTransaction>[];
  readonly disputes: readonly Readonly<SandboxDisputeSnapshot>[];
  /** Applied money movements, oldest first. */
  readonly ledger: readonly Readonly<SandboxLedgerEntry>[];
}

/** Input of the `transactions.add` control. */
export interface SandboxTransactionInit {
  /** Amount in the card's currency, major units; spends debit it, refunds credit it. */
  amount: number;
  merchant?: string;
  mcc?: string;
  /** Currency shown on the transaction; defaults to the card currency. */
  currency?: string;
  /** `completed` (default), `pending` or `declined`; declined ones move no money. */
  status?: string;
  /** `purchase` (default) or `refund`. */
  type?: string;
}
