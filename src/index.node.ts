/**
 * The package's Node entry (dist/node): everything src/index.ts exports, with a `CardsClient` that
 * sends through undici by default. An explicit export shadows the star export of the same name.
 *
 * @module bfinance-cards
 */

export { CardsClient } from './client.node.js';
export * from './index.js';
