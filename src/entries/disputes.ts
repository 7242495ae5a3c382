/**
 * Transaction disputes, on their own: {@link Disputes} takes the same options as `CardsClient` and has the
 * methods of `client.disputes`, so a program that needs only this resource carries no other.
 * Errors and types come from `bfinance-cards` (the same classes: one engine behind every entry).
 *
 * @module bfinance-cards/disputes
 */
export type { CardsClientOptions } from '../connection.js';
export { Disputes } from '../resources/disputes-resource.js';
