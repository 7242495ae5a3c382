import { SANDBOX_BASE_URL, SANDBOX_TOKEN } from '../core/base-url.js';
import { createControlHandler } from './control-routes.js';
import { fromCents } from './errors.js';
import { FaultQueue } from './faults.js';
import { listenSandbox } from './http-server.js';
import { createInProcessFetch } from './in-process.js';
import type { SandboxOptions } from './options.js';
import { RequestLog } from './request-log.js';
import { createRouter, type SandboxRouter } from './router.js';
import type { SandboxCore } from './sandbox-api.js';
import { SandboxStore } from './state.js';
import { forceStatus } from './state-card-settings.js';
import { decideAccess, setCustomerStatus } from './state-customers.js';
import { resolveDispute } from './state-disputes.js';
import { addTransaction, transactionView } from './state-funds.js';
import { seedStore } from './state-setup.js';
import { WebhookSender } from './webhooks.js';

/** The core sandbox plus the router the msw adapter needs. */
export interface SandboxInternals {
  core: SandboxCore;
  router: SandboxRouter;
}

/** One generation of the sandbox's state; `reset()` starts a new one. */
interface World {
  store: SandboxStore;
  faults: FaultQueue;
  router: SandboxRouter;
}

function buildWorld(options: SandboxOptions, token: string): World & ReturnType<typeof seedStore> {
  const store = new SandboxStore(options);
  const seeded = seedStore(store, options);
  const faults = new FaultQueue();
  faults.addAll(options.faults ?? []);
  const router = createRouter(store, faults, {
    token,
    quirks: options.quirks ?? true,
    honorIdempotencyKey: options.honorIdempotencyKey ?? true,
    latencyMs: options.latencyMs ?? 0,
  });
  return { store, faults, router, ...seeded };
}

/** Options that rebuild the same programs and budgets under the same ids, seeded or not. */
function sameIds(options: SandboxOptions, store: SandboxStore): SandboxOptions {
  if (options.seed !== undefined) return options;
  return {
    ...options,
    cardTypes: [...store.cardTypes.values()].map((t) => ({ ...t })),
    budgets: [...store.budgets.values()].map((b) => ({
      id: b.id,
      name: b.name,
      typeId: b.typeId,
      balance: fromCents(b.balanceCents),
    })),
  };
}

function checkedBaseUrl(value: string): string {
  const url = new URL(value);
  if (url.search || url.hash || url.username || url.password)
    throw new RangeError('The sandbox baseUrl must not carry a query, a fragment or credentials');
  return url.href.replace(/\/+$/, '');
}

/**
 * Builds a sandbox without the client or msw.
 *
 * @throws RangeError for an unknown fault kind in `options.faults` or a `baseUrl` that is no plain URL.
 */
export function createSandboxCore(options: SandboxOptions = {}): SandboxInternals {
  const token = options.token ?? SANDBOX_TOKEN;
  const baseUrl = checkedBaseUrl(options.baseUrl ?? SANDBOX_BASE_URL);
  const first = buildWorld(options, token);
  const rebuild = sameIds(options, first.store);
  let world: World = first;
  const log = new RequestLog();
  let count = 0;
  const webhooks = new WebhookSender(options.seed);
  const router: SandboxRouter = {
    handle: async (req) => {
      count += 1;
      const at = new Date().toISOString();
      const reply = await world.router.handle(req);
      log.add(req, req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path, reply, at);
      webhooks.observe(world.store);
      return reply;
    },
    refuse: (key, status) => world.router.refuse(key, status),
  };
  const store = (): SandboxStore => world.store;
  // A control call changes the state outside a request: the webhook sender looks after each one.
  const observed =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      const result = run(...args);
      webhooks.observe(world.store);
      return result;
    };

  const core: SandboxCore = {
    token,
    baseUrl,
    handle: router.handle,
    fetch: (input, init) => inProcess(input, init),
    listen: (listenOptions) => listenSandbox(router, control, listenOptions),
    faults: {
      next: (kind, faultOptions) => world.faults.add(kind, faultOptions),
      clear: () => world.faults.clear(),
      pending: () => world.faults.pending,
    },
    customers: {
      verify: observed((id) => setCustomerStatus(store(), id, 'active')),
      reject: observed((id, reasons) => setCustomerStatus(store(), id, 'rejected', reasons)),
      requestInformation: observed((id) => setCustomerStatus(store(), id, 'needs_information')),
      setStatus: observed((id, status, reasons) => setCustomerStatus(store(), id, status, reasons)),
    },
    access: {
      grant: observed((customerId, type, cardType) =>
        decideAccess(store(), customerId, type, 'granted', cardType !== undefined ? { cardType } : {}),
      ),
      reject: observed((customerId, type, reasons, cardType) =>
        decideAccess(store(), customerId, type, 'rejected', {
          ...(reasons !== undefined ? { reasons } : {}),
          ...(cardType !== undefined ? { cardType } : {}),
        }),
      ),
    },
    cards: {
      expire: observed((id) => forceStatus(store().card(id), 'expire')),
      block: observed((id) => forceStatus(store().card(id), 'block')),
      activationCode: (id) => store().card(id).physical?.activationCode,
    },
    disputes: {
      resolve: observed((id, status, response) => {
        resolveDispute(store(), id, status, response);
      }),
    },
    transactions: {
      add: observed((cardId, init) => Object.freeze(transactionView(addTransaction(store(), cardId, init)))),
    },
    webhooks: {
      subscribe: (url, faults) => webhooks.subscribe(world.store, url, faults),
      clear: () => webhooks.clear(),
      settled: () => webhooks.settled(),
    },
    state: () => store().snapshot(),
    requestCount: () => count,
    requests: () => log.entries(),
    reset: () => {
      world = buildWorld(rebuild, token);
      webhooks.clear();
      log.clear();
      count = 0;
    },
    cardTypeIds: Object.freeze(first.cardTypeIds),
    budgetIds: Object.freeze(first.budgetIds),
  };
  const control = createControlHandler(core);
  const inProcess = createInProcessFetch(router, control, baseUrl);
  return { core, router };
}
