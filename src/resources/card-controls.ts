import { ValidationError } from '../core/errors.js';
import { type Amount, toAmount } from '../core/money.js';
import { type ActionResult, actionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import {
  type CardLimits,
  type LimitSetting,
  type LimitType,
  limitSettingSchema,
  limitsSchema,
} from './card-limits-schemas.js';
import { type CardRef, cardPath, requireModel, resolveCard } from './card-ref.js';
import { Resource } from './resource.js';

/** Interval of a budget card's velocity limit. */
export type VelocityType = 'DAY' | 'WEEK' | 'MONTH' | 'LIFETIME';

const LIMIT_TYPES: readonly LimitType[] = [
  'ecommerce-daily',
  'ecommerce-monthly',
  'ecommerce-transaction',
  'pos-daily',
  'pos-monthly',
  'pos-transaction',
];
const VELOCITY_TYPES: readonly VelocityType[] = ['DAY', 'WEEK', 'MONTH', 'LIFETIME'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, operation: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ValidationError(`${field} must be one of ${allowed.join(', ')}.`, {
    field,
    rule: 'enum',
    operation,
    hint: `Pass one of: ${allowed.join(', ')}.`,
  });
}

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
   * Reads a standalone card's e-commerce and point-of-sale limits.
   *
   * @throws {ValidationError} for a budget card (use `cards.velocity.set`).
   */
  async retrieve(card: CardRef, options?: RequestOptions): Promise<CardLimits> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'cards.limits.retrieve',
      'Budget cards are limited with client.cards.velocity.set().',
    );
    return this.transport.request(
      {
        operation: 'cards.limits.retrieve',
        method: 'GET',
        path: cardPath(ref, '/limits'),
        schema: limitsSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Sets one spending limit of a standalone card.
   *
   * @throws {ValidationError} for an unknown `type`, a limit that is not a positive amount, or a budget card.
   */
  async set(
    card: CardRef,
    params: { type: LimitType; limit: Amount },
    options?: RequestOptions,
  ): Promise<LimitSetting> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'cards.limits.set',
      'Budget cards are limited with client.cards.velocity.set().',
    );
    const body = {
      type: oneOf(params?.type, LIMIT_TYPES, 'type', 'cards.limits.set'),
      limit: toAmount(params?.limit, 'limit'),
    };
    return this.transport.request(
      {
        operation: 'cards.limits.set',
        method: 'POST',
        path: cardPath(ref, '/limits'),
        body,
        schema: limitSettingSchema,
        kind: 'state',
      },
      options,
    );
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
   * @throws {ValidationError} for a standalone card (use `cards.limits.set`), an unknown type or a bad amount.
   */
  async set(
    card: CardRef,
    params: { type: VelocityType; amount: Amount },
    options?: RequestOptions,
  ): Promise<ActionResult> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'budget',
      'cards.velocity.set',
      'Standalone cards are limited with client.cards.limits.set().',
    );
    const body = {
      type: oneOf(params?.type, VELOCITY_TYPES, 'type', 'cards.velocity.set'),
      amount: toAmount(params?.amount, 'amount'),
    };
    return this.transport.request(
      {
        operation: 'cards.velocity.set',
        method: 'POST',
        path: cardPath(ref, '/velocity'),
        body,
        schema: actionResult,
        kind: 'state',
      },
      options,
    );
  }
}
