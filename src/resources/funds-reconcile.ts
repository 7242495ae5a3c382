import type { CallWindow, ReconcileOptions, Reconciliation } from '../core/outcome/contract.js';
import type { PageData } from '../core/page.js';
import type { Card, CardTransaction } from './card-results.js';
import type { BudgetTransaction } from './funds-schemas.js';
import type { ListingPage } from './movement-listing.js';
import type { MovementEntry, MovementQuery } from './movement-match.js';
import { findMovement, MOVEMENT_PAGE_SIZE } from './movement-search.js';

// How money movements are settled when their outcome is unknown: by searching the card's or the
// budget's transactions for the movement. Loaded by funds-outcomes.ts on the first
// error.reconcile(); it takes the reads and the query (redacted) from there, so it loads no
// endpoint, schema or redactor of its own.

/** The public reads a card movement is settled from, over the caller's transport. */
export interface CardMovementReads {
  /** One page of the card's transactions. */
  transactions: (page: number, limit: number) => Promise<{ transactions: CardTransaction[] }>;
  /** The card, for its currency and balance. */
  card: () => Promise<Card>;
}

/** Settles a card top-up or withdrawal from the card's transactions (and notes its balance). */
export function reconcileCardMovement(
  reads: CardMovementReads,
  query: MovementQuery,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  const page = async (n: number): Promise<ListingPage<MovementEntry>> => {
    const data = await reads.transactions(n, MOVEMENT_PAGE_SIZE);
    // A card transaction carries every field of a movement entry under the same name.
    return { items: data.transactions, totalPages: (data as { totalPages?: number | null }).totalPages };
  };
  return findMovement(call, options, { operation: 'cards.transactions', page, card: reads.card }, query);
}

/** Settles a budget top-up from the budget's transactions (one page per call of `transactions`). */
export function reconcileBudgetTopUp(
  transactions: (page: number, limit: number) => Promise<PageData<BudgetTransaction>>,
  query: MovementQuery,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  const page = async (n: number): Promise<ListingPage<MovementEntry>> => {
    const data = await transactions(n, MOVEMENT_PAGE_SIZE);
    const items = data.data.map(
      (t): MovementEntry => ({
        id: t.id,
        amount: t.amount,
        currency: t.currency,
        type: t.type,
        date: t.transactionDate,
        status: t.status,
      }),
    );
    return { items, totalPages: data.totalPages };
  };
  return findMovement(call, options, { operation: 'funds.budgetTransactions', page }, query);
}
