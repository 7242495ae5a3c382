// Node's `bfinance-cards/status`: the root entry's class (NODE_ENTRIES in tsup.config.ts says why).
export type { CardsClientOptions } from '../../connection.js';
export { Status } from '../../index.js';
