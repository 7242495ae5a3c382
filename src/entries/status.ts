/**
 * Card freeze, unfreeze and delete, on their own: {@link Status} takes the same options as `CardsClient` and has the
 * methods of `client.status`, so a program that needs only this resource carries no other.
 * Errors and types come from `bfinance-cards` (the same classes: one engine behind every entry).
 *
 * @module bfinance-cards/status
 */
export type { CardsClientOptions } from '../connection.js';
export { Status } from '../resources/status.js';
