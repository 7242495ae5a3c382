import { redact } from '../core/redact/index.js';
import type { Requester } from '../core/spec.js';
import {
  decideMovement,
  findMovement,
  type ListingPage,
  MOVEMENT_PAGE_SIZE,
  type MovementEntry,
  type MovementKind,
  readMovements,
} from '../outcomes/movement.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { readCard, readOptions } from './card-read.js';
import type { ResolvedCard } from './card-ref.js';
import { cardTransactions } from './endpoints/cards.js';
import { budgetTransactions } from './endpoints/funds.js';

// How money movements are settled when their outcome is unknown: by searching the card's or the
// budget's transactions for the movement, through public reads only.

// bfinance documents de-duplication by Idempotency-Key for card top-ups and withdrawals only.
const MOVEMENT_HINTS: Readonly<Record<MovementKind, string>> = {
  topup:
    'bfinance processes a card top-up once per Idempotency-Key: call error.resend() to re-send it with the same key, or error.reconcile() to look for it.',
  withdraw:
    'bfinance processes a card withdrawal once per Idempotency-Key: call error.resend() to re-send it with the same key, or error.reconcile() to look for it.',
};

/** Settles a card top-up or withdrawal from the card's transactions (and notes its balance). */
export function cardMovementOutcome(
  transport: Requester,
  card: ResolvedCard,
  kind: MovementKind,
  amount: number,
  note: string | undefined,
): OutcomeSpec {
  return {
    hint: MOVEMENT_HINTS[kind],
    reconcile: async (call, options) => {
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
    },
  };
}

/** Settles a budget top-up from the budget's transactions. */
export function budgetTopUpOutcome(transport: Requester, budgetId: string, amount: number): OutcomeSpec {
  return {
    hint: "bfinance documents no de-duplication for budget top-ups, so re-sending may move the money twice: call error.reconcile(), which reads the budget's transactions, to see whether the top-up was applied.",
    reconcile: (call, options) => {
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
    },
  };
}
