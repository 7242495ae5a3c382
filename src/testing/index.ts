/**
 * A stateful in-memory bfinance for tests and demos: {@link createSandbox}, with an in-process
 * client (`sandbox.client()`), a real HTTP server on 127.0.0.1 and, for msw users, msw handlers.
 * `msw` (an optional peer dependency) is loaded only by `sandbox.handlers()`.
 *
 * @module bfinance-cards/testing
 */

import { CardsClient, type CardsClientOptions } from 'bfinance-cards';
import { createSandboxHandlers, type SandboxMswHandlers } from './msw.js';
import type { SandboxOptions } from './options.js';
import { createSandboxCore } from './sandbox.js';
import type { SandboxCore } from './sandbox-api.js';

export { SANDBOX_BASE_URL, SANDBOX_TOKEN } from '../core/base-url.js';
export { CONTROL_ROUTES, type ControlRoute } from './control-routes.js';
export { SANDBOX_FAULT_KINDS } from './fault-table.js';
export type { SandboxListenOptions, SandboxServer } from './http-server.js';
export { SANDBOX_MESSAGES, type SandboxMessageKey } from './messages.js';
export type { SandboxMswHandler, SandboxMswHandlers } from './msw.js';
export type {
  SandboxBudgetInit,
  SandboxCardTypeInit,
  SandboxFaultMatch,
  SandboxFaultOptions,
  SandboxFaultSpec,
  SandboxOptions,
} from './options.js';
export type { SandboxRequestLogEntry } from './request-log.js';
export type { SandboxHandler } from './router.js';
export type {
  SandboxControlHandler,
  SandboxFaultInstruction,
  SandboxHttpResponse,
  SandboxReply,
  SandboxRequest,
} from './router-types.js';
export type { SandboxCore, SandboxFetch } from './sandbox-api.js';
export type { SandboxCardTypeIds } from './state-setup.js';
export {
  SANDBOX_API_PREFIX,
  type SandboxAccessStatus,
  type SandboxAccessType,
  type SandboxBudgetSnapshot,
  type SandboxCardModel,
  type SandboxCardSnapshot,
  type SandboxCardStatus,
  type SandboxCustomerSnapshot,
  type SandboxCustomerStatus,
  type SandboxDisputeSnapshot,
  type SandboxDisputeStatus,
  type SandboxFaultKind,
  type SandboxFeatureAccess,
  type SandboxLedgerEntry,
  type SandboxLedgerKind,
  type SandboxSnapshot,
  type SandboxTransaction,
  type SandboxTransactionInit,
} from './types.js';
export type { SandboxWebhookFaults } from './webhooks.js';

/** Options of `sandbox.client()`: any client option but the transport, which is the sandbox's. */
export type SandboxClientOptions = Omit<CardsClientOptions, 'fetch' | 'dispatcher'>;

/**
 * A stateful in-memory bfinance Cards API: an in-process client, msw handlers and a real HTTP
 * server over one state.
 */
export interface Sandbox extends SandboxCore {
  /**
   * A `CardsClient` wired to {@link SandboxCore.fetch}: no socket, no msw, no environment variable
   * read. Same as `new CardsClient({ apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch:
   * sandbox.fetch, ...options })`.
   *
   * @throws {ValidationError} for a bad client option, as `new CardsClient()` does.
   */
  client(options?: SandboxClientOptions): CardsClient;
  /**
   * msw 2 handlers for `${sandbox.baseUrl}/*`, for teams that already use msw; msw is loaded on
   * this call. On Node the SDK sends through undici, which msw does not intercept: give the client
   * `fetch: globalThis.fetch`. The control routes are not served here.
   *
   * @example
   * ```ts
   * const server = setupServer(...(await sandbox.handlers()));
   * server.listen({ onUnhandledRequest: 'error' });
   * const client = new CardsClient({ apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch: globalThis.fetch });
   * ```
   */
  handlers(): Promise<SandboxMswHandlers>;
}

/**
 * Creates a sandbox: an in-memory bfinance that speaks the real wire protocol, quirks included.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ seed: 1 });
 * const client = sandbox.client(); // in-process: no socket, no msw, no token from the environment
 * const programs = await client.cards.types();
 * ```
 *
 * @throws RangeError for an unknown fault kind in `options.faults` or a `baseUrl` that is no plain URL.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const { core, router } = createSandboxCore(options);
  return Object.freeze({
    ...core,
    client: (clientOptions: SandboxClientOptions = {}) =>
      new CardsClient({ apiToken: core.token, baseUrl: core.baseUrl, ...clientOptions, fetch: core.fetch }),
    handlers: () => createSandboxHandlers(router, core.baseUrl),
  });
}
