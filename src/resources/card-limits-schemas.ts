import * as z from '../core/reader.js';
import { amount, builtOnFirstUse, maybe, text } from '../core/schema.js';

/** Which spending limit to set on a standalone card. */
export type LimitType =
  | 'ecommerce-daily'
  | 'ecommerce-monthly'
  | 'ecommerce-transaction'
  | 'pos-daily'
  | 'pos-monthly'
  | 'pos-transaction';

/** Velocity limit periods of budget cards. */
export type VelocityType = 'DAY' | 'WEEK' | 'MONTH' | 'LIFETIME';

/** A limit and how much of it is used, in the units the API returns; `null` when unset. */
export interface LimitUsage {
  /** The limit in the card currency. */
  limit?: number | null | undefined;
  /** How much of it is spent in the current period. */
  used?: number | null | undefined;
}

/** Limits of one channel (e-commerce or point of sale). */
export interface ChannelLimits {
  /** Per calendar day. */
  daily?: LimitUsage | null | undefined;
  /** Per calendar month. */
  monthly?: LimitUsage | null | undefined;
  /** Per single transaction. */
  transaction?:
    | {
        /** The largest single transaction, in the card currency. */
        limit?: number | null | undefined;
      }
    | null
    | undefined;
}

/** A standalone card's spending limits [DOC cards/get-spending-limits]. */
export interface CardLimits {
  /** Online (card-not-present) spending. */
  ecommerce?: ChannelLimits | null | undefined;
  /** Point-of-sale (card-present) spending. */
  pos?: ChannelLimits | null | undefined;
}

/** The limit the API confirms after `limits.set` [DOC cards/set-spending-limits]. */
export interface LimitSetting {
  /** Which limit was set, e.g. `pos-daily`. */
  type?: LimitType | (string & {}) | null | undefined;
  /** The new limit in the card currency. */
  limit?: number | null | undefined;
}

const usage = builtOnFirstUse(() => maybe(z.object({ limit: amount(), used: amount() })));
const channel = builtOnFirstUse(() =>
  maybe(z.object({ daily: usage(), monthly: usage(), transaction: maybe(z.object({ limit: amount() })) })),
);

/** Schema of {@link CardLimits}: every level optional and nullable. */
export const limitsSchema: () => z.Schema<CardLimits, unknown> = builtOnFirstUse(() =>
  z.object({
    ecommerce: channel(),
    pos: channel(),
  }),
);

/** Schema of {@link LimitSetting}. */
export const limitSettingSchema: () => z.Schema<LimitSetting, unknown> = builtOnFirstUse(() =>
  z.object({
    type: text(),
    limit: amount(),
  }),
);
