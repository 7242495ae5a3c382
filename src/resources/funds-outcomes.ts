import { redact } from '../core/redact.js';
import type { Requester } from '../core/spec.js';
import {
  findMovement,
  MOVEMENT_PAGE_SIZE,
  type MovementEntry,
  type MovementKind,
} from '../outcomes/movement.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { readCard, readOptions } from './card-read.js';
import type { ResolvedCard } from './card-ref.js';
import { cardTransactions } from './endpoints/cards.js';
import { budgetTransactions } from './endpoints/funds.js';

// How money movements are settled when their outcome is unknown: by searching the card's or the
// budget's transactions for the movement, through public reads only.

const MOVEMENT_HINTS: Readonly<Record<MovementKind, string>> = {
  topup:
    "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the card's transactions, to see whether the top-up was applied.",
  withdraw:
    "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the card's transactions, to see whether the withdrawal was applied.",
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
      const page = async (n: number): Promise<MovementEntry[]> => {
        const data = await transport.request(cardTransactions(card, n, MOVEMENT_PAGE_SIZE), read);
        return data.transactions;
      };
      const answer = await findMovement(
        call,
        options,
        { operation: 'cards.transactions', page },
        // Listings echo notes redacted (see echoedText), so the note is compared in that form.
        {
          kind,
          amount,
          note: note === undefined ? undefined : redact(note),
          redactNote: (text) => redact(text),
        },
      );
      try {
        const { balance } = await readCard(transport, card, read);
        if (balance) {
          answer.evidence.balance = balance;
          answer.evidence.reads.push('cards.retrieve');
        }
      } catch {
        // The balance is only for the record; the transactions decide.
      }
      return answer;
    },
  };
}

/** Settles a budget top-up from the budget's transactions. */
export function budgetTopUpOutcome(transport: Requester, budgetId: string, amount: number): OutcomeSpec {
  return {
    hint: "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the budget's transactions, to see whether the top-up was applied.",
    reconcile: (call, options) => {
      const read = readOptions(options);
      const page = async (n: number): Promise<MovementEntry[]> => {
        const data = await transport.request(budgetTransactions(budgetId, n, MOVEMENT_PAGE_SIZE), read);
        return data.data.map((t) => ({
          id: t.id,
          amount: t.amount,
          currency: t.currency,
          type: t.type,
          date: t.transactionDate,
        }));
      };
      return findMovement(
        call,
        options,
        { operation: 'funds.budgetTransactions', page },
        { kind: 'topup', amount, redactNote: (text) => redact(text) },
      );
    },
  };
}
