// Shared by the examples. They run against an in-process sandbox (`createSandbox().client()`: no
// socket, no token, no network) unless you ask for something else:
//   BFINANCE_SANDBOX_URL=http://127.0.0.1:4010/external/api   a running `bfinance-cards-sandbox`
//   BFINANCE_LIVE=1 with BFINANCE_API_TOKEN                    the live bfinance API
// A token in the environment alone never selects the live API.
import { CardsClient, type CardsClientOptions } from 'bfinance-cards';
import { createSandbox, SANDBOX_TOKEN, type Sandbox } from 'bfinance-cards/testing';

/** What bfinance, a cardholder or a merchant does, which the API itself cannot: sandboxes only. */
export interface Bfinance {
  /** bfinance's KYC decision: verifies the customer, `afterMs` from now. */
  verify(customerId: string, afterMs?: number): Promise<void>;
  /** bfinance's review of an access request: grants cards access for one program. */
  grantAccess(customerId: string, cardType: string): Promise<void>;
  /** A merchant charges the card (it moves the card's balance and can be disputed). */
  charge(cardId: string, charge: { amount: number; merchant: string }): Promise<void>;
}

/** Where an example connects, the ids it works with, and who plays bfinance's part. */
export interface Connection {
  client: CardsClient;
  mode: 'sandbox' | 'sandbox-http' | 'live';
  /** The in-process sandbox (for fault injection); undefined otherwise. */
  sandbox: Sandbox | undefined;
  /** bfinance's part in a sandbox (in-process or over HTTP); undefined against the live API. */
  bfinance: Bfinance | undefined;
  /** A program that allows name-only issuance (BFINANCE_TYPE_ID against the live API). */
  typeId: string;
  /** A program that needs a verified customer with cards access (BFINANCE_TYPE_ID live). */
  verifiedTypeId: string;
  /** A budget program and a budget (BFINANCE_BUDGET_TYPE_ID, BFINANCE_BUDGET_ID). */
  budgetTypeId: string;
  budgetId: string;
  close(): Promise<void>;
}

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The first line every example prints: where it runs, and whether the money is real. */
function announce(mode: Connection['mode'], where: string): void {
  console.log(
    mode === 'live'
      ? `LIVE: ${where}: real cards, real money`
      : `SANDBOX: ${where}: test cards, no real money`,
  );
}

function live(options: CardsClientOptions): Connection {
  const env = process.env;
  const apiToken = env.BFINANCE_API_TOKEN;
  if (!apiToken) throw new Error('BFINANCE_LIVE=1 needs BFINANCE_API_TOKEN');
  const baseUrl = env.BFINANCE_BASE_URL || 'https://business.bfinance.app/external/api';
  announce('live', `the bfinance API at ${baseUrl} (BFINANCE_LIVE=1)`);
  return {
    client: new CardsClient({ ...options, apiToken, baseUrl }),
    mode: 'live',
    sandbox: undefined,
    bfinance: undefined,
    typeId: env.BFINANCE_TYPE_ID ?? '',
    verifiedTypeId: env.BFINANCE_TYPE_ID ?? '',
    budgetTypeId: env.BFINANCE_BUDGET_TYPE_ID ?? '',
    budgetId: env.BFINANCE_BUDGET_ID ?? '',
    close: async () => {},
  };
}

/** A `bfinance-cards-sandbox` started elsewhere, driven through its control routes. */
async function overHttp(url: string, options: CardsClientOptions): Promise<Connection> {
  const apiToken = process.env.BFINANCE_SANDBOX_TOKEN || SANDBOX_TOKEN;
  const control = `${new URL(url).origin}/__sandbox`;
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${control}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const answer = (await res.json()) as { data?: unknown; message?: string };
    if (!res.ok) throw new Error(`${method} /__sandbox${path}: ${res.status} ${answer.message}`);
    return answer.data;
  };
  announce('sandbox-http', `the bfinance-cards-sandbox at ${url} (BFINANCE_SANDBOX_URL)`);
  const ids = (await send('GET', '/state')) as {
    cardTypeIds: { standalone: string; verified: string; budget: string };
    budgetIds: string[];
  };
  return {
    client: new CardsClient({ ...options, apiToken, baseUrl: url }),
    mode: 'sandbox-http',
    sandbox: undefined,
    bfinance: {
      verify: async (id, afterMs = 0) => {
        await later(afterMs);
        await send('POST', `/customers/${id}/verify`, { status: 'active' });
      },
      grantAccess: async (id, cardType) => {
        await send('POST', `/customers/${id}/access`, { status: 'granted', type: 'cards', cardType });
      },
      charge: async (cardId, charge) => {
        await send('POST', `/cards/${cardId}/transactions`, charge);
      },
    },
    typeId: ids.cardTypeIds.standalone,
    verifiedTypeId: ids.cardTypeIds.verified,
    budgetTypeId: ids.cardTypeIds.budget,
    budgetId: ids.budgetIds[0] ?? '',
    close: async () => {},
  };
}

/** Connects as described at the top of this file; `options` are any client options. */
export async function connect(options: CardsClientOptions = {}): Promise<Connection> {
  const env = process.env;
  if (env.BFINANCE_LIVE === '1') return live(options);
  if (env.BFINANCE_SANDBOX_URL) return overHttp(env.BFINANCE_SANDBOX_URL, options);
  announce('sandbox', 'the in-process sandbox (no network, no token)');
  if (env.BFINANCE_API_TOKEN)
    console.log('BFINANCE_API_TOKEN is set, BFINANCE_LIVE is not: using the sandbox');
  const sandbox = createSandbox({ seed: 7 });
  return {
    client: sandbox.client(options),
    mode: 'sandbox',
    sandbox,
    bfinance: {
      verify: async (id, afterMs = 0) => {
        await later(afterMs);
        sandbox.customers.verify(id);
      },
      grantAccess: async (id, cardType) => sandbox.access.grant(id, 'cards', cardType),
      charge: async (cardId, charge) => {
        sandbox.transactions.add(cardId, charge);
      },
    },
    typeId: sandbox.cardTypeIds.standalone,
    verifiedTypeId: sandbox.cardTypeIds.verified,
    budgetTypeId: sandbox.cardTypeIds.budget,
    budgetId: sandbox.budgetIds[0] ?? '',
    close: async () => {},
  };
}
