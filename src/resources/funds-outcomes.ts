import type { OutcomeSpec } from '../core/outcome/contract.js';
import { redact } from '../core/redact/index.js';
import type { Requester } from '../core/spec.js';
import { readCard, readOptions } from './card-read.js';
import type { ResolvedCard } from './card-ref.js';
import { cardTransactions } from './endpoints/cards.js';
import { budgetTransactions } from './endpoints/funds.js';
import type { MovementKind } from './reconcile-words.js';

// How money movements are settled when their outcome is unknown: the reads go through the caller's
// transport; the movement search that decides from them (funds-reconcile.ts) loads on the first
// error.reconcile(), so a call that succeeds never loads it.

/** Settles a card top-up or withdrawal from the card's transactions (and notes its balance). */
export function cardMovementOutcome(
  transport: Requester,
  card: ResolvedCard,
  kind: MovementKind,
  amount: number,
  note: string | undefined,
): OutcomeSpec {
  return {
    // bfinance documents de-duplication by Idempotency-Key for card top-ups and withdrawals only.
    hint: 'De-duplicated by Idempotency-Key: call error.resend() to re-send it, or error.reconcile() to look for it.',
    reconcile: (call, options) => {
      const read = readOptions(options);
      const reads = {
        transactions: (page: number, limit: number) =>
          transport.request(cardTransactions(card, page, limit), read),
        card: () => readCard(transport, card, read),
      };
      const query = {
        kind,
        amount,
        // Listings echo notes redacted (see echoedText), so the note is compared in that form.
        note: note === undefined ? undefined : redact(note),
        takesNote: kind === 'topup',
        redactNote: redact,
      };
      return import('./funds-reconcile.js').then((m) => m.reconcileCardMovement(reads, query, call, options));
    },
  };
}

/** Settles a budget top-up from the budget's transactions. */
export function budgetTopUpOutcome(transport: Requester, budgetId: string, amount: number): OutcomeSpec {
  return {
    hint: "Re-sending may move the money twice: call error.reconcile(), which reads the budget's transactions.",
    reconcile: (call, options) => {
      const read = readOptions(options);
      const transactions = (page: number, limit: number) =>
        transport.request(budgetTransactions(budgetId, page, limit), read);
      // Budget top-ups are in USD, the budget's currency.
      const query = {
        kind: 'topup' as const,
        amount,
        currency: 'USD',
        redactNote: redact,
      };
      return import('./funds-reconcile.js').then((m) =>
        m.reconcileBudgetTopUp(transactions, query, call, options),
      );
    },
  };
}
