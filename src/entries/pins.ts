/**
 * PIN checks and PIN setting, on their own: {@link Pins} takes the same options as `CardsClient` and has the
 * methods of `client.pins`, so a program that needs only this resource carries no other.
 * Errors and types come from `bfinance-cards` (the same classes: one engine behind every entry).
 *
 * @module bfinance-cards/pins
 */
export type { CardsClientOptions } from '../connection.js';
export { Pins } from '../resources/pins.js';
