import { createFetchSender } from './fetch-sender.js';
import type { Sender, UndiciDispatcher } from './types.js';

/**
 * How a platform sends when the client is given no `fetch`: the sender it builds and the name the
 * User-Agent reports.
 *
 * @internal
 */
export interface DefaultSender {
  /** The transport name, for the User-Agent and diagnostics. */
  readonly transport: 'fetch' | 'undici';
  /** Builds the sender; `dispatcher` is the client's option, which only the undici sender uses. */
  create(dispatcher?: UndiciDispatcher): Sender;
}

/**
 * The portable default: the runtime's global `fetch` (edge runtimes, Bun, Deno, browsers). The
 * Node build (and vitest, which runs as Node) resolves this module to `default-sender.node.ts`
 * instead, the one module that differs between dist/node and dist/edge: the classes are the same
 * in both, so `client.cards` is the `Cards` of `bfinance-cards/cards` on every platform.
 *
 * @internal
 */
export const DEFAULT_SENDER: DefaultSender = {
  transport: 'fetch',
  create: () => createFetchSender(),
};
