import type { Dispatcher } from 'undici';
import type { Sender } from './types.js';
import { createUndiciSender } from './undici-sender.js';

/** The Node default: undici's `request` on a keep-alive pool, or on the caller's dispatcher. */
export function createDefaultSender(dispatcher?: Dispatcher): Sender {
  return createUndiciSender(dispatcher);
}

/** Which transport {@link createDefaultSender} builds. */
export const DEFAULT_TRANSPORT: 'fetch' | 'undici' = 'undici';
