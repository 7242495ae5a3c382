/**
 * Customers, their verification and product access, on their own: {@link Customers} takes the same options as `CardsClient` and has the
 * methods of `client.customers`, so a program that needs only this resource carries no other.
 * Errors and types come from `bfinance-cards` (the same classes: one engine behind every entry).
 *
 * @module bfinance-cards/customers
 */
export type { CardsClientOptions } from '../connection.js';
export { Customers } from '../resources/customers.js';
