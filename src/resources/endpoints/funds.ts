import type { OutcomeSpec } from '../../core/outcome/contract.js';
import type { PageData } from '../../core/page.js';
import { path } from '../../core/path.js';
import { type ActionResult, actionResult } from '../../core/schema.js';
import { cardPath, type ResolvedCard } from '../card-ref.js';
import {
  type BudgetTransaction,
  balanceSchema,
  budgetTransactionPageSchema,
  type DepositAddress,
  type DepositCurrency,
  type DepositNetwork,
  depositAddressSchema,
  type OrganizationBalance,
} from '../funds-schemas.js';
import type { MovementKind } from '../reconcile-words.js';
import { type Endpoint, readEndpoint } from './endpoint.js';

// The money endpoints, each declared once: the public methods and the reconcilers both call these.

/**
 * `POST /cards/{id}/topup` `{ amount, note? }` or `POST /cards/{id}/withdraw` `{ amount }`, settled
 * by `outcome`; only a top-up takes a note.
 */
export function moveCardFunds(
  card: ResolvedCard,
  kind: MovementKind,
  amount: number,
  note: string | undefined,
  outcome: OutcomeSpec,
): Endpoint<ActionResult> {
  const topUp = kind === 'topup';
  return {
    operation: topUp ? 'funds.topUp' : 'funds.withdraw',
    method: 'POST',
    path: cardPath(card, topUp ? '/topup' : '/withdraw'),
    body: { amount, ...(note === undefined ? {} : { note }) },
    bodyFields: topUp ? ['amount', 'note'] : ['amount'],
    schema: actionResult(),
    retry: 'must-not-repeat',
    // bfinance processes a card deposit or withdrawal once per Idempotency-Key [DOC api-integration/en/idempotency-key].
    deduplicated: true,
    subject: { cardId: card.id, amount, ...(note === undefined ? {} : { note }) },
    outcome,
  };
}

/** `POST /budgets/{id}/topup` `{ amount }` (USD), settled by `outcome`. */
export function topUpBudget(budgetId: string, amount: number, outcome: OutcomeSpec): Endpoint<ActionResult> {
  return {
    operation: 'funds.topUpBudget',
    method: 'POST',
    path: path`/budgets/${budgetId}/topup`,
    body: { amount },
    schema: actionResult(),
    retry: 'must-not-repeat',
    subject: { budgetId, amount, currency: 'USD' },
    outcome,
  };
}

/** `GET /budgets/{id}/transactions`: one page of a budget's transactions. */
export function budgetTransactions(
  budgetId: string,
  page: number,
  limit: number,
): Endpoint<PageData<BudgetTransaction>> {
  const at = path`/budgets/${budgetId}/transactions`;
  return readEndpoint(
    'funds.budgetTransactions',
    at,
    budgetTransactionPageSchema(),
    { budgetId },
    { page, limit },
  );
}

/** `GET /balance`: the organization balance. */
export function organizationBalance(): Endpoint<OrganizationBalance> {
  return readEndpoint('funds.balance', path`/balance`, balanceSchema());
}

/** `GET /finance/deposit?network=…&currency=…`: a stablecoin deposit address. */
export function depositAddress(network: DepositNetwork, currency: DepositCurrency): Endpoint<DepositAddress> {
  return readEndpoint(
    'funds.depositAddress',
    path`/finance/deposit`,
    depositAddressSchema(),
    {},
    { network, currency },
  );
}
