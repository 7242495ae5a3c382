import * as z from 'zod/mini';

/** Which spending limit to set on a standalone card. */
export type LimitType =
  | 'ecommerce-daily'
  | 'ecommerce-monthly'
  | 'ecommerce-transaction'
  | 'pos-daily'
  | 'pos-monthly'
  | 'pos-transaction';

/** Interval of a budget card's velocity limit. */
export type VelocityType = 'DAY' | 'WEEK' | 'MONTH' | 'LIFETIME';

/** A limit and how much of it is used, in the units the API returns. */
export interface LimitUsage {
  /** The limit in the card currency. */
  limit: number;
  /** How much of it is spent in the current period. */
  used: number;
}

/** Limits of one channel (e-commerce or point of sale). */
export interface ChannelLimits {
  /** Per calendar day. */
  daily: LimitUsage;
  /** Per calendar month. */
  monthly: LimitUsage;
  /** Per single transaction. */
  transaction: {
    /** The largest single transaction, in the card currency. */
    limit: number;
  };
}

/** A standalone card's spending limits. */
export interface CardLimits {
  /** Online (card-not-present) spending. */
  ecommerce: ChannelLimits;
  /** Point-of-sale (card-present) spending. */
  pos: ChannelLimits;
}

/** The limit the API confirms after `limits.set`. */
export interface LimitSetting {
  /** Which limit was set, e.g. `pos-daily`. */
  type: LimitType | (string & {});
  /** The new limit in the card currency. */
  limit: number;
}

const usage = z.object({ limit: z.number(), used: z.number() });
const channel = z.object({ daily: usage, monthly: usage, transaction: z.object({ limit: z.number() }) });
/** `GET /cards/{id}/limits` data. */
export const limitsSchema: z.ZodMiniType<CardLimits, unknown> = z.object({
  ecommerce: channel,
  pos: channel,
});
/** `POST /cards/{id}/limits` data: the limit as set. */
export const limitSettingSchema: z.ZodMiniType<LimitSetting, unknown> = z.object({
  type: z.string(),
  limit: z.number(),
});
