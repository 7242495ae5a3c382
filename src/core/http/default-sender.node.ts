import type { DefaultSender } from './default-sender.js';
import { createUndiciSender } from './undici-sender.js';

/**
 * The Node default: undici's `request` on a keep-alive pool, or on the caller's dispatcher. Only
 * the Node entry (src/index.node.ts) imports this module, so the edge build never references undici.
 *
 * @internal
 */
export const UNDICI_DEFAULT_SENDER: DefaultSender = {
  transport: 'undici',
  create: (dispatcher) => createUndiciSender(dispatcher),
};
