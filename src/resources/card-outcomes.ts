import { CardStateError, type CardsError } from '../core/errors.js';
import type { ActionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { recordEvidence, settleByRead } from '../outcomes/settle.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { cardStatus, readCard, readOptions } from './card-read.js';
import type { CardModel, ResolvedCard } from './card-ref.js';

// How card calls are settled when their outcome is unknown, and how refused retries of status
// changes are confirmed. Every read goes through the caller's transport and public endpoints.

/**
 * Settles an issuance by reading the card under the caller's `externalId` (card endpoints accept
 * it in place of the card id). Without an `externalId` no read can find the card.
 */
export function issueOutcome(transport: Requester, model: CardModel, externalId: unknown): OutcomeSpec {
  if (typeof externalId !== 'string' || externalId.trim() === '') {
    return {
      hint: 'Re-send with the same idempotencyKey (the safe retry). Pass an externalId when issuing, so that error.reconcile() can look the card up; without one it answers still-unknown.',
    };
  }
  return {
    hint: 'Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which looks the card up by its externalId, to see whether it was issued.',
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

/** Settles a card delete by reading the card: a deleted card stays deleted. */
export function deleteOutcome(transport: Requester, card: ResolvedCard): OutcomeSpec {
  return {
    hint: 'Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the card, to see whether it was deleted.',
    reconcile: (call, options) =>
      settleByRead(
        call,
        'cards.retrieve',
        () => readCard(transport, card, readOptions(options)),
        (found) => {
          const evidence = recordEvidence('cards.retrieve', 'card', found);
          if (found === undefined)
            return { status: 'still-unknown', summary: 'The card was not found.', evidence };
          return found.status === 'deleted'
            ? { status: 'applied', summary: 'cards.retrieve shows the card deleted.', evidence }
            : {
                status: 'not-applied',
                summary: `cards.retrieve shows the card ${found.status}, not deleted.`,
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
