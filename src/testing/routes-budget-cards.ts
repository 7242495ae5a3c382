import { permitted } from './card-transitions.js';
import type { CardRecord } from './records.js';
import { data, message, pageOf, pagination, type Route, type RouteContext, raw } from './route.js';
import { ISSUE_FIELDS } from './routes-cards.js';
import {
  deleteCard,
  freezeCard,
  setEmail,
  setPhone,
  setPin,
  setVelocity,
  unfreezeCard,
} from './state-card-settings.js';
import { issueBudgetCard } from './state-cards.js';
import { budgetMovements, budgetTransactions, topUpBudget } from './state-funds.js';
import {
  budgetCardDetailsView,
  budgetMovementView,
  budgetTransactionView,
  issuedBudgetCardView,
  newestFirst,
  sensitiveView,
} from './views.js';

/** The budget card addressed by the path; a standalone card id is not found here. */
function budgetCard(ctx: RouteContext): CardRecord {
  return ctx.store.card(ctx.param('id'), 'budget');
}

/** Budget cards and their budgets. */
export const BUDGET_CARD_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/budget-cards/issue',
    fields: { ...ISSUE_FIELDS, budgetId: 'string' },
    handler: (ctx) => data(issuedBudgetCardView(issueBudgetCard(ctx.store, ctx.body), ctx.quirks)),
  },
  {
    method: 'GET',
    path: '/budget-cards/:id',
    handler: (ctx) => {
      const view = budgetCardDetailsView(budgetCard(ctx), ctx.quirks);
      // The reference shows this one answer without the envelope.
      return ctx.quirks ? raw(view) : data(view);
    },
  },
  {
    method: 'GET',
    path: '/budget-cards/:id/sensitive',
    handler: (ctx) => {
      const card = budgetCard(ctx);
      permitted(card, 'update');
      return data(sensitiveView(card, ctx.quirks));
    },
  },
  {
    method: 'POST',
    path: '/budget-cards/:id/freeze',
    handler: (ctx) => {
      freezeCard(budgetCard(ctx));
      return message('OK_FROZEN');
    },
  },
  {
    method: 'POST',
    path: '/budget-cards/:id/unfreeze',
    handler: (ctx) => {
      unfreezeCard(budgetCard(ctx));
      return message('OK_UNFROZEN');
    },
  },
  {
    method: 'DELETE',
    path: '/budget-cards/:id/delete',
    handler: (ctx) => {
      deleteCard(budgetCard(ctx));
      return message('OK_DELETED');
    },
  },
  {
    method: 'POST',
    path: '/budget-cards/:id/pin',
    fields: { pin: 'string' },
    handler: (ctx) => {
      setPin(budgetCard(ctx), ctx.body.pin);
      return message('OK_PIN_SET');
    },
  },
  {
    method: 'POST',
    path: '/budget-cards/:id/email',
    fields: { email: 'string' },
    handler: (ctx) => {
      setEmail(budgetCard(ctx), ctx.body.email);
      return message('OK_EMAIL');
    },
  },
  {
    method: 'POST',
    path: '/budget-cards/:id/phone',
    fields: { phone: 'string' },
    handler: (ctx) => {
      setPhone(budgetCard(ctx), ctx.body.phone);
      return message('OK_PHONE');
    },
  },
  {
    // [SDK] official JS client only: the body is { cardArtId }, the answer an empty `data`.
    method: 'POST',
    path: '/budget-cards/:id/updateArt',
    fields: { cardArtId: 'string' },
    handler: (ctx) => {
      budgetCard(ctx);
      return data({});
    },
  },
  {
    method: 'POST',
    path: '/budget-cards/:id/velocity',
    fields: { type: 'string', amount: 'number' },
    handler: (ctx) => {
      setVelocity(budgetCard(ctx), ctx.body);
      return message('OK_VELOCITY');
    },
  },
  {
    method: 'POST',
    path: '/budgets/:id/topup',
    fields: { amount: 'number' },
    handler: (ctx) => {
      topUpBudget(ctx.store, ctx.param('id'), ctx.body.amount);
      return data({});
    },
  },
  {
    method: 'GET',
    path: '/budgets/:id/transactions',
    handler: (ctx) => {
      const { page, limit } = pagination(ctx.query);
      const budgetId = ctx.param('id');
      const list = newestFirst(
        budgetTransactions(ctx.store, budgetId).map((t) => ({
          at: t.date,
          view: budgetTransactionView(ctx.store, t),
        })),
        budgetMovements(ctx.store, budgetId).map((e) => ({
          at: e.at,
          view: budgetMovementView(ctx.store, e),
        })),
      );
      return data({ transactions: pageOf(list, page, limit), page, limit });
    },
  },
];
