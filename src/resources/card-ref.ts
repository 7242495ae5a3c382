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

/** A card known to be standalone: a bare id, or an object with `model: 'card'`. */
export type StandaloneCardRef =
  | string
  | {
      /** The card id. */
      readonly id: string;
      /** A standalone card. */
      readonly model: 'card';
    };

/** A card known to be a budget card: an object with `model: 'budget'`. */
export interface BudgetCardRef {
  /** The card id. */
  readonly id: string;
  /** A budget card. */
  readonly model: 'budget';
}

/**
 * `C` unless it is known at compile time to be a budget card; then {@link StandaloneCardRef}, so
 * passing a budget card where only standalone cards work is a compile error. A card whose model
 * is only known at run time (`model: CardModel`, e.g. from `cards.list`) passes and is checked then.
 */
export type NotBudgetCard<C> = C extends {
  /** The model the type says the card has. */
  readonly model: infer M;
}
  ? 'card' extends M
    ? C
    : StandaloneCardRef
  : C;

/** The card type a read of `C` returns: the model it is known to have (a bare id is standalone). */
export type KnownModel<C> = C extends string
  ? {
      /** A bare id names a standalone card. */
      model: 'card';
    }
  : C extends {
        /** The model the reference names. */
        readonly model: infer M extends CardModel;
      }
    ? {
        /** The model the reference named. */
        model: M;
      }
    : {
        /** Known only at run time. */
        model: CardModel;
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
export function resolveCard(card: unknown, field = 'card'): ResolvedCard {
  if (typeof card === 'string') return { id: card, model: 'card' };
  if (typeof card === 'object' && card !== null) {
    // A reference: only `id` and `model` are read, whatever else the object holds.
    const { id, model } = card as { id?: unknown; model?: unknown };
    if (typeof id === 'string' && (model === 'card' || model === 'budget')) return { id, model };
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
