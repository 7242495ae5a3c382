import { fail, fromCents } from './errors.js';
import type { SandboxOptions } from './options.js';
import { SandboxRandom } from './random.js';
import type {
  BudgetRecord,
  CardRecord,
  CardTypeRecord,
  CustomerRecord,
  DisputeRecord,
  LedgerRecord,
  LimitType,
  TransactionRecord,
} from './records.js';
import type { SandboxAccessType, SandboxCardModel, SandboxLedgerKind, SandboxSnapshot } from './types.js';

const DEFAULT_LIMITS: Readonly<Record<LimitType, number>> = Object.freeze({
  'ecommerce-daily': 50000,
  'ecommerce-monthly': 400000,
  'ecommerce-transaction': 25000,
  'pos-daily': 50000,
  'pos-monthly': 400000,
  'pos-transaction': 25000,
});

/** Fixed demo FX rates to USD, so `usdAmount` is stable. */
const USD_RATES: Readonly<Record<string, number>> = Object.freeze({ USD: 1, EUR: 1.08, GBP: 1.27 });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The in-memory bfinance: every record plus the ledger. Rules that change it live in the
 * `state-*.ts` modules; this class only stores, finds and records.
 */
export class SandboxStore {
  /** Seeded source of ids, PANs, CVCs and codes. */
  readonly random: SandboxRandom;
  /** Customers by id. */
  readonly customers = new Map<string, CustomerRecord>();
  /** Card programs by id, in creation order (the order `GET /cards/types` lists them). */
  readonly cardTypes = new Map<string, CardTypeRecord>();
  /** Budgets by id. */
  readonly budgets = new Map<string, BudgetRecord>();
  /** Cards of both models by internal id, in issue order (the order `GET /cards/list` pages them). */
  readonly cards = new Map<string, CardRecord>();
  /** Every merchant transaction, oldest first. */
  readonly transactions: TransactionRecord[] = [];
  /** Disputes by id. */
  readonly disputes = new Map<string, DisputeRecord>();
  readonly #org = new Map<string, number>();
  readonly #ledger: LedgerRecord[] = [];
  #idempotencyKey: string | undefined;
  /** Rules switched on by options: see `SandboxOptions.autoVerify` and `strictIssuance`. */
  readonly rules: { readonly autoVerify: boolean; readonly strictIssuance: boolean };

  /** Starts with the organization balance of the options (100,000 USD and 100,000 EUR by default). */
  constructor(
    options: Pick<SandboxOptions, 'seed' | 'organizationBalance' | 'autoVerify' | 'strictIssuance'>,
  ) {
    this.random = new SandboxRandom(options.seed);
    this.rules = Object.freeze({
      autoVerify: options.autoVerify ?? false,
      strictIssuance: options.strictIssuance ?? false,
    });
    const org = options.organizationBalance ?? {};
    this.#org.set('usd', Math.round((org.usd ?? 100000) * 100));
    this.#org.set('eur', Math.round((org.eur ?? 100000) * 100));
  }

  /** Current time as an ISO string. */
  now(): string {
    return new Date().toISOString();
  }

  /** Runs `apply` with ledger entries tagged by the request's `Idempotency-Key`. */
  withIdempotencyKey<T>(key: string | undefined, apply: () => T): T {
    this.#idempotencyKey = key;
    try {
      return apply();
    } finally {
      this.#idempotencyKey = undefined;
    }
  }

  /** Organization balance in cents for a currency (any case). */
  orgCents(currency: string): number {
    return this.#org.get(currency.toLowerCase()) ?? 0;
  }

  /** Adds (or with a negative value, removes) cents to the organization balance. */
  moveOrg(currency: string, cents: number): void {
    this.#org.set(currency.toLowerCase(), this.orgCents(currency) + cents);
  }

