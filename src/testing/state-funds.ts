import { permitted } from './card-transitions.js';
import { fail, fromCents, parseAmount, text } from './errors.js';
import type { CardRecord, LedgerRecord, TransactionRecord } from './records.js';
import type { SandboxStore } from './state.js';
import type { SandboxTransaction, SandboxTransactionInit } from './types.js';

const MIN_TOP_UP_CENTS = 101;

function assertStandalone(card: CardRecord): void {
  if (card.model === 'budget') fail(400, 'BUDGET_CARD_FUNDS');
}

/** `POST /cards/{id}/topup`: organization balance → card, at least 1.01, with an optional note. */
export function topUp(store: SandboxStore, card: CardRecord, amount: unknown, note?: unknown): void {
  assertStandalone(card);
  permitted(card, 'move-money');
  const cents = parseAmount(amount);
  if (cents < MIN_TOP_UP_CENTS) fail(400, 'MIN_TOP_UP');
  if (store.orgCents(card.currency) < cents) fail(400, 'ORG_INSUFFICIENT');
  store.moveOrg(card.currency, -cents);
  card.balanceCents += cents;
  const kept = typeof note === 'string' && note !== '' ? { note } : {};
  store.record('topup', cents, card.currency, { cardId: card.id, ...kept });
}

/** `POST /cards/{id}/withdraw`: card → organization balance. */
export function withdraw(store: SandboxStore, card: CardRecord, amount: unknown): void {
  assertStandalone(card);
  permitted(card, 'move-money');
  const cents = parseAmount(amount);
  if (card.balanceCents < cents) fail(400, 'CARD_INSUFFICIENT');
  card.balanceCents -= cents;
  store.moveOrg(card.currency, cents);
  store.record('withdraw', cents, card.currency, { cardId: card.id });
}

/** `POST /budgets/{id}/topup`: organization balance → budget (the amount is in the budget's currency, USD). */
export function topUpBudget(store: SandboxStore, budgetId: string, amount: unknown): void {
  const budget = store.budget(budgetId);
  const cents = parseAmount(amount);
  if (store.orgCents(budget.currency) < cents) fail(400, 'ORG_INSUFFICIENT');
  store.moveOrg(budget.currency, -cents);
  budget.balanceCents += cents;
  store.record('budget-topup', cents, budget.currency, { budgetId: budget.id });
}

/** Why a spend is declined, or undefined when it goes through. */
function declineReason(
  store: SandboxStore,
  card: CardRecord,
  cents: number,
  status: string,
): string | undefined {
  if (status === 'declined') return 'Declined by issuer';
  if (card.status !== 'active') return `Card is ${card.status}`;
  if (cents > Math.round(card.limits['ecommerce-transaction'] * 100)) return 'Transaction limit exceeded';
  const available =
    card.budgetId !== undefined ? store.budget(card.budgetId).balanceCents : card.balanceCents;
  return available < cents ? 'Insufficient funds' : undefined;
}

/** Moves `cents` out of (negative) or into (positive) the card's funding: its budget or its balance. */
function adjustFunding(store: SandboxStore, card: CardRecord, cents: number): void {
  if (card.budgetId !== undefined) store.budget(card.budgetId).balanceCents += cents;
  else card.balanceCents += cents;
}

/** Public, major-unit view of a transaction record. */
export function transactionView({ amountCents, ...t }: TransactionRecord): SandboxTransaction {
  return { ...t, amount: fromCents(amountCents) };
}

/**
 * Control: a merchant transaction on a card. Purchases debit the card (or its budget) unless they
 * are declined; refunds credit it. Only applied movements reach the ledger.
 */
export function addTransaction(
  store: SandboxStore,
  cardRef: string,
  init: SandboxTransactionInit,
): TransactionRecord {
  const card = store.card(cardRef);
  const cents = parseAmount(init.amount);
  const type = text(init.type) ?? 'purchase';
  const requested = text(init.status) ?? 'completed';
  const refund = type === 'refund';
  const reason = refund ? undefined : declineReason(store, card, cents, requested);
  const id = store.random.id();
  const record: TransactionRecord = {
    id,
    transactionId: id,
    cardId: card.id,
    ...(card.budgetId !== undefined ? { budgetId: card.budgetId } : {}),
    amountCents: cents,
    currency: init.currency ?? card.currency,
    usdAmount: store.usdAmount(cents, card.currency),
    merchant: init.merchant ?? 'Sandbox Merchant',
    mcc: init.mcc ?? '5734',
    status: reason === undefined ? requested : 'declined',
    type,
    date: store.now(),
    declineReason: reason ?? null,
    fee: 0,
  };
  if (reason === undefined) {
    adjustFunding(store, card, refund ? cents : -cents);
    const refs = { cardId: card.id, ...(card.budgetId !== undefined ? { budgetId: card.budgetId } : {}) };
    store.record(refund ? 'refund' : 'spend', cents, card.currency, refs);
  }
  store.transactions.push(record);
  return record;
}

/**
 * Inference, not documented by bfinance: a card's transaction listing also shows the movements of
 * its own balance (the initial balance, top-ups with their note, withdrawals, a reissue's carried
 * balance), the way stored-value card histories usually do. `reconcile()` relies on it. Maps a
 * ledger kind to the `type` listed.
 */
const CARD_MOVEMENT_TYPES: Readonly<Partial<Record<LedgerRecord['kind'], string>>> = {
  issue: 'issue',
  reissue: 'reissue',
  transfer: 'transfer',
  topup: 'topup',
  withdraw: 'withdraw',
};

/** Balance movements of a standalone card, newest first, with the `type` a listing shows. */
export function cardMovements(store: SandboxStore, card: CardRecord): Array<[LedgerRecord, string]> {
  const out: Array<[LedgerRecord, string]> = [];
  for (const entry of store.ledgerRecords()) {
    const type = CARD_MOVEMENT_TYPES[entry.kind];
    if (type !== undefined && entry.cardId === card.id) out.push([entry, type]);
  }
  return out.reverse();
}

/** Top-ups of a budget, newest first (listed with its transactions, by the same inference). */
export function budgetMovements(store: SandboxStore, budgetId: string): LedgerRecord[] {
  return store
    .ledgerRecords()
    .filter((e) => e.kind === 'budget-topup' && e.budgetId === budgetId)
    .reverse();
}

/** Transactions of a card, newest first. */
export function cardTransactions(store: SandboxStore, card: CardRecord): TransactionRecord[] {
  return store.transactions.filter((t) => t.cardId === card.id).reverse();
}

/** Transactions of every card of a budget, newest first. */
export function budgetTransactions(store: SandboxStore, budgetId: string): TransactionRecord[] {
  store.budget(budgetId);
  return store.transactions.filter((t) => t.budgetId === budgetId).reverse();
}
