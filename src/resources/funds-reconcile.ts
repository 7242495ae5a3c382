import type { CallWindow, ReconcileOptions, Reconciliation } from '../core/outcome/contract.js';
import { redact } from '../core/redact.js';
import type { Requester } from '../core/spec.js';
import { readCard, readOptions } from './card-read.js';
import type { ResolvedCard } from './card-ref.js';
import { cardTransactions } from './endpoints/cards.js';
import { budgetTransactions } from './endpoints/funds.js';
import type { ListingPage } from './movement-listing.js';
import type { MovementEntry } from './movement-match.js';
import { decideMovement, findMovement, MOVEMENT_PAGE_SIZE, readMovements } from './movement-search.js';
import type { MovementKind } from './reconcile-words.js';

// How money movements are settled when their outcome is unknown: by searching the card's or the
// budget's transactions for the movement, through public reads only. Loaded by funds-outcomes.ts
// on the first error.reconcile().

/** A card top-up or withdrawal to look for: the card, and what the call moved. */
export interface CardMovementCall {
  transport: Requester;
  card: ResolvedCard;
  kind: MovementKind;
  amount: number;
  note: string | undefined;
}

/** Settles a card top-up or withdrawal from the card's transactions (and notes its balance). */
export async function reconcileCardMovement(
  movement: CardMovementCall,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  const { transport, card, kind, amount, note } = movement;
  const read = readOptions(options);
  const page = async (n: number): Promise<ListingPage<MovementEntry>> => {
    const data = await transport.request(cardTransactions(card, n, MOVEMENT_PAGE_SIZE), read);
    const items = data.transactions.map(
      (t): MovementEntry => ({
        id: t.id,
        amount: t.amount,
        currency: t.currency,
        type: t.type,
        date: t.date,
        note: t.note,
        status: t.status,
      }),
    );
    return { items, totalPages: (data as { totalPages?: number | null }).totalPages };
  };
  const listing = await readMovements(call, options, { operation: 'cards.transactions', page });
  // The card is read after the listing: its currency tells a converted amount from another movement.
  let details: Awaited<ReturnType<typeof readCard>> | undefined;
  try {
    details = await readCard(transport, card, read);
  } catch {
    // The balance is only for the record; without the currency the search is more cautious.
  }
  const answer = decideMovement(call, listing, {
    kind,
    amount,
    currency: details?.balance?.currency ?? details?.currency ?? undefined,
    // Listings echo notes redacted (see echoedText), so the note is compared in that form.
    note: note === undefined ? undefined : redact(note),
    takesNote: kind === 'topup',
    redactNote: (text) => redact(text),
  });
  if (details?.balance) {
    answer.evidence.balance = details.balance;
    answer.evidence.reads.push('cards.retrieve');
  }
  return answer;
}

/** Settles a budget top-up from the budget's transactions. */
export function reconcileBudgetTopUp(
  transport: Requester,
  budgetId: string,
  amount: number,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  const read = readOptions(options);
  const page = async (n: number): Promise<ListingPage<MovementEntry>> => {
    const data = await transport.request(budgetTransactions(budgetId, n, MOVEMENT_PAGE_SIZE), read);
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
  return findMovement(
    call,
    options,
    { operation: 'funds.budgetTransactions', page },
    // Budget top-ups are in USD, the budget's currency.
    { kind: 'topup', amount, currency: 'USD', redactNote: (text) => redact(text) },
  );
}