  /** Organization balance per lower-case currency, in major units. */
  orgBalance(): Record<string, number> {
    return Object.fromEntries([...this.#org].map(([currency, cents]) => [currency, fromCents(cents)]));
  }

  /** Appends a ledger entry for an applied money movement. */
  record(kind: SandboxLedgerKind, cents: number, currency: string, refs: Partial<LedgerRecord> = {}): void {
    const entry: LedgerRecord = {
      id: this.random.movementId(),
      kind,
      cents,
      currency,
      at: this.now(),
      ...refs,
    };
    if (this.#idempotencyKey !== undefined) entry.idempotencyKey = this.#idempotencyKey;
    this.#ledger.push(entry);
  }

  /** Every ledger entry, oldest first (live records: read, never change). */
  ledgerRecords(): readonly LedgerRecord[] {
    return this.#ledger;
  }

  /** Default spending limits for a new card. */
  defaultLimits(): Record<LimitType, number> {
    return { ...DEFAULT_LIMITS };
  }

  /** Converts an amount in `currency` cents to USD major units. */
  usdAmount(cents: number, currency: string): number {
    return Math.round(cents * (USD_RATES[currency.toUpperCase()] ?? 1)) / 100;
  }

  /** Finds a card by internal id, `externalCardId` or the caller's `externalId`; 404 otherwise. */
  card(ref: string, model?: SandboxCardModel): CardRecord {
    const matches = (c: CardRecord): boolean => model === undefined || c.model === model;
    const direct = this.cards.get(ref);
    if (direct !== undefined && matches(direct)) return direct;
    for (const c of this.cards.values()) if (c.externalCardId === ref && matches(c)) return c;
    let byCallerId: CardRecord | undefined;
    for (const c of this.cards.values()) if (c.externalId === ref && matches(c)) byCallerId = c;
    return byCallerId ?? fail(404, 'CARD_NOT_FOUND');
  }

  /** Finds a customer; 404 otherwise. */
  customer(id: unknown): CustomerRecord {
    return (typeof id === 'string' ? this.customers.get(id) : undefined) ?? fail(404, 'CUSTOMER_NOT_FOUND');
  }

  /** Finds a dispute; 404 otherwise. */
  dispute(id: string): DisputeRecord {
    return this.disputes.get(id) ?? fail(404, 'DISPUTE_NOT_FOUND');
  }

  /** Finds a budget; 404 otherwise. */
  budget(id: string): BudgetRecord {
    return this.budgets.get(id) ?? fail(404, 'BUDGET_NOT_FOUND');
  }

  /** True when the customer holds granted access of `type` (for cards: for `cardType` or any program). */
  hasAccess(customer: CustomerRecord, type: SandboxAccessType, cardType?: string): boolean {
    return customer.featuresAccess.some(
      (a) =>
        a.type === type &&
        a.status === 'granted' &&
        (cardType === undefined || a.cardType === undefined || a.cardType === cardType),
    );
  }

  /** Deep-frozen copy of everything, without PANs, CVCs, PINs or activation codes. */
  snapshot(): SandboxSnapshot {
    const customers = [...this.customers.values()].map((c) => ({
      id: c.id,
      type: c.type,
      status: c.status,
      ...(typeof c.individualData.firstName === 'string' ? { firstName: c.individualData.firstName } : {}),
      ...(typeof c.individualData.lastName === 'string' ? { lastName: c.individualData.lastName } : {}),
      rejectionReasons: [...c.rejectionReasons],
      featuresAccess: c.featuresAccess.map((a) => ({ ...a, rejectionReasons: [...a.rejectionReasons] })),
    }));
    const cards = [...this.cards.values()].map((c) => ({
      id: c.id,
      externalCardId: c.externalCardId,
      ...(c.externalId !== undefined ? { externalId: c.externalId } : {}),
      model: c.model,
      typeId: c.typeId,
      status: c.status,
      balance: fromCents(c.balanceCents),
      currency: c.currency,
      last4: c.pan.slice(-4),
      ...(c.label !== undefined ? { label: c.label } : {}),
      ...(c.holder.customerId !== undefined ? { customerId: c.holder.customerId } : {}),
      ...(c.budgetId !== undefined ? { budgetId: c.budgetId } : {}),
      hasPin: c.pin !== undefined,
      physical:
        c.physical === undefined
          ? ('none' as const)
          : c.physical.activated
            ? ('activated' as const)
            : ('ordered' as const),
      ...(c.replacedBy !== undefined ? { replacedBy: c.replacedBy } : {}),
    }));
    const budgets = [...this.budgets.values()].map(({ balanceCents, ...b }) => ({
      ...b,
      balance: fromCents(balanceCents),
    }));
    const transactions = this.transactions.map(({ amountCents, ...t }) => ({
      ...t,
      amount: fromCents(amountCents),
    }));
    const disputes = [...this.disputes.values()].map(({ textEvidence: _t, files: _f, ...d }) => ({ ...d }));
    const ledger = this.#ledger.map(({ cents, id: _id, ...e }) => ({ ...e, amount: fromCents(cents) }));
    return deepFreeze({
      organizationBalance: this.orgBalance(),
      customers,
      cards,
      budgets,
      transactions,
      disputes,
      ledger,
    });
  }
}
