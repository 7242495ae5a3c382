import { CardStateError, type CardsError } from '../core/errors.js';
import { type ActionResult, actionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { settleByRead } from '../outcomes/settle.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { cardStatus, readCard, readOptions } from './card-read.js';
import { type CardRef, cardPath, type ResolvedCard, resolveCard } from './card-ref.js';
import { Resource } from './resource.js';

/**
 * Confirms a refused freeze or unfreeze retry: when the card already has the status the call
 * asked for, an earlier attempt was applied and the call succeeded.
 */
function confirmStatus(
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

/** Settles a card delete by reading the card: a deleted card stays deleted. */
function deleteOutcome(transport: Requester, card: ResolvedCard): OutcomeSpec {
  return {
    subject: { cardId: card.id },
    hint: 'Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the card, to see whether it was deleted.',
    reconcile: (call, options) =>
      settleByRead(
        call,
        'cards.retrieve',
        () => readCard(transport, card, readOptions(options)),
        (found) => {
          const evidence = {
            reads: ['cards.retrieve'],
            examined: found ? 1 : 0,
            complete: true,
            matches: found ? [{ kind: 'card' as const, id: found.id, status: found.status }] : [],
          };
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
 * Card status changes: freeze, unfreeze and delete, for standalone and budget cards alike.
 *
 * @example
 * ```ts
 * await client.status.freeze(card);   // transactions are declined, the balance is kept
 * await client.status.unfreeze(card);
 * await client.funds.withdraw(card, { amount: 12.5 }); // empty a standalone card first
 * await client.status.delete(card);   // irreversible
 * ```
 */
export class StatusResource extends Resource {
  /**
   * Freezes an active card: transactions are declined until it is unfrozen. A retry refused
   * because the card is already frozen (an earlier attempt was applied) counts as success.
   *
   * @throws {CardStateError} when the card is not active (frozen, blocked, expired or deleted).
   */
  async freeze(card: CardRef, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    return this.transport.request(
      {
        operation: 'status.freeze',
        method: 'POST',
        path: cardPath(ref, '/freeze'),
        schema: actionResult,
        kind: 'state',
        converge: confirmStatus(this.transport, ref, 'frozen'),
      },
      options,
    );
  }

  /**
   * Unfreezes a frozen card. Blocked cards cannot be unfrozen through the API. A retry refused
   * because the card is already active (an earlier attempt was applied) counts as success.
   *
   * @throws {CardStateError} when the card is not frozen.
   */
  async unfreeze(card: CardRef, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    return this.transport.request(
      {
        operation: 'status.unfreeze',
        method: 'POST',
        path: cardPath(ref, '/unfreeze'),
        schema: actionResult,
        kind: 'state',
        converge: confirmStatus(this.transport, ref, 'active'),
      },
      options,
    );
  }

  /**
   * Deletes a card for good; withdraw a standalone card's balance first. Sent with an
   * `Idempotency-Key` and never blindly re-sent, since a repeat cannot be told from a second delete.
   *
   * @throws {CardStateError} when the card is already deleted.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async delete(card: CardRef, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    return this.transport.request(
      {
        operation: 'status.delete',
        method: 'DELETE',
        path: cardPath(ref, '/delete'),
        schema: actionResult,
        kind: 'create',
        outcome: deleteOutcome(this.transport, ref),
      },
      options,
    );
  }
}
