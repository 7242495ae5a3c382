import { CardStateError, type CardsError } from '../core/errors.js';
import type { ActionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { recordEvidence, settleByRead } from '../outcomes/settle.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { cardStatusKind } from '../outcomes/words.js';
import { cardStatus, readCard, readOptions } from './card-read.js';
import type { CardModel, ResolvedCard } from './card-ref.js';

// How card calls are settled when their outcome is unknown, and how refused retries of status
// changes are confirmed. Every read goes through the caller's transport and public endpoints.

/**
 * Settles an issuance by reading the card under the caller's `externalId` (card endpoints accept
 * it in place of the card id). Without an `externalId` no read can find the card. A 404 is only
 * one read's answer: a server may not show a new card at once, so `reconcileSettled` reads again.
 */
export function issueOutcome(transport: Requester, model: CardModel, externalId: unknown): OutcomeSpec {
  if (typeof externalId !== 'string' || externalId.trim() === '') {
    return {
      hint: "bfinance documents no de-duplication for card issuance, so re-sending may issue a second card. Check the cardholder's cards (cards.list) before issuing again. Pass an externalId when issuing, so that error.reconcile() can look the card up; without one it answers still-unknown.",
    };
  }
  return {
    hint: 'bfinance documents no de-duplication for card issuance, so re-sending may issue a second card: call error.reconcile(), which looks the card up by its externalId, to see whether it was issued.',
    reconcile: (call, options) =>
      settleByRead(
        call,
        'cards.retrieve',
        () => readCard(transport, { id: externalId, model }, readOptions(options)),
        (found) => {
          const evidence = recordEvidence('cards.retrieve', 'card', found);
          return found
            ? { status: 'applied', summary: 'A card with this externalId exists.', evidence }
            : { status: 'not-applied', summary: 'No card has this externalId.', evidence };
        },
      ),
  };
}

/**
 * Settles a card delete by reading the card: `applied` when its status says deleted, `not-applied`
 * (once two reads agree) when it says the card is still there, `still-unknown` for a status the
 * SDK does not know (see `cardStatusKind`) and for a card not found.
 */
export function deleteOutcome(transport: Requester, card: ResolvedCard): OutcomeSpec {
  return {
    hint: 'bfinance documents no de-duplication for card deletes: call error.reconcile(), which reads the card, to see whether it was deleted, before sending the delete again.',
    reconcile: (call, options) =>
      settleByRead(
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
      ),
  };
}

/**
 * Confirms a refused freeze or unfreeze retry: when the card already has the status the call
 * asked for, an earlier attempt was applied and the call succeeded.
 */
export function confirmStatus(
  transport: Requester,
  card: ResolvedCard,
  target: 'frozen' | 'active',
): (refusal: CardsError, options: RequestOptions) => Promise<ActionResult | undefined> {
  return async (refusal, options) => {
    if (!(refusal instanceof CardStateError)) return undefined;
    const status = await cardStatus(transport, card, readOptions(options));
    return status === target
      ? { message: `Card is ${target} (a read confirmed it after a retried request).` }
      : undefined;
  };
}
