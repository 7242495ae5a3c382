import { ApiError } from '../../core/errors.js';
import type { OutcomeSpec } from '../../core/outcome/contract.js';
import { path } from '../../core/path.js';
import { type ActionResult, actionResult } from '../../core/schema.js';
import type { RequestSpec } from '../../core/spec.js';
import {
  type CardLimits,
  type LimitSetting,
  type LimitType,
  limitSettingSchema,
  limitsSchema,
  type VelocityType,
} from '../card-limits-schemas.js';
import { cardPath, type ResolvedCard } from '../card-ref.js';
import { cardSetting } from './cards.js';
import { type Endpoint, readEndpoint } from './endpoint.js';

// Endpoints that change a card's settings or status: limits, velocity, PIN, physical card,
// freeze, unfreeze and delete.

/** How a converging call confirms a refused retry (see `RequestSpec.converge`). */
export type Converge<T> = NonNullable<RequestSpec<T>['converge']>;

/** `GET /cards/{id}/limits`: a standalone card's spending limits. */
export function retrieveLimits(card: ResolvedCard): Endpoint<CardLimits> {
  return readEndpoint('cards.limits.retrieve', cardPath(card, '/limits'), limitsSchema(), {
    cardId: card.id,
  });
}

/** `POST /cards/{id}/limits` `{ type, limit }`. */
export function setLimit(card: ResolvedCard, type: LimitType, limit: number): Endpoint<LimitSetting> {
  return {
    operation: 'cards.limits.set',
    method: 'POST',
    path: cardPath(card, '/limits'),
    body: { type, limit },
    schema: limitSettingSchema(),
    retry: 'converges',
    subject: { cardId: card.id },
  };
}

/** `POST /budget-cards/{id}/velocity` `{ type, amount }`. */
export function setVelocity(card: ResolvedCard, type: VelocityType, amount: number): Endpoint<ActionResult> {
  return cardSetting(card, 'cards.velocity.set', '/velocity', { body: { type, amount } });
}

/** `POST /cards/{id}/pin` or `/budget-cards/{id}/pin` `{ pin }`. */
export function setPin(card: ResolvedCard, pin: string): Endpoint<ActionResult> {
  return cardSetting(card, 'pins.set', '/pin', { body: { pin }, secrets: [pin] });
}

// The physical-card API names the standalone model by its old name, "prepaid".
function wireCardType(card: ResolvedCard): 'prepaid' | 'budget' {
  return card.model === 'budget' ? 'budget' : 'prepaid';
}

/** `POST /physical-cards/{id}/order` `{ cardType, shippingData }`. */
export function orderPhysical(
  card: ResolvedCard,
  shippingData: Record<string, unknown>,
): Endpoint<ActionResult> {
  return {
    operation: 'cards.physical.order',
    method: 'POST',
    path: path`/physical-cards/${card.id}/order`,
    body: { cardType: wireCardType(card), shippingData },
    schema: actionResult(),
    retry: 'must-not-repeat',
    subject: { cardId: card.id },
    outcome: {
      hint: 'Re-sending may order a second card, and no read shows an order: ask bfinance first.',
    },
  };
}

/** `POST /physical-cards/{id}/activate` `{ cardType, code }`. */
export function activatePhysical(card: ResolvedCard, code: string): Endpoint<ActionResult> {
  return {
    operation: 'cards.physical.activate',
    method: 'POST',
    path: path`/physical-cards/${card.id}/activate`,
    body: { cardType: wireCardType(card), code },
    schema: actionResult(),
    retry: 'converges',
    subject: { cardId: card.id },
    secrets: [code],
    // No read shows a physical card's state, but this refusal on a retry is the evidence.
    converge: async (refusal) =>
      refusal instanceof ApiError && /already (been )?activated/i.test(refusal.message)
        ? { message: 'Physical card is active (the server said so after a retried request).' }
        : undefined,
  };
}

/** `POST /cards/{id}/freeze` or `/unfreeze` (and `/budget-cards/…`), confirmed by `converge`. */
export function setFrozen(
  card: ResolvedCard,
  frozen: boolean,
  converge: Converge<ActionResult>,
): Endpoint<ActionResult> {
  const [operation, suffix] = frozen ? ['status.freeze', '/freeze'] : ['status.unfreeze', '/unfreeze'];
  return cardSetting(card, operation, suffix, { converge });
}

/** `DELETE /cards/{id}/delete` or `/budget-cards/{id}/delete`, settled by `outcome`. */
export function deleteCard(card: ResolvedCard, outcome: OutcomeSpec): Endpoint<ActionResult> {
  return {
    operation: 'status.delete',
    method: 'DELETE',
    path: cardPath(card, '/delete'),
    schema: actionResult(),
    retry: 'must-not-repeat',
    subject: { cardId: card.id },
    outcome,
  };
}
