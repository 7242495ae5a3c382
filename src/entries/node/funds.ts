// Node's `bfinance-cards/funds`: the root entry's class (NODE_ENTRIES in tsup.config.ts says why).
export type { CardsClientOptions } from '../../connection.js';
export { Funds } from '../../index.js';
