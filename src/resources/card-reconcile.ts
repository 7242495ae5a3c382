import type { CallWindow, ReconcileOptions, Reconciliation } from '../core/outcome/contract.js';
import { recordEvidence, settleByRead } from '../core/outcome/settle-by-read.js';
import type { Requester } from '../core/spec.js';
import { readCard, readOptions } from './card-read.js';
import type { CardModel, ResolvedCard } from './card-ref.js';
import { cardStatusKind } from './reconcile-words.js';

// How card calls are settled when their outcome is unknown, by reading the card through the
// caller's transport. Loaded by card-outcomes.ts on the first error.reconcile().

/**
 * Settles an issuance by reading the card under the caller's `externalId` (card endpoints accept
 * it in place of the card id). A 404 is only one read's answer: a server may not show a new card
 * at once, so `reconcileSettled` reads again.
 */
export function reconcileIssue(
  transport: Requester,
  model: CardModel,
  externalId: string,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  return settleByRead(
    call,
    'cards.retrieve',
    () => readCard(transport, { id: externalId, model }, readOptions(options)),
    (found) => {
      const evidence = recordEvidence('cards.retrieve', 'card', found);
      return found
        ? { status: 'applied', summary: 'A card with this externalId exists.', evidence }
        : { status: 'not-applied', summary: 'No card has this externalId.', evidence };
    },
  );
}

/**
 * Settles a card delete by reading the card: `applied` when its status says deleted, `not-applied`
 * (once two reads agree) when it says the card is still there, `still-unknown` for a status the
 * SDK does not know (see `cardStatusKind`) and for a card not found.
 */
export function reconcileDelete(
  transport: Requester,
  card: ResolvedCard,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  return settleByRead(
    call,
    'cards.retrieve',
    () => readCard(transport, card, readOptions(options)),
    (found) => {
      const evidence = recordEvidence('cards.retrieve', 'card', found);
      if (found === undefined)
        return { status: 'still-unknown', summary: 'The card was not found.', evidence };
      const kind = cardStatusKind(found.status);
      if (kind === 'deleted')
        return { status: 'applied', summary: 'cards.retrieve shows the card deleted.', evidence };
      if (kind === 'live') {
        const status = found.status as string;
        return {
          status: 'not-applied',
          summary: `cards.retrieve shows the card ${status}, not deleted.`,
          evidence,
        };
      }
      return {
        status: 'still-unknown',
        summary:
          'cards.retrieve shows the card with a status the SDK does not know, so it cannot tell whether it was deleted.',
        evidence,
      };
    },
  );
}
