import type {
  CardStatusEventData,
  CustomerStatusEventData,
  ProductAccessEventData,
  TransactionEventData,
  WebhookPayload,
} from '../webhooks/shapes.js';
import { fromCents } from './errors.js';
import { SandboxRandom } from './random.js';
import type { SandboxStore } from './state.js';

/** Faults of a webhook subscription: bfinance's deliveries are best effort. */
export interface SandboxWebhookFaults {
  /** Share of events never delivered, 0–1; default 0. */
  drop?: number;
  /** Share of delivered events sent twice (same bytes), 0–1; default 0. */
  duplicate?: number;
  /** Each delivery waits a random 0–`delayMs` ms, so deliveries arrive out of order; default 0. */
  delayMs?: number;
}

interface Subscription {
  url: string;
  faults: Required<SandboxWebhookFaults>;
}

/** What the sender last saw, to turn changes of the state into events. */
interface Seen {
  store: SandboxStore;
  transactions: number;
  ledger: number;
  cards: Map<string, string>;
  customers: Map<string, string>;
  access: Map<string, string>;
}

function look(store: SandboxStore): Seen {
  const access = new Map<string, string>();
  for (const c of store.customers.values()) for (const a of c.featuresAccess) access.set(a.id, a.status);
  return {
    store,
    transactions: store.transactions.length,
    ledger: store.ledgerRecords().length,
    cards: new Map([...store.cards.values()].map((c) => [c.id, c.status])),
    customers: new Map([...store.customers.values()].map((c) => [c.id, c.status])),
    access,
  };
}

/** Events for what changed from `before` to `now` [INF shapes, see src/webhooks/shapes.ts]. */
function changes(before: Seen, now: Seen): Array<Pick<WebhookPayload, 'type' | 'data'>> {
  const { store } = now;
  const out: Array<Pick<WebhookPayload, 'type' | 'data'>> = [];
  for (const t of store.transactions.slice(before.transactions)) {
    const data: TransactionEventData = {
      id: t.id,
      cardId: t.cardId,
      ...(t.budgetId !== undefined ? { budgetId: t.budgetId } : {}),
      amount: fromCents(t.amountCents),
      currency: t.currency,
      status: t.status,
      type: t.type,
      date: t.date,
    };
    out.push({ type: 'transaction', data });
  }
  for (const e of store.ledgerRecords().slice(before.ledger)) {
    if (e.kind !== 'topup' || e.cardId === undefined) continue;
    const data: TransactionEventData = {
      id: e.id,
      cardId: e.cardId,
      amount: fromCents(e.cents),
      currency: e.currency,
      status: 'completed',
      type: 'topup',
      date: e.at,
    };
    out.push({ type: 'transaction', data });
  }
  for (const [cardId, status] of now.cards) {
    const was = before.cards.get(cardId);
    if (was !== undefined && was !== status)
      out.push({ type: 'card.status', data: { cardId, status } satisfies CardStatusEventData });
  }
  for (const [customerId, status] of now.customers) {
    const was = before.customers.get(customerId);
    if (was !== undefined && was !== status)
      out.push({ type: 'customer.status', data: { customerId, status } satisfies CustomerStatusEventData });
  }
  for (const c of store.customers.values()) {
    for (const a of c.featuresAccess) {
      const decided = a.status === 'granted' || a.status === 'rejected';
      if (!decided || before.access.get(a.id) === a.status) continue;
      const data: ProductAccessEventData = {
        customerId: c.id,
        accessType: a.type,
        ...(a.cardType !== undefined ? { cardType: a.cardType } : {}),
        status: a.status,
      };
      out.push({ type: 'product-access', data });
    }
  }
  return out;
}

function fault(value: unknown, name: string, max: number): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= max))
    throw new RangeError(`${name} must be a number from 0 to ${max}`);
  return value;
}

/**
 * The sandbox's webhook sender: after every request and every control call it turns what changed
 * (a charge or top-up on a card, a card's or customer's status, a decided access request) into
 * events and POSTs each to every subscriber, best effort: a failed delivery is not retried.
 */
export class WebhookSender {
  readonly #random: SandboxRandom;
  #subscriptions: Subscription[] = [];
  #seen: Seen | undefined;
  readonly #inFlight = new Set<Promise<void>>();

  /** Seeds the fault dice and event ids from the sandbox's seed. */
  constructor(seed: number | string | undefined) {
    this.#random = new SandboxRandom(seed === undefined ? undefined : `${seed}/webhooks`);
  }

  /**
   * Adds a subscriber; events from now on are POSTed to `url`.
   *
   * @throws RangeError for a URL that is not http(s) or a fault out of range.
   */
  subscribe(store: SandboxStore, url: string, faults: SandboxWebhookFaults = {}): void {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new RangeError('The webhook url must be http or https');
    // What happened before the first subscription is not sent.
    if (this.#subscriptions.length === 0 || this.#seen?.store !== store) this.#seen = look(store);
    this.#subscriptions.push({
      url: parsed.href,
      faults: {
        drop: fault(faults.drop, 'drop', 1),
        duplicate: fault(faults.duplicate, 'duplicate', 1),
        delayMs: fault(faults.delayMs, 'delayMs', 60_000),
      },
    });
  }

  /** Drops every subscriber. */
  clear(): void {
    this.#subscriptions = [];
  }

  /** Resolves once every delivery sent so far has been answered or failed. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Compares the state with what was seen last and sends an event for each change. */
  observe(store: SandboxStore): void {
    if (this.#subscriptions.length === 0) return;
    const before = this.#seen;
    const now = look(store);
    this.#seen = now;
    if (before === undefined || before.store !== store) return;
    for (const change of changes(before, now)) {
      const body = JSON.stringify({ id: this.#random.id(), createdAt: store.now(), ...change });
      for (const subscription of this.#subscriptions) this.#deliver(subscription, body);
    }
  }

  #deliver({ url, faults }: Subscription, body: string): void {
    if (this.#random.fraction() < faults.drop) return;
    const copies = this.#random.fraction() < faults.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const wait = Math.floor(this.#random.fraction() * faults.delayMs);
      const sent = (async () => {
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'bfinance-cards-sandbox/webhooks' },
          body,
        });
        await response.arrayBuffer();
      })().catch(() => undefined);
      this.#inFlight.add(sent);
      void sent.finally(() => this.#inFlight.delete(sent));
    }
  }
}
