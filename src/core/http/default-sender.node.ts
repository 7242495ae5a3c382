import { AttemptSignal } from './attempt-signal.js';
import type { DefaultSender } from './default-sender.js';
import { createUndiciSender } from './undici-sender.js';

/**
 * The Node default: undici's `request` on a keep-alive pool, or on the caller's dispatcher. The
 * Node build resolves `default-sender.js` to this module, so the edge build never references undici.
 *
 * @internal
 */
export const DEFAULT_SENDER: DefaultSender = {
  transport: 'undici',
  create: (dispatcher) => createUndiciSender(dispatcher),
  // Not an AbortController: on Node a real AbortSignal costs ~6% of a request (attempt-signal.ts).
  controller: () => new AttemptSignal(),
};
