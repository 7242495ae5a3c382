import * as z from 'zod/mini';
import type { PageData } from '../core/page.js';
import { maybe } from '../core/schema.js';

/** The card a budget transaction was made with. */
export interface BudgetTransactionCard {
  /** The card id. */
  id: string;
  /** The masked number, e.g. `**** **** **** 1234` (masked, so safe to show). */
  maskedCardNumber?: string | null | undefined;
  /** Your own id of the card. */
  externalId?: string | null | undefined;
}

/** One transaction on a budget's cards, or a top-up of the budget itself. */
export interface BudgetTransaction {
  /** The transaction id. */
  id: string;
  /** The card it was made with; `null` for a movement of the budget itself, such as a top-up. */
  card: BudgetTransactionCard | null;
  /** Amount in `currency`, major units. */
  amount: number;
  /** Currency of `amount`. */
  currency: string;
  /** The amount in USD. */
  usdAmount: number;
  /** Merchant name. */
  merchant?: string | null | undefined;
  /** Merchant category code, e.g. `5734`. */
  mcc?: string | null | undefined;
  /** Transaction status as the API sends it; values are not documented. */
  status: string;
  /** Transaction type as the API sends it; values are not documented. */
  type: string;
  /** When it happened, an ISO 8601 date-time. */
  transactionDate: string;
  /** A second transaction reference next to `id` (undocumented); disputes take `id` [INF]. */
  transactionId: string;
  /** Fee charged, major units. */
  fee: number;
}

/** The organization balance that funds card and budget top-ups. */
export interface OrganizationBalance {
  /** EUR balance, major units. */
  eur: number;
  /** USD balance, major units. */
  usd: number;
  /**
   * A single balance as older API versions sent it.
   *
   * @deprecated Read `eur` and `usd`.
   */
  balance?: string | undefined;
}

/** One entry of `GET /budgets/{id}/transactions`. */
export const budgetTransactionSchema: z.ZodMiniType<BudgetTransaction, unknown> = z.object({
  id: z.string(),
  card: z.nullable(
    z.object({
      id: z.string(),
      maskedCardNumber: maybe(z.string()),
      externalId: maybe(z.string()),
    }),
  ),
  amount: z.number(),
  currency: z.string(),
  usdAmount: z.number(),
  merchant: maybe(z.string()),
  mcc: maybe(z.string()),
  status: z.string(),
  type: z.string(),
  transactionDate: z.string(),
  transactionId: z.string(),
  fee: z.number(),
});

/** `GET /budgets/{id}/transactions` data, as a page. */
export const budgetTransactionPageSchema: z.ZodMiniType<PageData<BudgetTransaction>, unknown> = z.pipe(
  z.object({ transactions: z.array(budgetTransactionSchema), page: z.number(), limit: z.number() }),
  z.transform((value) => ({ data: value.transactions, page: value.page, limit: value.limit })),
);

/** `GET /balance` data. */
export const balanceSchema: z.ZodMiniType<OrganizationBalance, unknown> = z.object({
  eur: z.number(),
  usd: z.number(),
  balance: z.optional(z.string()),
});
