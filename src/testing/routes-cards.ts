import { permitted } from './card-transitions.js';
import type { CardRecord } from './records.js';
import {
  type BodyFieldType,
  data,
  listParam,
  message,
  pageOf,
  pagination,
  type Route,
  type RouteContext,
} from './route.js';
import {
  deleteCard,
  freezeCard,
  readableLimits,
  setEmail,
  setLimit,
  setPhone,
  setPin,
  unfreezeCard,
} from './state-card-settings.js';
import { issueCard, reissueCard } from './state-cards.js';
import { cardMovements, cardTransactions, topUp, withdraw } from './state-funds.js';
import {
  cardDetailsView,
  cardListItemView,
  cardMovementView,
  cardTransactionView,
  cardTypeView,
  issuedCardView,
  limitsView,
  newestFirst,
  sensitiveView,
} from './views.js';

/** Body fields both issue routes take besides the model's own (`initialBalance` or `budgetId`). */
export const ISSUE_FIELDS: Readonly<Record<string, BodyFieldType>> = {
  typeId: 'string',
  firstName: 'string',
  lastName: 'string',
  customerId: 'string',
  externalId: 'string',
  label: 'string',
  configuration: 'object',
};

/** The standalone card addressed by the path. */
function card(ctx: RouteContext): CardRecord {
  return ctx.store.card(ctx.param('id'), 'card');
}

function matchesQuery(c: CardRecord, query: string): boolean {
  const haystack = [
    c.id,
    c.externalCardId,
    c.externalId,
    c.label,
    c.holder.firstName,
    c.holder.lastName,
    c.pan.slice(-4),
  ];
  return haystack.some((v) => v?.toLowerCase().includes(query) === true);
}

function listCards(ctx: RouteContext) {
  const { page, limit } = pagination(ctx.query);
  const query = ctx.query.get('query')?.trim().toLowerCase() ?? '';
  const customerIds = listParam(ctx.query, 'customerIds');
  const statuses = listParam(ctx.query, 'statuses');
  const all = [...ctx.store.cards.values()].filter(
    (c) =>
      (query === '' || matchesQuery(c, query)) &&
      (customerIds.length === 0 ||
        (c.holder.customerId !== undefined && customerIds.includes(c.holder.customerId))) &&
      (statuses.length === 0 || statuses.includes(c.status)),
  );
  const totalPages = Math.max(1, Math.ceil(all.length / limit));
  return data({ cards: pageOf(all, page, limit).map(cardListItemView), page, limit, totalPages });
}

function sensitive(ctx: RouteContext) {
  const found = card(ctx);
  permitted(found, 'update');
  return data(sensitiveView(found, ctx.quirks));
}

/** Card programs and standalone ("prepaid") cards. */
export const CARD_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/cards/types',
    handler: (ctx) =>
      data({ types: [...ctx.store.cardTypes.values()].filter((t) => t.active).map(cardTypeView) }),
  },
  { method: 'GET', path: '/cards/list', handler: listCards },
  {
    method: 'POST',
    path: '/cards/issue',
    fields: { ...ISSUE_FIELDS, initialBalance: 'number' },
    handler: (ctx) => data(issuedCardView(issueCard(ctx.store, ctx.body), ctx.quirks)),
  },
  {
    method: 'POST',
    path: '/cards/reissue',
    fields: { cardId: 'string', initialBalance: 'number' },
    handler: (ctx) => data(issuedCardView(reissueCard(ctx.store, ctx.body), ctx.quirks)),
  },
  { method: 'GET', path: '/cards/:id', handler: (ctx) => data(cardDetailsView(card(ctx), ctx.quirks)) },
  { method: 'GET', path: '/cards/:id/sensetive', handler: sensitive },
  // The correctly spelled path exists only once the quirks are switched off.
  { method: 'GET', path: '/cards/:id/sensitive', handler: sensitive, when: (quirks) => !quirks },
  {
    method: 'GET',
    path: '/cards/:id/transactions',
    handler: (ctx) => {
      const { page, limit } = pagination(ctx.query);
      const found = card(ctx);
      const list = newestFirst(
        cardTransactions(ctx.store, found).map((t) => ({ at: t.date, view: cardTransactionView(t) })),
        cardMovements(ctx.store, found).map(([entry, type]) => ({
          at: entry.at,
          view: cardMovementView(ctx.store, entry, type),
        })),
      );
      return data({ transactions: pageOf(list, page, limit) });
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/pin',
    fields: { pin: 'string' },
    handler: (ctx) => {
      setPin(card(ctx), ctx.body.pin);
      return message('OK_PIN_SET');
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/topup',
    deduplicated: true,
    fields: { amount: 'number', note: 'string' },
    handler: (ctx) => {
      // Any model, so that a budget card gets the specific refusal instead of a 404.
      topUp(ctx.store, ctx.store.card(ctx.param('id')), ctx.body.amount, ctx.body.note);
      return message('OK_TOPPED_UP');
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/withdraw',
    deduplicated: true,
    fields: { amount: 'number' },
    handler: (ctx) => {
      withdraw(ctx.store, ctx.store.card(ctx.param('id')), ctx.body.amount);
      return message('OK_WITHDRAWN');
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/freeze',
    handler: (ctx) => {
      freezeCard(card(ctx));
      return message('OK_FROZEN');
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/unfreeze',
    handler: (ctx) => {
      unfreezeCard(card(ctx));
      return message('OK_UNFROZEN');
    },
  },
  {
    method: 'DELETE',
    path: '/cards/:id/delete',
    handler: (ctx) => {
      deleteCard(card(ctx));
      return message('OK_DELETED');
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/email',
    fields: { email: 'string' },
    handler: (ctx) => {
      setEmail(card(ctx), ctx.body.email);
      return message('OK_EMAIL');
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/phone',
    fields: { phone: 'string' },
    handler: (ctx) => {
      setPhone(card(ctx), ctx.body.phone);
      return message('OK_PHONE');
    },
  },
  {
    // [SDK] official JS client only: the body is { cardArtId }, the answer an empty `data`.
    method: 'POST',
    path: '/cards/:id/updateArt',
    fields: { cardArtId: 'string' },
    handler: (ctx) => {
      card(ctx);
      return data({});
    },
  },
  {
    method: 'GET',
    path: '/cards/:id/limits',
    handler: (ctx) => {
      // Limits apply to both models (the budget-card guide lists them), so any card is accepted.
      const found = ctx.store.card(ctx.param('id'));
      readableLimits(found);
      return data(limitsView(ctx.store, found));
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/limits',
    fields: { type: 'string', limit: 'number' },
    handler: (ctx) => data(setLimit(ctx.store.card(ctx.param('id')), ctx.body)),
  },
];
