// The Node build of `bfinance-cards/customers`: the root entry's own class, so Node loads one copy
// of the library in a few files (chunk count is what an ES module import pays for); bundlers take
// src/entries/customers.ts, which carries only this resource.
export type { CardsClientOptions } from '../../connection.js';
export { Customers } from '../../index.js';
