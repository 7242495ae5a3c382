import { fromCents } from './errors.js';
import type {
  CardRecord,
  CardTypeRecord,
  CustomerRecord,
  DisputeRecord,
  LedgerRecord,
  TransactionRecord,
} from './records.js';
import type { SandboxStore } from './state.js';

// Wire shapes of every answer, built from the records. `quirks` switches bfinance's oddities on.

function spacedPan(pan: string): string {
  return pan.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function masked(card: CardRecord): string {
  return `**** **** **** ${card.pan.slice(-4)}`;
}

function holder(card: CardRecord): Record<string, unknown> {
  return {
    firstName: card.holder.firstName,
    lastName: card.holder.lastName,
    customerId: card.holder.customerId ?? null,
  };
}

/** PAN, expiry and CVC as the sensitive endpoints return them. */
export function sensitiveView(card: CardRecord, quirks: boolean): Record<string, unknown> {
  return { number: quirks ? spacedPan(card.pan) : card.pan, expire: card.expire, cvc: card.cvc };
}

/** `GET /cards/{id}`; with quirks the block is spelled `sensetive` and its PAN is a JSON number. */
export function cardDetailsView(card: CardRecord, quirks: boolean): Record<string, unknown> {
  const secret = { number: quirks ? Number(card.pan) : card.pan, expire: card.expire, cvc: card.cvc };
  return {
    id: card.id,
    maskedCardNumber: masked(card),
    [quirks ? 'sensetive' : 'sensitive']: secret,
    currency: card.currency,
    status: card.status,
    externalCardId: card.externalCardId,
    balance: { value: fromCents(card.balanceCents), currency: card.currency },
    label: card.label ?? null,
    cardHolder: holder(card),
    email: card.email ?? null,
    phone: card.phone ?? null,
  };
}

/** `GET /budget-cards/{id}`: full PAN but the CVC masked. */
export function budgetCardDetailsView(card: CardRecord, quirks: boolean): Record<string, unknown> {
  return {
    id: card.id,
    maskedCardNumber: masked(card),
    currency: card.currency,
    status: card.status,
    externalCardId: card.externalCardId,
    sensitive: { ...sensitiveView(card, quirks), cvc: '***' },
  };
}

/** `data` of `POST /cards/issue` and `POST /cards/reissue`. */
export function issuedCardView(card: CardRecord, quirks: boolean): Record<string, unknown> {
  return {
    card: {
      id: card.id,
      cardNumber: quirks ? spacedPan(card.pan) : card.pan,
      cardExpire: card.expire,
      cardCVC: card.cvc,
      cardBalance: fromCents(card.balanceCents),
      currency: card.currency,
      maskedCardNumber: masked(card),
      brand: card.brand,
      label: card.label ?? null,
    },
  };
}

/** `data` of `POST /budget-cards/issue`. */
export function issuedBudgetCardView(card: CardRecord, quirks: boolean): Record<string, unknown> {
  return {
    id: card.id,
    maskedCardNumber: masked(card),
    currency: card.currency,
    status: card.status,
    externalCardId: card.externalCardId,
    sensitive: sensitiveView(card, quirks),
  };
}

/** One item of `GET /cards/list`. */
export function cardListItemView(card: CardRecord): Record<string, unknown> {
  return {
    id: card.id,
    maskedCardNumber: masked(card),
    currency: card.currency,
    status: card.status,
    externalCardId: card.externalCardId,
    cardBalance: fromCents(card.balanceCents),
    label: card.label ?? null,
    brand: card.brand,
    cardHolder: holder(card),
    cardType: card.model === 'card' ? 'prepaid' : 'budget',
  };
}

/** One item of `GET /cards/types`. */
export function cardTypeView(type: CardTypeRecord): Record<string, unknown> {
  return {
    id: type.id,
    name: type.name,
    cardCurrency: type.cardCurrency,
    price: type.price,
    brand: type.brand,
  };
}

/** `GET /customers/{id}` (and the create answer). */
export function customerView(customer: CustomerRecord): Record<string, unknown> {
  return {
    id: customer.id,
    type: customer.type,
    status: customer.status,
    individualData: { ...customer.individualData },
    featuresAccess: customer.featuresAccess.map((a) => ({ ...a, rejectionReasons: [...a.rejectionReasons] })),
    rejectionReasons: [...customer.rejectionReasons],
    sumsub: { url: `https://verify.sandbox.invalid/customers/${customer.id}` },
  };
}

/** One item of `GET /cards/{id}/transactions`. */
export function cardTransactionView(t: TransactionRecord): Record<string, unknown> {
  return {
    id: t.id,
    amount: fromCents(t.amountCents),
    currency: t.currency,
    usdAmount: t.usdAmount,
    merchant: t.merchant,
    status: t.status,
    type: t.type,
    date: t.date,
    transactionId: t.transactionId,
    declineReason: t.declineReason,
  };
}

/** A card balance movement in `GET /cards/{id}/transactions` (an inference; see `cardMovements`). */
export function cardMovementView(
  store: SandboxStore,
  entry: LedgerRecord,
  type: string,
): Record<string, unknown> {
  return {
    id: entry.id,
    amount: fromCents(entry.cents),
    currency: entry.currency,
    usdAmount: store.usdAmount(entry.cents, entry.currency),
    merchant: null,
    status: 'completed',
    type,
    date: entry.at,
    transactionId: entry.id,
    declineReason: null,
    note: entry.note ?? null,
  };
}

/** A budget top-up in `GET /budgets/{id}/transactions`: no card made it, so `card` is null. */
export function budgetMovementView(store: SandboxStore, entry: LedgerRecord): Record<string, unknown> {
  return {
    id: entry.id,
    card: null,
    amount: fromCents(entry.cents),
    currency: entry.currency,
    usdAmount: store.usdAmount(entry.cents, entry.currency),
    merchant: null,
    mcc: null,
    status: 'completed',
    type: 'topup',
    transactionDate: entry.at,
    transactionId: entry.id,
    fee: 0,
  };
}

/** Entries of two newest-first listings as one, newest first (merchant activity first on a tie). */
export function newestFirst<T>(...lists: Array<Array<{ at: string; view: T }>>): T[] {
  return lists
    .flat()
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((e) => e.view);
}

/** One item of `GET /budgets/{id}/transactions`. */
export function budgetTransactionView(store: SandboxStore, t: TransactionRecord): Record<string, unknown> {
  const card = store.cards.get(t.cardId);
  return {
    id: t.id,
    card: {
      id: t.cardId,
      maskedCardNumber: card ? masked(card) : null,
      externalId: card?.externalCardId ?? null,
    },
    amount: fromCents(t.amountCents),
    currency: t.currency,
    usdAmount: t.usdAmount,
    merchant: t.merchant,
    mcc: t.mcc,
    status: t.status,
    type: t.type,
    transactionDate: t.date,
    transactionId: t.transactionId,
    fee: t.fee,
  };
}

/** `GET /cards/{id}/limits`: limits plus what today's and this month's spend used. */
export function limitsView(store: SandboxStore, card: CardRecord): Record<string, unknown> {
  const today = store.now().slice(0, 10);
  const used = (prefix: string): number =>
    fromCents(
      store.transactions
        .filter((t) => t.cardId === card.id && t.type !== 'refund' && t.status !== 'declined')
        .filter((t) => t.date.startsWith(prefix))
        .reduce((sum, t) => sum + t.amountCents, 0),
    );
  const channel = (name: 'ecommerce' | 'pos', daily: number, monthly: number): Record<string, unknown> => ({
    daily: { limit: card.limits[`${name}-daily`], used: daily },
    monthly: { limit: card.limits[`${name}-monthly`], used: monthly },
    transaction: { limit: card.limits[`${name}-transaction`] },
  });
  return {
    ecommerce: channel('ecommerce', used(today), used(today.slice(0, 7))),
    pos: channel('pos', 0, 0),
  };
}

/** `data` of `POST /disputes`. */
export function disputeView(d: DisputeRecord): Record<string, unknown> {
  return {
    id: d.id,
    status: d.status,
    textEvidence: d.textEvidence,
    files: [...d.files],
    createdAt: d.createdAt,
  };
}

/** `data` of `GET /disputes/{id}/status`. */
export function disputeStatusView(d: DisputeRecord): Record<string, unknown> {
  return { id: d.id, status: d.status, ...(d.response !== undefined ? { response: d.response } : {}) };
}
