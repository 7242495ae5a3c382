import { createFetchSender } from './fetch-sender.js';
import type { AttemptController, Sender, UndiciDispatcher } from './types.js';

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
  /** A new controller for one attempt's signal, of the kind this platform's default sender takes. */
  controller(): AttemptController;
}

/**
 * The portable default: the runtime's global `fetch` (edge runtimes, Bun, Deno, bundlers: dist/lib).
 * The Node build (dist/node, the `node` export condition) resolves this module to
 * `default-sender.node.ts` (undici): the one module that differs by platform (tsup.config.ts).
 * Tests that need the Node default mock this module with it.
 *
 * @internal
 */
export const DEFAULT_SENDER: DefaultSender = {
  transport: 'fetch',
  create: () => createFetchSender(),
  controller: () => new AbortController(),
};
