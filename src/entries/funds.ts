/**
 * Top-ups, withdrawals, budget funding and balances, on their own: {@link Funds} takes the same options as `CardsClient` and has the
 * methods of `client.funds`, so a program that needs only this resource carries no other.
 * Errors and types come from `bfinance-cards` (the same classes: one engine behind every entry).
 *
 * @module bfinance-cards/funds
 */
export type { CardsClientOptions } from '../connection.js';
export { Funds } from '../resources/funds-resource.js';
