import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import { confirmStatus, deleteOutcome } from './card-outcomes.js';
import { type CardRef, resolveCard } from './card-ref.js';
import { deleteCard, setFrozen } from './endpoints/card-settings.js';
import { ClientResource } from './resource.js';

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
export class Status extends ClientResource {
  /**
   * Freezes an active card: transactions are declined until it is unfrozen. A retry refused
   * because the card is already frozen (an earlier attempt was applied) counts as success.
   *
   * @throws {CardStateError} when the card is not active (frozen, blocked, expired or deleted).
   */
  async freeze(card: CardRef, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    return this.send(setFrozen(ref, true, confirmStatus(this.transport, ref, 'frozen')), options);
  }

  /**
   * Unfreezes a frozen card. Blocked cards cannot be unfrozen through the API. A retry refused
   * because the card is already active (an earlier attempt was applied) counts as success.
   *
   * @throws {CardStateError} when the card is not frozen.
   */
  async unfreeze(card: CardRef, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    return this.send(setFrozen(ref, false, confirmStatus(this.transport, ref, 'active')), options);
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
    return this.send(deleteCard(ref, deleteOutcome(this.transport, ref)), options);
  }
}
