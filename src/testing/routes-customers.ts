import { data, message, type Route } from './route.js';
import {
  createCustomer,
  deleteCustomer,
  QUESTIONNAIRE_QUESTIONS,
  questionnaire,
  readCustomer,
  requestAccess,
  submitQuestionnaire,
} from './state-customers.js';
import { customerView } from './views.js';

/** Customers, product access and questionnaires. */
export const CUSTOMER_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/customers',
    fields: {
      type: 'string',
      level: 'string',
      sumsubShareToken: 'string',
      firstName: 'string',
      lastName: 'string',
      birthDate: 'string',
      nationality: 'string',
      nationalId: 'string',
      address: 'object',
      phone: 'string',
      email: 'string',
      identityDocuments: 'object',
      otherDocuments: 'object',
    },
    handler: (ctx) => data(customerView(createCustomer(ctx.store, ctx.body))),
  },
  {
    method: 'GET',
    path: '/customers/:id',
    handler: (ctx) => data(customerView(readCustomer(ctx.store, ctx.param('id')))),
  },
  {
    method: 'DELETE',
    path: '/customers/:id',
    handler: (ctx) => {
      deleteCustomer(ctx.store, ctx.param('id'));
      return message('OK_CUSTOMER_DELETED');
    },
  },
  {
    method: 'POST',
    path: '/customers/:id/request',
    fields: { accessType: 'string', cardType: 'string' },
    handler: (ctx) => {
      const access = requestAccess(ctx.store, ctx.param('id'), ctx.body);
      return data({
        accessType: access.type,
        ...(access.cardType !== undefined ? { cardType: access.cardType } : {}),
        customerId: ctx.param('id'),
        status: access.status,
      });
    },
  },
  {
    method: 'GET',
    path: '/customers/:id/questionnaires',
    handler: (ctx) => {
      const list = ctx.store.customer(ctx.param('id')).questionnaires;
      return data({ questionnaires: list.map((q) => ({ id: q.id, name: q.name, completed: q.completed })) });
    },
  },
  {
    method: 'GET',
    path: '/customers/:id/questionnaires/:qid',
    handler: (ctx) => {
      const q = questionnaire(ctx.store, ctx.param('id'), ctx.param('qid'));
      return data({
        questionnaire: {
          id: q.id,
          name: q.name,
          completed: q.completed,
          completedAt: q.completedAt ?? null,
          questionnaire: QUESTIONNAIRE_QUESTIONS,
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/customers/:id/questionnaires/:qid/submit',
    fields: { answers: 'array' },
    handler: (ctx) => {
      const q = submitQuestionnaire(ctx.store, ctx.param('id'), ctx.param('qid'), ctx.body);
      return data({ id: q.id, completed: q.completed });
    },
  },
];
