// Node's `bfinance-cards/customers`: the root entry's class (NODE_ENTRIES in tsup.config.ts says why).
export type { CardsClientOptions } from '../../connection.js';
export { Customers } from '../../index.js';
