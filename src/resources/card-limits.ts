import { type Amount, toAmount } from '../core/money.js';
import { amountLike, checkShape, oneOf } from '../core/params.js';
import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import type { CardLimits, LimitSetting, LimitType, VelocityType } from './card-limits-schemas.js';
import { type CardRef, type NotBudgetCard, requireModel, resolveCard } from './card-ref.js';
import { retrieveLimits, setLimit, setVelocity } from './endpoints/card-settings.js';
import { Resource } from './resource.js';

const LIMIT_TYPES: readonly LimitType[] = [
  'ecommerce-daily',
  'ecommerce-monthly',
  'ecommerce-transaction',
  'pos-daily',
  'pos-monthly',
  'pos-transaction',
];
const VELOCITY_TYPES: readonly VelocityType[] = ['DAY', 'WEEK', 'MONTH', 'LIFETIME'];

const LIMIT_HINT = 'Budget cards are limited with client.cards.velocity.set().';

/**
 * Spending limits of standalone cards (budget cards use `cards.velocity`).
 *
 * @example
 * ```ts
 * const limits = await client.cards.limits.retrieve(card);
 * await client.cards.limits.set(card, { type: 'ecommerce-daily', limit: 500 });
 * ```
 */
export class CardLimitsResource extends Resource {
  /**
   * Reads a standalone card's e-commerce and point-of-sale limits. A card known to be a budget
   * card does not compile.
   *
   * @throws {ValidationError} for a budget card (use `cards.velocity.set`).
   */
  async retrieve<C extends CardRef>(card: NotBudgetCard<C>, options?: RequestOptions): Promise<CardLimits> {
    const ref = resolveCard(card);
    requireModel(ref, 'card', 'cards.limits.retrieve', LIMIT_HINT);
    return this.send(retrieveLimits(ref), options);
  }

  /**
   * Sets one spending limit of a standalone card. A card known to be a budget card does not compile.
   *
   * @throws {ValidationError} for an unknown `type`, a limit that is not a positive amount, an
   * unknown field, or a budget card.
   */
  async set<C extends CardRef>(
    card: NotBudgetCard<C>,
    params: { type: LimitType; limit: Amount },
    options?: RequestOptions,
  ): Promise<LimitSetting> {
    const operation = 'cards.limits.set';
    const ref = resolveCard(card);
    requireModel(ref, 'card', operation, LIMIT_HINT);
    const given = checkShape(params, '', operation, { type: oneOf(LIMIT_TYPES), limit: amountLike });
    oneOf(LIMIT_TYPES)(given.type, 'type', operation);
    return this.send(setLimit(ref, given.type as LimitType, toAmount(given.limit, 'limit')), options);
  }
}

/**
 * Velocity limits of budget cards: the most a card may spend per interval.
 *
 * @example
 * ```ts
 * await client.cards.velocity.set(budgetCard, { type: 'MONTH', amount: 2000 });
 * ```
 */
export class CardVelocityResource extends Resource {
  /**
   * Sets a budget card's velocity limit, in the card's currency.
   *
   * @throws {ValidationError} for a standalone card (use `cards.limits.set`), an unknown type or
   * field, or a bad amount.
   */
  async set(
    card: CardRef,
    params: { type: VelocityType; amount: Amount },
    options?: RequestOptions,
  ): Promise<ActionResult> {
    const operation = 'cards.velocity.set';
    const ref = resolveCard(card);
    requireModel(ref, 'budget', operation, 'Standalone cards are limited with client.cards.limits.set().');
    const given = checkShape(params, '', operation, { type: oneOf(VELOCITY_TYPES), amount: amountLike });
    oneOf(VELOCITY_TYPES)(given.type, 'type', operation);
    return this.send(setVelocity(ref, given.type as VelocityType, toAmount(given.amount, 'amount')), options);
  }
}
