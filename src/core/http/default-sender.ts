import type { Dispatcher } from 'undici';
import { createFetchSender } from './fetch-sender.js';
import type { Sender } from './types.js';

/**
 * The sender a client uses when given no `fetch`: the portable fetch one. The Node build replaces
 * this module with `default-sender.node.ts` (see tsup.config.ts), so edge bundles never see undici.
 */
export function createDefaultSender(_dispatcher?: Dispatcher): Sender {
  return createFetchSender();
}

/** Which transport {@link createDefaultSender} builds, for the User-Agent and diagnostics. */
export const DEFAULT_TRANSPORT: 'fetch' | 'undici' = 'fetch';
