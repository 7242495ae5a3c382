import type { CallWindow, Reconciliation } from '../core/outcome/contract.js';
import { type RecordRead, settleByRead } from '../core/outcome/settle-by-read.js';
import type { Card } from './card-results.js';
import { CARD_STATUSES, kindOf } from './reconcile-words.js';

// How card calls are settled when their outcome is unknown, from one read of the card. Loaded by
// card-outcomes.ts on the first error.reconcile(); it takes the read and the redactor from there.

/**
 * Settles an issuance from a read of the card under the caller's `externalId`. A 404 is only one
 * read's answer: a server may not show a new card at once, so `reconcileSettled` reads again.
 */
export function reconcileIssue(card: RecordRead<Card>, call: CallWindow): Promise<Reconciliation> {
  return settleByRead(call, 'cards.retrieve', 'card', card, (found) =>
    found
      ? ['applied', 'finds a card with this externalId']
      : ['not-applied', 'finds no card with this externalId'],
  );
}

/**
 * Settles a card delete from a read of the card: `applied` when its status says deleted,
 * `not-applied` (once two reads agree) when it says the card is still there, `still-unknown` for
 * a status the SDK does not know (see `CARD_STATUSES`) and for a card not found.
 */
export function reconcileDelete(card: RecordRead<Card>, call: CallWindow): Promise<Reconciliation> {
  return settleByRead(call, 'cards.retrieve', 'card', card, (found) => {
    if (found === undefined) return ['still-unknown', 'finds no card'];
    // The summary names the kind, never the status as sent: it is server text.
    const kind = kindOf(CARD_STATUSES, found.status);
    if (kind === 'deleted') return ['applied', 'shows the card deleted'];
    if (kind === 'live') return ['not-applied', 'shows the card still there, not deleted'];
    return ['still-unknown', 'shows the card with a status the SDK does not know'];
  });
}
