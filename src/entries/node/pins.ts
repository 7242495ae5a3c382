// The Node build of `bfinance-cards/pins`: the root entry's own class, so Node loads one copy
// of the library in a few files (chunk count is what an ES module import pays for); bundlers take
// src/entries/pins.ts, which carries only this resource.
export type { CardsClientOptions } from '../../connection.js';
export { Pins } from '../../index.js';
