import { fail } from './errors.js';
import { data, message, type Route } from './route.js';
import { activatePhysical, orderPhysical, physicalTarget } from './state-card-settings.js';
import { cancelDispute, createDispute } from './state-disputes.js';
import { disputeStatusView, disputeView } from './views.js';

// [SDK] networks and currencies of GET /finance/deposit (bfinance-api.md §2, official clients).
const DEPOSIT_NETWORKS = new Set(['ethereum', 'tron', 'solana', 'polygon', 'ton', 'bnb']);
const DEPOSIT_CURRENCIES = new Set(['usdc', 'usdt']);

/** Physical cards, disputes, the organization balance and its deposit address. */
export const ACCOUNT_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/physical-cards/:id/order',
    fields: { cardType: 'string', shippingData: 'object' },
    handler: (ctx) => {
      orderPhysical(
        ctx.store,
        physicalTarget(ctx.store, ctx.param('id'), ctx.body.cardType),
        ctx.body.shippingData,
      );
      return message('OK_PHYSICAL_ORDERED');
    },
  },
  {
    method: 'POST',
    path: '/physical-cards/:id/activate',
    fields: { cardType: 'string', code: 'string' },
    handler: (ctx) => {
      activatePhysical(physicalTarget(ctx.store, ctx.param('id'), ctx.body.cardType), ctx.body.code);
      return message('OK_PHYSICAL_ACTIVATED');
    },
  },
  {
    method: 'POST',
    path: '/disputes',
    fields: { cardId: 'string', transactionId: 'string', textEvidence: 'string', files: 'array' },
    handler: (ctx) => data(disputeView(createDispute(ctx.store, ctx.body))),
  },
  {
    method: 'GET',
    path: '/disputes/:id/status',
    handler: (ctx) => data(disputeStatusView(ctx.store.dispute(ctx.param('id')))),
  },
  {
    method: 'POST',
    path: '/disputes/:id/cancel',
    handler: (ctx) => {
      const dispute = cancelDispute(ctx.store, ctx.param('id'));
      return data({ id: dispute.id, status: dispute.status });
    },
  },
  {
    method: 'GET',
    path: '/balance',
    handler: (ctx) => data({ usd: 0, eur: 0, ...ctx.store.orgBalance() }),
  },
  {
    method: 'GET',
    path: '/finance/deposit',
    handler: (ctx) => {
      const network = ctx.query.get('network') ?? '';
      const currency = ctx.query.get('currency') ?? '';
      if (!DEPOSIT_NETWORKS.has(network) || !DEPOSIT_CURRENCIES.has(currency)) fail(400, 'BAD_REQUEST');
      // Not an address on any chain: a sandbox never shows where real money could be sent.
      return data({ address: `sandbox-deposit-${network}-${currency}`, network, currency });
    },
  },
];
