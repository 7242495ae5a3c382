import type { CardsError } from '../core/errors.js';
import type { OutcomeSpec } from '../core/outcome/contract.js';
import { redact } from '../core/redact/index.js';
import type { ActionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { readCard, readOptions } from './card-read.js';
import type { CardModel, ResolvedCard } from './card-ref.js';
import { CardStateError } from './domain-errors.js';

// How card calls are settled when their outcome is unknown, and how refused retries of status
// changes are confirmed. Every read goes through the caller's transport and public endpoints; what
// decides from the read (card-reconcile.ts) loads on the first error.reconcile().

/**
 * Settles an issuance by reading the card under the caller's `externalId` (card endpoints accept
 * it in place of the card id). Without an `externalId` no read can find the card.
 */
export function issueOutcome(transport: Requester, model: CardModel, externalId: unknown): OutcomeSpec {
  if (typeof externalId !== 'string' || externalId.trim() === '') {
    return {
      hint: 'Re-sending may issue a second card: check cards.list. Pass an externalId, so that error.reconcile() can find the card.',
    };
  }
  return {
    hint: 'Re-sending may issue a second card: call error.reconcile(), which looks it up by externalId.',
    reconcile: (call, options) => {
      const read = () => readCard(transport, { id: externalId, model }, readOptions(options));
      return import('./card-reconcile.js').then((m) => m.reconcileIssue({ read, redact }, call));
    },
  };
}

/** Settles a card delete by reading the card's status (see `reconcileDelete`). */
export function deleteOutcome(transport: Requester, card: ResolvedCard): OutcomeSpec {
  return {
    hint: 'Call error.reconcile(), which reads the card, before deleting again.',
    reconcile: (call, options) => {
      const read = () => readCard(transport, card, readOptions(options));
      return import('./card-reconcile.js').then((m) => m.reconcileDelete({ read, redact }, call));
    },
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
    const read = await readCard(transport, card, readOptions(options)).catch(() => undefined);
    return read?.status === target
      ? { message: `Card is ${target} (a read confirmed it after a retried request).` }
      : undefined;
  };
}
