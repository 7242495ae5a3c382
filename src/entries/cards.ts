/**
 * Card programs, issuance, details, sensitive data, transactions, limits, contact data and physical cards, on their own: {@link Cards} takes the same options as `CardsClient` and has the
 * methods of `client.cards`, so a program that needs only this resource carries no other.
 * Errors and types come from `bfinance-cards` (the same classes: one engine behind every entry).
 *
 * @module bfinance-cards/cards
 */
export type { CardsClientOptions } from '../connection.js';
export { Cards } from '../resources/cards.js';
