import type { OutcomeSpec } from '../../core/outcome/contract.js';
import { path } from '../../core/path.js';
import { type ActionResult, actionResult } from '../../core/schema.js';
import { type CardListPage, cardListSchema, cardTransactionsSchema } from '../card-list-schemas.js';
import { type CardModel, cardPath, type ResolvedCard } from '../card-ref.js';
import type {
  Card,
  CardSensitiveData,
  CardTransaction,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
  ReissuedCard,
} from '../card-results.js';
import {
  cardSchema,
  cardTypesSchema,
  issuedBudgetCardSchema,
  issuedCardSchema,
  reissuedCardSchema,
  sensitiveDataSchema,
} from '../card-schemas.js';
import { type Endpoint, readEndpoint } from './endpoint.js';

// The card endpoints, each declared once: the public methods and the reconcilers both call these.

/** Every body field of `POST /cards/issue` and `/budget-cards/issue` the SDK knows. */
export const ISSUE_FIELDS: readonly string[] = [
  'typeId',
  'label',
  'externalId',
  'configuration',
  'customerId',
  'firstName',
  'lastName',
  'initialBalance',
  'budgetId',
];

/** `GET /cards/types`: the card programs. */
export function cardTypes(): Endpoint<CardType[]> {
  return readEndpoint('cards.types', path`/cards/types`, cardTypesSchema());
}

/** `POST /cards/issue` or `/budget-cards/issue`, settled by `outcome`. */
export function issueCard(
  model: CardModel,
  body: Record<string, unknown>,
  outcome: OutcomeSpec,
): Endpoint<IssuedCard | IssuedBudgetCard> {
  const budget = model === 'budget';
  const text = (key: string): string | undefined =>
    typeof body[key] === 'string' ? (body[key] as string) : undefined;
  return {
    operation: 'cards.issue',
    method: 'POST',
    path: budget ? path`/budget-cards/issue` : path`/cards/issue`,
    body,
    bodyFields: ISSUE_FIELDS,
    schema: budget ? issuedBudgetCardSchema() : issuedCardSchema(),
    retry: 'must-not-repeat',
    subject: {
      budgetId: text('budgetId'),
      customerId: text('customerId'),
      externalId: text('externalId'),
      amount: typeof body.initialBalance === 'number' ? body.initialBalance : undefined,
    },
    outcome,
  };
}

/** `GET /cards/{id}` or `/budget-cards/{id}`: the card's details. */
export function retrieveCard(card: ResolvedCard): Endpoint<Card> {
  return readEndpoint('cards.retrieve', cardPath(card, ''), cardSchema(card.model), { cardId: card.id });
}

/** `GET /cards/list`: one page of cards, each list filter joined with commas as the API takes it. */
export function listCards(
  page: number,
  limit: number,
  filters: { query?: string | undefined; customerIds?: readonly string[]; statuses?: readonly string[] },
): Endpoint<CardListPage> {
  const { query, customerIds, statuses } = filters;
  const wire = { page, limit, query, customerIds: customerIds?.join(','), statuses: statuses?.join(',') };
  return readEndpoint('cards.list', path`/cards/list`, cardListSchema(), {}, wire);
}

/** `GET /cards/{id}/sensetive` (sic) or `/budget-cards/{id}/sensitive`: PAN, expiry and CVC. */
export function cardSensitive(card: ResolvedCard): Endpoint<CardSensitiveData> {
  // The standalone path is misspelled by the API itself; budget cards use the right spelling.
  const suffix = card.model === 'budget' ? '/sensitive' : '/sensetive';
  return readEndpoint('cards.sensitive', cardPath(card, suffix), sensitiveDataSchema(), { cardId: card.id });
}

/** `GET /cards/{id}/transactions`: one page of a standalone card's transactions. */
export function cardTransactions(
  card: ResolvedCard,
  page: number,
  limit: number,
): Endpoint<{ transactions: CardTransaction[] }> {
  const subject = { cardId: card.id };
  const at = cardPath(card, '/transactions');
  return readEndpoint('cards.transactions', at, cardTransactionsSchema(), subject, { page, limit });
}

/** `POST /cards/reissue`: a new standalone card for an old one. */
export function reissueCard(cardId: string, initialBalance: number): Endpoint<ReissuedCard> {
  return {
    operation: 'cards.reissue',
    method: 'POST',
    path: path`/cards/reissue`,
    body: { cardId, initialBalance },
    schema: reissuedCardSchema(),
    retry: 'must-not-repeat',
    subject: { cardId, amount: initialBalance },
    outcome: {
      // What a reissue leaves behind on the old card is not documented, so no read settles it.
      hint: 'Re-sending may reissue the card twice, and no read shows a reissue: check cards.list or ask bfinance first.',
    },
  };
}

/**
 * A `POST /cards/{id}<suffix>` (or `/budget-cards/…`) that changes a card setting: re-sending it
 * lands in the same state, so it converges.
 */
export function cardSetting(
  card: ResolvedCard,
  operation: string,
  suffix: string,
  more: Partial<Endpoint<ActionResult>> = {},
): Endpoint<ActionResult> {
  const path = cardPath(card, suffix);
  const subject = { cardId: card.id };
  return { operation, method: 'POST', path, schema: actionResult(), retry: 'converges', subject, ...more };
}

/** `POST /cards/{id}/email` or `/budget-cards/{id}/email`. */
export function updateEmail(card: ResolvedCard, email: string): Endpoint<ActionResult> {
  return cardSetting(card, 'cards.updateEmail', '/email', { body: { email } });
}

/** `POST /cards/{id}/phone` or `/budget-cards/{id}/phone`. */
export function updatePhone(card: ResolvedCard, phone: string): Endpoint<ActionResult> {
  return cardSetting(card, 'cards.updatePhone', '/phone', { body: { phone } });
}

/** `POST /cards/{id}/updateArt` `{ cardArtId }` (official JS client only). */
export function updateArt(card: ResolvedCard, cardArtId: string): Endpoint<ActionResult> {
  return cardSetting(card, 'cards.updateArt', '/updateArt', { body: { cardArtId } });
}
