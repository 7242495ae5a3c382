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
