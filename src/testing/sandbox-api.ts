import type { SandboxListenOptions, SandboxServer } from './http-server.js';
import type { SandboxFaultOptions } from './options.js';
import type { SandboxRequestLogEntry } from './request-log.js';
import type { SandboxHandler } from './router.js';
import type { SandboxCardTypeIds } from './state-setup.js';
import type {
  SandboxAccessType,
  SandboxCustomerStatus,
  SandboxFaultKind,
  SandboxSnapshot,
  SandboxTransaction,
  SandboxTransactionInit,
} from './types.js';
import type { SandboxWebhookFaults } from './webhooks.js';

/** A `fetch` that answers from the sandbox's state, in-process: no socket, no msw. */
export type SandboxFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Everything a sandbox offers except the client and the msw handlers; what the CLI uses.
 *
 * The operations below are bfinance's and the cardholder's side of the API, which the API itself
 * does not offer; the HTTP server serves the same ones under `/__sandbox/` (the control routes).
 */
export interface SandboxCore {
  /** The bearer token the sandbox accepts (`SANDBOX_TOKEN` unless `token` was given). */
  readonly token: string;
  /** The API base `fetch` answers and the msw handlers intercept (`SANDBOX_BASE_URL` by default). */
  readonly baseUrl: string;
  /**
   * A `fetch` that answers requests under {@link baseUrl} (and the control routes under its origin's
   * `/__sandbox/`) from the sandbox's state, in-process; any other URL is refused, never sent.
   */
  readonly fetch: SandboxFetch;
  /** Starts a real HTTP server on 127.0.0.1 over this sandbox's state; call as often as needed. */
  listen(options?: SandboxListenOptions): Promise<SandboxServer>;
  /** The adapter-neutral request handler, for custom transports. */
  readonly handle: SandboxHandler;
  /** Fault injection: queued faults hit matching requests in order. */
  readonly faults: {
    /** Queues a fault for the next matching request(s). */
    next(kind: SandboxFaultKind, options?: SandboxFaultOptions): void;
    /** Drops every queued fault. */
    clear(): void;
    /** Uses left across the queued faults: 0 once every queued fault has hit a request. */
    pending(): number;
  };
  /** Decides customer verification, as bfinance's compliance team would. */
  readonly customers: {
    /** Verifies the customer (`active`). */
    verify(id: string): void;
    /** Rejects the customer, with the reasons the API will show. */
    reject(id: string, reasons: readonly string[]): void;
    /** Asks the customer for more information (`needs_information`). */
    requestInformation(id: string): void;
    /** Moves the customer's verification to any state, with reasons for `rejected`. */
    setStatus(id: string, status: SandboxCustomerStatus, reasons?: readonly string[]): void;
  };
  /** Decides product-access requests; with no open request one is created already decided. */
  readonly access: {
    /** Grants the customer access to a product (cards: for one program when `cardType` is given). */
    grant(customerId: string, type: SandboxAccessType, cardType?: string): void;
    /** Rejects the customer's access to a product. */
    reject(customerId: string, type: SandboxAccessType, reasons?: readonly string[], cardType?: string): void;
  };
  /** Card events that only bfinance or the card network cause. */
  readonly cards: {
    /** Expires the card. */
    expire(id: string): void;
    /** Blocks the card, as the issuer does after fraud. */
    block(id: string): void;
    /** The activation code printed on an ordered physical card; undefined before an order. */
    activationCode(id: string): string | undefined;
  };
  /** The dispute reviewer's decision; `accepted` refunds the disputed amount. */
  readonly disputes: {
    /** Closes a pending dispute with the reviewer's decision and optional response text. */
    resolve(id: string, status: 'accepted' | 'rejected' | 'closed', response?: string): void;
  };
  /** Merchant activity on a card. */
  readonly transactions: {
    /** Records a merchant transaction on the card: a purchase debits it (or is declined), a refund credits it. */
    add(cardId: string, init: SandboxTransactionInit): SandboxTransaction;
  };
  /**
   * bfinance's webhooks: after every request and control call, the sandbox POSTs an event to each
   * subscriber when a charge or top-up lands on a card, a card's or a customer's status changes or
   * an access request is decided. From 127.0.0.1, best effort (never retried), with the faults
   * asked for. Payload shapes are an inference [INF]: see `WebhookPayload` in `bfinance-cards/webhooks`.
   */
  readonly webhooks: {
    /**
     * POSTs every later event to `url`, dropping, duplicating and delaying deliveries as `faults` says.
     *
     * @throws RangeError for a URL that is not http(s) or a fault out of range.
     */
    subscribe(url: string, faults?: SandboxWebhookFaults): void;
    /** Drops every subscriber. */
    clear(): void;
    /** Resolves once every delivery sent so far has been answered or failed. */
    settled(): Promise<void>;
  };
  /** Deep-frozen snapshot of the whole state, without card secrets. */
  state(): SandboxSnapshot;
  /** Requests that reached the router (0 when a client rejected its input locally). */
  requestCount(): number;
  /** The request log, oldest first: method, path, status, idempotency key and time, never bodies. */
  requests(): readonly SandboxRequestLogEntry[];
  /**
   * Puts the sandbox back as `createSandbox(options)` left it: state, idempotency cache, queued
   * faults (those of `options.faults` again), request log and count. Programs and budgets keep their ids.
   */
  reset(): void;
  /** Ids of the default-style programs. */
  readonly cardTypeIds: Readonly<SandboxCardTypeIds>;
  /** Ids of the seeded budgets. */
  readonly budgetIds: readonly string[];
}
