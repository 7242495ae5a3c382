// Node's `bfinance-cards/pins`: the root entry's class (NODE_ENTRIES in tsup.config.ts says why).
export type { CardsClientOptions } from '../../connection.js';
export { Pins } from '../../index.js';
