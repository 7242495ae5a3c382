import type {
  SandboxCardModel,
  SandboxCardStatus,
  SandboxCustomerStatus,
  SandboxDisputeStatus,
  SandboxFeatureAccess,
  SandboxLedgerKind,
  SandboxTransaction,
} from './types.js';

/** Spending-limit kinds of `POST /cards/{id}/limits`. */
export const LIMIT_TYPES = Object.freeze([
  'ecommerce-daily',
  'ecommerce-monthly',
  'ecommerce-transaction',
  'pos-daily',
  'pos-monthly',
  'pos-transaction',
] as const);

/** One spending-limit kind. */
export type LimitType = (typeof LIMIT_TYPES)[number];

/** A card program. */
export interface CardTypeRecord {
  id: string;
  name: string;
  cardCurrency: string;
  price: string;
  brand: string;
  model: SandboxCardModel;
  active: boolean;
  requiresCustomer: boolean;
}

/** A questionnaire attached to a customer. */
export interface QuestionnaireRecord {
  id: string;
  name: string;
  completed: boolean;
  /** When the answers were submitted, ISO 8601. */
  completedAt?: string;
  answers?: unknown;
}

/** A customer. */
export interface CustomerRecord {
  id: string;
  type: string;
  status: SandboxCustomerStatus;
  individualData: Record<string, unknown>;
  rejectionReasons: string[];
  featuresAccess: SandboxFeatureAccess[];
  questionnaires: QuestionnaireRecord[];
}

/** A budget; balances are integer cents. */
export interface BudgetRecord {
  id: string;
  name: string;
  typeId: string;
  currency: string;
  balanceCents: number;
}

/** A physical version of a card. */
export interface PhysicalRecord {
  activationCode: string;
  activated: boolean;
}

/** A card of either model; balances are integer cents, limits major units. */
export interface CardRecord {
  id: string;
  externalCardId: string;
  externalId?: string;
  model: SandboxCardModel;
  typeId: string;
  status: SandboxCardStatus;
  balanceCents: number;
  currency: string;
  brand: string;
  pan: string;
  expire: string;
  cvc: string;
  pin?: string;
  label?: string;
  holder: { firstName: string; lastName: string; customerId?: string };
  email?: string;
  phone?: string;
  budgetId?: string;
  limits: Record<LimitType, number>;
  velocity?: { type: string; amount: number };
  physical?: PhysicalRecord;
  replacedBy?: string;
  createdAt: string;
}

/** A card transaction; `amountCents` is what moved (or would have). */
export interface TransactionRecord extends Omit<SandboxTransaction, 'amount'> {
  amountCents: number;
}

/** A dispute. */
export interface DisputeRecord {
  id: string;
  cardId: string;
  transactionId: string;
  status: SandboxDisputeStatus;
  textEvidence: string;
  files: string[];
  response?: string;
  createdAt: string;
}

/** One ledger entry; amounts are integer cents. */
export interface LedgerRecord {
  /** Transaction id under which listings show the movement. */
  id: string;
  idempotencyKey?: string;
  /** The note sent with a top-up. */
  note?: string;
  kind: SandboxLedgerKind;
  cents: number;
  currency: string;
  cardId?: string;
  fromCardId?: string;
  budgetId?: string;
  at: string;
}
