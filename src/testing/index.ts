/**
 * A stateful in-memory bfinance for tests and demos: {@link createSandbox}, served as msw handlers
 * or as a real HTTP server on 127.0.0.1. Needs `msw` installed (an optional peer dependency).
 *
 * @module bfinance-cards/testing
 */
import { createSandboxHandlers, type SandboxMswHandlers } from './msw.js';
import { createSandboxCore, type SandboxCore } from './sandbox.js';
import { DEFAULT_SANDBOX_BASE_URL, type SandboxOptions } from './types.js';

export type { SandboxListenOptions, SandboxServer } from './http-server.js';
export { SANDBOX_MESSAGES, type SandboxMessageKey } from './messages.js';
export type { SandboxMswHandlers } from './msw.js';
export type { SandboxHandler } from './router.js';
export type {
  SandboxFaultInstruction,
  SandboxHttpResponse,
  SandboxReply,
  SandboxRequest,
} from './router-types.js';
export type { SandboxCore } from './sandbox.js';
export type { SandboxCardTypeIds } from './state-setup.js';
export {
  DEFAULT_SANDBOX_BASE_URL,
  DEFAULT_SANDBOX_TOKEN,
  SANDBOX_API_PREFIX,
  type SandboxAccessStatus,
  type SandboxAccessType,
  type SandboxBudgetInit,
  type SandboxBudgetSnapshot,
  type SandboxCardModel,
  type SandboxCardSnapshot,
  type SandboxCardStatus,
  type SandboxCardTypeInit,
  type SandboxCustomerSnapshot,
  type SandboxCustomerStatus,
  type SandboxDisputeSnapshot,
  type SandboxDisputeStatus,
  type SandboxFaultKind,
  type SandboxFaultMatch,
  type SandboxFaultOptions,
  type SandboxFaultSpec,
  type SandboxFeatureAccess,
  type SandboxLedgerEntry,
  type SandboxLedgerKind,
  type SandboxOptions,
  type SandboxSnapshot,
  type SandboxTransaction,
  type SandboxTransactionInit,
} from './types.js';

/** A stateful in-memory bfinance Cards API: msw handlers and a real HTTP server over one state. */
export interface Sandbox extends SandboxCore {
  /** msw 2 handlers for `${options.baseUrl}/*`; pass them to `server.use(...)` or `setupServer(...)`. */
  readonly handlers: SandboxMswHandlers;
}

/**
 * Creates a sandbox: an in-memory bfinance that speaks the real wire protocol, quirks included.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ seed: 1 });
 * const { url, close } = await sandbox.listen();
 * const res = await fetch(`${url}/cards/types`, { headers: { authorization: `Bearer ${sandbox.token}` } });
 * await close();
 * ```
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const { core, router } = createSandboxCore(options);
  const handlers = createSandboxHandlers(router, options.baseUrl ?? DEFAULT_SANDBOX_BASE_URL);
  return Object.freeze({ ...core, handlers });
}
