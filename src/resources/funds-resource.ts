import { type Amount, MIN_CARD_TOP_UP, toAmount } from '../core/money.js';
import { copyOptions } from '../core/options.js';
import { checkPageParams, type PageData, type PageParams, PagePromise } from '../core/page.js';
import {
  amountLike,
  anyText,
  checkOptionalShape,
  checkShape,
  oneOf,
  positiveWhole,
  refId,
} from '../core/params.js';
import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import { type CardRef, type NotBudgetCard, requireModel, resolveCard } from './card-ref.js';
import { ERROR_CAUSES } from './domain-errors.js';
import {
  budgetTransactions,
  depositAddress,
  moveCardFunds,
  organizationBalance,
  topUpBudget,
} from './endpoints/funds.js';
import { budgetTopUpOutcome, cardMovementOutcome } from './funds-outcomes.js';
import type {
  BudgetTransaction,
  DepositAddress,
  DepositCurrency,
  DepositNetwork,
  OrganizationBalance,
} from './funds-schemas.js';
import { ClientResource } from './resource.js';

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

/** What `funds.depositAddress` asks for. */
export interface DepositAddressParams {
  /** The blockchain network to deposit on. */
  network: DepositNetwork;
  /** The stablecoin to deposit. */
  currency: DepositCurrency;
}

const NETWORKS: readonly DepositNetwork[] = ['ethereum', 'tron', 'solana', 'polygon', 'ton', 'bnb'];
const CURRENCIES: readonly DepositCurrency[] = ['usdc', 'usdt'];

/**
 * Money movements: card top-ups and withdrawals (standalone cards), budget funding, budget
 * transactions, the organization balance and its deposit addresses. Amounts are major units, a
 * number or a decimal string, checked before anything is sent; every movement carries an
 * `Idempotency-Key` and is never blindly re-sent.
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
export class Funds extends ClientResource {
  /** Every cause: top-ups, withdrawals and disputes meet the budget and dispute causes too. */
  protected static override readonly causes = ERROR_CAUSES;

  /**
   * Moves money from the organization balance to a standalone card. A card known to be a budget
   * card does not compile; one whose model is known only at run time is checked then.
   *
   * @throws {ValidationError} for an amount below 1.01 or with more than 2 decimals, a note that
   * is not a string, an unknown field, or a budget card (fund its budget with `funds.topUpBudget`).
   * @throws {InsufficientFundsError} when the organization balance is too low.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async topUp<C extends CardRef>(
    card: NotBudgetCard<C>,
    params: TopUpParams,
    options?: RequestOptions,
  ): Promise<ActionResult> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'funds.topUp',
      'Budget cards spend from their budget: fund it with client.funds.topUpBudget(budgetId, { amount }).',
    );
    const given = checkShape(params, '', 'funds.topUp', {
      amount: amountLike,
      note: anyText,
    }) as Partial<TopUpParams>;
    const amount = toAmount(given.amount, 'amount', MIN_CARD_TOP_UP);
    const outcome = cardMovementOutcome(this.transport, ref, 'topup', amount, given.note);
    return this.send(moveCardFunds(ref, 'topup', amount, given.note, outcome), options);
  }

  /**
   * Moves money from a standalone card back to the organization balance. A card known to be a
   * budget card does not compile; one whose model is known only at run time is checked then.
   *
   * @throws {ValidationError} for a non-positive amount, more than 2 decimals, an unknown field,
   * or a budget card.
   * @throws {InsufficientFundsError} when the card balance is too low.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async withdraw<C extends CardRef>(
    card: NotBudgetCard<C>,
    params: WithdrawParams,
    options?: RequestOptions,
  ): Promise<ActionResult> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'funds.withdraw',
      'Budget cards hold no balance of their own: their funds stay in the budget.',
    );
    const given = checkShape(params, '', 'funds.withdraw', { amount: amountLike });
    const amount = toAmount(given.amount, 'amount');
    const outcome = cardMovementOutcome(this.transport, ref, 'withdraw', amount, undefined);
    return this.send(moveCardFunds(ref, 'withdraw', amount, undefined, outcome), options);
  }

  /**
   * Moves USD from the organization balance to a budget. The API answers with an empty `data`,
   * so the result's `message` is empty unless bfinance starts sending one.
   *
   * @throws {ValidationError} for a non-positive amount, more than 2 decimals or an unknown field.
   * @throws {InsufficientFundsError} when the organization balance is too low.
   * @throws {NotFoundError} when the budget does not exist.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async topUpBudget(
    budgetId: string,
    params: TopUpBudgetParams,
    options?: RequestOptions,
  ): Promise<ActionResult> {
    const given = checkShape(params, '', 'funds.topUpBudget', { amount: amountLike });
    const amount = toAmount(given.amount, 'amount');
    const id = refId(budgetId) as string;
    return this.send(topUpBudget(id, amount, budgetTopUpOutcome(this.transport, id, amount)), options);
  }

  /**
   * Lists the transactions of a budget's cards: await it for one page, or `for await` over every
   * transaction of every page (fetched lazily, to an empty page, whatever page size the server caps at).
   *
   * @throws {ValidationError} for a `page` or `limit` that is not a whole number of 1 or more, or
   * an unknown field.
   * @throws {NotFoundError} when the budget does not exist.
   */
  budgetTransactions(
    budgetId: string,
    params: PageParams = {},
    options?: RequestOptions,
  ): PagePromise<BudgetTransaction> {
    return new PagePromise(() => {
      const operation = 'funds.budgetTransactions';
      const id = refId(budgetId) as string;
      const given = checkOptionalShape(params, '', operation, { page: positiveWhole, limit: positiveWhole });
      const { page, limit } = checkPageParams(given, operation);
      const opts = copyOptions(options);
      const fetch = (n: number): Promise<PageData<BudgetTransaction>> =>
        this.send(budgetTransactions(id, n, limit), opts);
      return { fetch, first: page, signal: opts?.signal };
    });
  }

  /**
   * Reads the organization balance in EUR and USD.
   *
   * @throws {AuthenticationError} when the token is missing or invalid.
   */
  async balance(options?: RequestOptions): Promise<OrganizationBalance> {
    return this.send(organizationBalance(), options);
  }

  /**
   * Reads the address to send stablecoins to, to fund the organization balance: `network` is
   * one of `ethereum`, `tron`, `solana`, `polygon`, `ton`, `bnb`; `currency` `usdc` or `usdt`.
   * Send only that currency on that network to the address.
   *
   * @throws {ValidationError} for a network or currency outside those lists, or an unknown field.
   */
  async depositAddress(params: DepositAddressParams, options?: RequestOptions): Promise<DepositAddress> {
    const operation = 'funds.depositAddress';
    const { network, currency } = checkShape(params, '', operation, {
      network: oneOf(NETWORKS),
      currency: oneOf(CURRENCIES),
    }) as Partial<DepositAddressParams>;
    oneOf(NETWORKS)(network, 'network', operation);
    oneOf(CURRENCIES)(currency, 'currency', operation);
    return this.send(depositAddress(network as DepositNetwork, currency as DepositCurrency), options);
  }
}
