import { FaultQueue } from './faults.js';
import { listenSandbox, type SandboxListenOptions, type SandboxServer } from './http-server.js';
import { createRouter, type SandboxHandler, type SandboxRouter } from './router.js';
import { SandboxStore } from './state.js';
import { forceStatus } from './state-card-settings.js';
import { decideAccess, setCustomerStatus } from './state-customers.js';
import { resolveDispute } from './state-disputes.js';
import { addTransaction, transactionView } from './state-funds.js';
import { type SandboxCardTypeIds, seedStore } from './state-setup.js';
import {
  DEFAULT_SANDBOX_TOKEN,
  type SandboxAccessType,
  type SandboxFaultKind,
  type SandboxFaultOptions,
  type SandboxOptions,
  type SandboxSnapshot,
  type SandboxTransaction,
  type SandboxTransactionInit,
} from './types.js';

/** Everything a sandbox offers except the msw handlers; what the CLI uses, so it never loads msw. */
export interface SandboxCore {
  /** The bearer token the sandbox accepts. */
  readonly token: string;
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
  /** Deep-frozen snapshot of the whole state, without card secrets. */
  state(): SandboxSnapshot;
  /** Requests that reached the router (0 when a client rejected its input locally). */
  requestCount(): number;
  /** Ids of the default-style programs. */
  readonly cardTypeIds: Readonly<SandboxCardTypeIds>;
  /** Ids of the seeded budgets. */
  readonly budgetIds: readonly string[];
}

/** The core sandbox plus the router the msw adapter needs. */
export interface SandboxInternals {
  core: SandboxCore;
  router: SandboxRouter;
}

/** Builds a sandbox without touching msw. */
export function createSandboxCore(options: SandboxOptions = {}): SandboxInternals {
  const store = new SandboxStore(options);
  const { cardTypeIds, budgetIds } = seedStore(store, options);
  const faults = new FaultQueue();
  faults.addAll(options.faults ?? []);
  const token = options.token ?? DEFAULT_SANDBOX_TOKEN;
  const inner = createRouter(store, faults, {
    token,
    quirks: options.quirks ?? true,
    honorIdempotencyKey: options.honorIdempotencyKey ?? true,
    latencyMs: options.latencyMs ?? 0,
  });
  let count = 0;
  const router: SandboxRouter = {
    handle: (req) => {
      count += 1;
      return inner.handle(req);
    },
    refuse: inner.refuse,
  };

  const core: SandboxCore = {
    token,
    handle: router.handle,
    listen: (listenOptions) => listenSandbox(router, listenOptions),
    faults: {
      next: (kind, faultOptions) => faults.add(kind, faultOptions),
      clear: () => faults.clear(),
      pending: () => faults.pending,
    },
    customers: {
      verify: (id) => setCustomerStatus(store, id, 'active'),
      reject: (id, reasons) => setCustomerStatus(store, id, 'rejected', reasons),
      requestInformation: (id) => setCustomerStatus(store, id, 'needs_information'),
    },
    access: {
      grant: (customerId, type, cardType) =>
        decideAccess(store, customerId, type, 'granted', cardType !== undefined ? { cardType } : {}),
      reject: (customerId, type, reasons, cardType) =>
        decideAccess(store, customerId, type, 'rejected', {
          ...(reasons !== undefined ? { reasons } : {}),
          ...(cardType !== undefined ? { cardType } : {}),
        }),
    },
    cards: {
      expire: (id) => forceStatus(store.card(id), 'expire'),
      block: (id) => forceStatus(store.card(id), 'block'),
      activationCode: (id) => store.card(id).physical?.activationCode,
    },
    disputes: {
      resolve: (id, status, response) => {
        resolveDispute(store, id, status, response);
      },
    },
    transactions: {
      add: (cardId, init) => Object.freeze(transactionView(addTransaction(store, cardId, init))),
    },
    state: () => store.snapshot(),
    requestCount: () => count,
    cardTypeIds: Object.freeze(cardTypeIds),
    budgetIds: Object.freeze(budgetIds),
  };
  return { core, router };
}
