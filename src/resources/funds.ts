import { type Amount, MIN_CARD_TOP_UP, toAmount } from '../core/money.js';
import { checkPageParams, type PageData, type PageParams, PagePromise } from '../core/page.js';
import { path } from '../core/path.js';
import { redact } from '../core/redact.js';
import { type ActionResult, actionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import {
  findMovement,
  MOVEMENT_PAGE_SIZE,
  type MovementEntry,
  type MovementKind,
} from '../outcomes/movement.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { readCard, readOptions } from './card-read.js';
import { type CardRef, cardPath, type ResolvedCard, requireModel, resolveCard } from './card-ref.js';
import { cardTransactionsSchema } from './card-schemas.js';
import {
  type BudgetTransaction,
  balanceSchema,
  budgetTransactionPageSchema,
  type OrganizationBalance,
} from './funds-schemas.js';
import { Resource } from './resource.js';

/** What `funds.topUp` sends. */
export interface TopUpParams {
  /** Major units, at least 1.01, at most 2 decimals: `25.5` or `"25.50"`. */
  amount: Amount;
  /** An internal note stored with the top-up. */
  note?: string;
}

/** What `funds.withdraw` sends. */
export interface WithdrawParams {
  /** Major units, at most 2 decimals: `25.5` or `"25.50"`. */
  amount: Amount;
}

/** What `funds.topUpBudget` sends. */
export interface TopUpBudgetParams {
  /** USD, major units, at most 2 decimals: `25.5` or `"25.50"`. */
  amount: Amount;
}

const MOVEMENT_HINTS: Readonly<Record<MovementKind, string>> = {
  topup:
    "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the card's transactions, to see whether the top-up was applied.",
  withdraw:
    "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the card's transactions, to see whether the withdrawal was applied.",
};

/** Settles a card top-up or withdrawal from the card's transactions (and notes its balance). */
function cardMovementOutcome(
  transport: Requester,
  card: ResolvedCard,
  kind: MovementKind,
  amount: number,
  note: string | undefined,
): OutcomeSpec {
  return {
    subject: { cardId: card.id, amount, note },
    hint: MOVEMENT_HINTS[kind],
    reconcile: async (call, options) => {
      const read = readOptions(options);
      const page = async (n: number): Promise<MovementEntry[]> => {
        const data = await transport.request(
          {
            operation: 'cards.transactions',
            method: 'GET',
            path: cardPath(card, '/transactions'),
            query: { page: n, limit: MOVEMENT_PAGE_SIZE },
            schema: cardTransactionsSchema,
            kind: 'read',
          },
          read,
        );
        return data.transactions;
      };
      const answer = await findMovement(
        call,
        options,
        { operation: 'cards.transactions', page },
        // Listings echo notes redacted (see echoedText), so the note is compared in that form.
        {
          kind,
          amount,
          note: note === undefined ? undefined : redact(note),
          redactNote: (text) => redact(text),
        },
      );
      try {
        const { balance } = await readCard(transport, card, read);
        if (balance) {
          answer.evidence.balance = balance;
          answer.evidence.reads.push('cards.retrieve');
        }
      } catch {
        // The balance is only for the record; the transactions decide.
      }
      return answer;
    },
  };
}

/** Settles a budget top-up from the budget's transactions. */
function budgetTopUpOutcome(transport: Requester, budgetId: string, amount: number): OutcomeSpec {
  return {
    subject: { budgetId, amount },
    hint: "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the budget's transactions, to see whether the top-up was applied.",
    reconcile: (call, options) => {
      const read = readOptions(options);
      const page = async (n: number): Promise<MovementEntry[]> => {
        const data = await transport.request(
          {
            operation: 'funds.budgetTransactions',
            method: 'GET',
            path: path`/budgets/${budgetId}/transactions`,
            query: { page: n, limit: MOVEMENT_PAGE_SIZE },
            schema: budgetTransactionPageSchema,
            kind: 'read',
          },
          read,
        );
        return data.data.map((t) => ({
          id: t.id,
          amount: t.amount,
          currency: t.currency,
          type: t.type,
          date: t.transactionDate,
        }));
      };
      return findMovement(
        call,
        options,
        { operation: 'funds.budgetTransactions', page },
        { kind: 'topup', amount, redactNote: (text) => redact(text) },
      );
    },
  };
}

/**
 * Money movements: card top-ups and withdrawals (standalone cards), budget funding, budget
 * transactions and the organization balance. Amounts are major units, a number or a decimal
 * string, checked before anything is sent; every movement carries an `Idempotency-Key` and is
 * never blindly re-sent.
 *
 * @example
 * ```ts
 * const { usd } = await client.funds.balance();
 * await client.funds.topUp(card, { amount: '25.50', note: 'Travel' });
 * await client.funds.withdraw(card, { amount: 10 });
 * await client.funds.topUpBudget(budgetId, { amount: 500 });
 * for await (const tx of client.funds.budgetTransactions(budgetId)) console.log(tx.amount, tx.merchant);
 * ```
 */
export class FundsResource extends Resource {
  /**
   * Moves money from the organization balance to a standalone card.
   *
   * @throws {ValidationError} for an amount below 1.01 or with more than 2 decimals, or a budget
   * card (fund its budget with `funds.topUpBudget`).
   * @throws {InsufficientFundsError} when the organization balance is too low.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async topUp(card: CardRef, params: TopUpParams, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'funds.topUp',
      'Budget cards spend from their budget: fund it with client.funds.topUpBudget(budgetId, { amount }).',
    );
    const body = {
      amount: toAmount(params?.amount, 'amount', MIN_CARD_TOP_UP),
      ...(params.note === undefined ? {} : { note: params.note }),
    };
    return this.transport.request(
      {
        operation: 'funds.topUp',
        method: 'POST',
        path: cardPath(ref, '/topup'),
        body,
        schema: actionResult,
        kind: 'create',
        outcome: cardMovementOutcome(this.transport, ref, 'topup', body.amount, params.note),
      },
      options,
    );
  }

  /**
   * Moves money from a standalone card back to the organization balance.
   *
   * @throws {ValidationError} for a non-positive amount, more than 2 decimals, or a budget card.
   * @throws {InsufficientFundsError} when the card balance is too low.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async withdraw(card: CardRef, params: WithdrawParams, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'funds.withdraw',
      'Budget cards hold no balance of their own: their funds stay in the budget.',
    );
    const body = { amount: toAmount(params?.amount, 'amount') };
    return this.transport.request(
      {
        operation: 'funds.withdraw',
        method: 'POST',
        path: cardPath(ref, '/withdraw'),
        body,
        schema: actionResult,
        kind: 'create',
        outcome: cardMovementOutcome(this.transport, ref, 'withdraw', body.amount, undefined),
      },
      options,
    );
  }

  /**
   * Moves USD from the organization balance to a budget. The API answers with an empty `data`,
   * so the result's `message` is empty unless bfinance starts sending one.
   *
   * @throws {ValidationError} for a non-positive amount or more than 2 decimals.
   * @throws {InsufficientFundsError} when the organization balance is too low.
   * @throws {NotFoundError} when the budget does not exist.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async topUpBudget(
    budgetId: string,
    params: TopUpBudgetParams,
    options?: RequestOptions,
  ): Promise<ActionResult> {
    const target = path`/budgets/${budgetId}/topup`;
    const body = { amount: toAmount(params?.amount, 'amount') };
    return this.transport.request(
      {
        operation: 'funds.topUpBudget',
        method: 'POST',
        path: target,
        body,
        schema: actionResult,
        kind: 'create',
        outcome: budgetTopUpOutcome(this.transport, budgetId, body.amount),
      },
      options,
    );
  }

  /**
   * Lists the transactions of a budget's cards: await it for one page, or `for await` over every
   * transaction of every page (fetched lazily; iteration ends at the first short page).
   *
   * @throws {ValidationError} for a `page` or `limit` that is not a whole number of 1 or more.
   * @throws {NotFoundError} when the budget does not exist.
   */
  budgetTransactions(
    budgetId: string,
    params: PageParams = {},
    options?: RequestOptions,
  ): PagePromise<BudgetTransaction> {
    const fetchPage = async (page: number): Promise<PageData<BudgetTransaction>> => {
      const target = path`/budgets/${budgetId}/transactions`;
      const { limit } = checkPageParams(params, 'funds.budgetTransactions');
      return this.transport.request(
        {
          operation: 'funds.budgetTransactions',
          method: 'GET',
          path: target,
          query: { page, limit },
          schema: budgetTransactionPageSchema,
          kind: 'read',
        },
        options,
      );
    };
    return new PagePromise(fetchPage, params?.page ?? 1, options);
  }

  /**
   * Reads the organization balance in EUR and USD.
   *
   * @throws {AuthenticationError} when the token is missing or invalid.
   */
  async balance(options?: RequestOptions): Promise<OrganizationBalance> {
    return this.transport.request(
      {
        operation: 'funds.balance',
        method: 'GET',
        path: path`/balance`,
        schema: balanceSchema,
        kind: 'read',
      },
      options,
    );
  }
}
