// Node's `bfinance-cards/cards`: the root entry's class (NODE_ENTRIES in tsup.config.ts says why).
export type { CardsClientOptions } from '../../connection.js';
export { Cards } from '../../index.js';
