import { ValidationError } from '../core/errors.js';
import { path, type RequestPath } from '../core/path.js';

/** A standalone (stored-balance, "prepaid") card or a budget card. */
export type CardModel = 'card' | 'budget';

/**
 * Names a card: a bare id (a standalone card), `{ id, model }`, or any card object the SDK
 * returned (they carry `model`).
 */
export type CardRef =
  | string
  | {
      /** The card id. */
      readonly id: string;
      /** Whether it is a standalone card or a budget card. */
      readonly model: CardModel;
    };

/** A card reference resolved to its id and model. */
export interface ResolvedCard {
  id: string;
  model: CardModel;
}

/**
 * Resolves a {@link CardRef}.
 *
 * @throws {ValidationError} when the reference is not an id string or a `{ id, model }` object.
 */
export function resolveCard(card: CardRef, field = 'card'): ResolvedCard {
  if (typeof card === 'string') return { id: card, model: 'card' };
  if (typeof card === 'object' && card !== null && typeof card.id === 'string') {
    if (card.model === 'card' || card.model === 'budget') return { id: card.id, model: card.model };
  }
  throw new ValidationError(
    `${field} must be a card id or an object with id and model ('card' or 'budget').`,
    {
      field,
      rule: 'card_ref',
      hint: "Pass the card object the SDK returned, or { id, model: 'budget' } for a budget card.",
    },
  );
}

/** The path of a card endpoint, under `/cards` or `/budget-cards` by the card's model. */
export function cardPath(card: ResolvedCard, suffix: string): RequestPath {
  const id = path`/${card.id}`;
  const prefix = card.model === 'budget' ? '/budget-cards' : '/cards';
  return { path: `${prefix}${id.path}${suffix}`, template: `${prefix}${id.template}${suffix}` };
}

/**
 * Refuses an operation the card's model does not support.
 *
 * @throws {ValidationError} naming what to do instead.
 */
export function requireModel(card: ResolvedCard, model: CardModel, operation: string, instead: string): void {
  if (card.model !== model) {
    throw new ValidationError(
      `${operation} is not available for ${card.model === 'budget' ? 'budget' : 'standalone'} cards.`,
      {
        field: 'card',
        rule: 'card_model',
        operation,
        hint: instead,
      },
    );
  }
}
