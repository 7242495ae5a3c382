import { createFetchSender } from './fetch-sender.js';
import type { Sender, UndiciDispatcher } from './types.js';

/**
 * How a platform sends when the client is given no `fetch`: the sender it builds and the name the
 * User-Agent reports. Each package entry passes its own to the shared client (src/index.ts the
 * fetch one, src/index.node.ts the undici one), so no build step swaps modules.
 *
 * @internal
 */
export interface DefaultSender {
  /** The transport name, for the User-Agent and diagnostics. */
  readonly transport: 'fetch' | 'undici';
  /** Builds the sender; `dispatcher` is the client's option, which only the undici sender uses. */
  create(dispatcher?: UndiciDispatcher): Sender;
}

/** The portable default: the runtime's global `fetch`. Edge runtimes and browsers use it. @internal */
export const FETCH_DEFAULT_SENDER: DefaultSender = {
  transport: 'fetch',
  create: () => createFetchSender(),
};
