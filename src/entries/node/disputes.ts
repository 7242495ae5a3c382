// Node's `bfinance-cards/disputes`: the root entry's class (NODE_ENTRIES in tsup.config.ts says why).
export type { CardsClientOptions } from '../../connection.js';
export { Disputes } from '../../index.js';
