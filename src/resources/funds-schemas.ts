import type { PageData } from '../core/page.js';
import * as z from '../core/reader.js';
import {
  amount,
  builtOnFirstUse,
  freeText,
  maskedNumber,
  maybe,
  openNumberText,
  optionalField,
  text,
} from '../core/schema.js';
import type { CardTransaction } from './card-results.js';

// Budget transactions, the organization balance and its deposit addresses.

/** The card a budget transaction was made with. */
export interface BudgetTransactionCard {
  /** The card id. Wire `card.id`. */
  id: string;
  /** The masked number, `**** **** **** 1234`, re-masked whatever the server sent. Wire `card.maskedCardNumber`. */
  maskedCardNumber?: string | null | undefined;
  /** Your own id of the card. Wire `card.externalId`. */
  externalId?: string | null | undefined;
}

/**
 * One transaction on a budget's cards, or a movement of the budget itself
 * [DOC budgets/get-budget-transactions; one example only, so everything but `id` is optional]:
 * the fields a card transaction has under the same wire names, and these.
 */
export interface BudgetTransaction
  extends Omit<CardTransaction, 'date' | 'declineReason' | 'note' | 'transactionId'> {
  /** The card it was made with; `null` or absent for a movement of the budget itself, such as a top-up. */
  card?: BudgetTransactionCard | null | undefined;
  /** Merchant category code, e.g. `5734`. */
  mcc?: string | null | undefined;
  /** When it happened, an ISO 8601 date-time. */
  transactionDate?: string | null | undefined;
  /** The network's transaction id. */
  transactionId?: string | null | undefined;
  /** Fee charged, major units. */
  fee?: number | null | undefined;
}

/** The organization balance that funds card and budget top-ups [SDK]. */
export interface OrganizationBalance {
  /** EUR balance, major units (every source has it). */
  eur: number;
  /** USD balance, major units (every source has it). */
  usd: number;
  /**
   * A single balance as older API versions sent it.
   *
   * @deprecated Read `eur` and `usd`.
   */
  balance?: string | null | undefined;
}

const budgetTransactionSchema: () => z.Schema<BudgetTransaction, unknown> = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    // No card on a movement of the budget itself; merchant and MCC only on card spend [INF].
    card: optionalField(
      maybe(
        z.object({ id: z.string(), maskedCardNumber: maskedNumber(), externalId: optionalField(text()) }),
      ),
    ),
    amount: amount(),
    currency: text(),
    usdAmount: amount(),
    merchant: optionalField(freeText()),
    mcc: optionalField(openNumberText()),
    status: text(),
    type: text(),
    transactionDate: text(),
    transactionId: text(),
    fee: amount(),
  }),
);

/** A page of `GET /budgets/{id}/transactions`; `page` and `limit` drive the paging, so they are required. */
export const budgetTransactionPageSchema: () => z.Schema<PageData<BudgetTransaction>, unknown> =
  builtOnFirstUse(() =>
    z.pipe(
      z.object({ transactions: z.array(budgetTransactionSchema()), page: z.number(), limit: z.number() }),
      z.transform((value) => ({ data: value.transactions, page: value.page, limit: value.limit })),
    ),
  );

/** `GET /balance` data [SDK]. */
export const balanceSchema: () => z.Schema<OrganizationBalance, unknown> = builtOnFirstUse(() =>
  z.object({
    eur: z.number(),
    usd: z.number(),
    balance: optionalField(openNumberText()),
  }),
);

/** Networks `funds.depositAddress` takes. */
export type DepositNetwork = 'ethereum' | 'tron' | 'solana' | 'polygon' | 'ton' | 'bnb';

/** Stablecoins `funds.depositAddress` takes. */
export type DepositCurrency = 'usdc' | 'usdt';

/** Where to send stablecoins to fund the organization balance. */
export interface DepositAddress {
  /** The address on `network` to send to. */
  address: string;
  /** The network, as the API echoes it (open string). */
  network?: DepositNetwork | (string & {}) | null | undefined;
  /** The currency, as the API echoes it (open string). */
  currency?: DepositCurrency | (string & {}) | null | undefined;
}

/**
 * `GET /finance/deposit` data. Only `address` is required: it is what a caller acts on; the echo
 * of network and currency may be absent, null or spelled another way.
 */
export const depositAddressSchema: () => z.Schema<DepositAddress, unknown> = builtOnFirstUse(() =>
  z.object({
    address: z.string(),
    network: maybe(z.string()),
    currency: maybe(z.string()),
  }),
);
