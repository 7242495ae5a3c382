import { CardsClient } from '../../src/client.js';
import { type CardsClientOptions, CLIENT_CLOCK } from '../../src/connection.js';

// An in-process bfinance stand-in for adversarial tests, reached through the client's `fetch`
// option (no socket, so fast-check can run hundreds of calls). Unlike the sandbox, every answer is
// scripted per attempt: each behaviour says what the server does with the request (apply it or
// not) and what comes back. The ledger de-duplicates on Idempotency-Key, as a careful bank would,
// and also counts how many times an applying attempt arrived, so "no money moves twice" can be
// checked against a server that ignores keys too.

/** Where fake responses come from: the client's baseUrl. */
export const BASE_URL = 'https://bank.adversarial.test/external/api';
const OTHER_ORIGIN = 'https://elsewhere.adversarial.test';

/** What the server does with one attempt. */
export type Behaviour =
  /** Applies it and answers `{"status":"success"}`. */
  | 'ok'
  /** Applies it; the answer never comes (the client times out). */
  | 'apply-then-hang'
  /** Applies it; the connection resets before the answer. */
  | 'apply-then-reset'
  /** Refuses the connection: nothing reached the server. */
  | 'refuse-connect'
  /** Applies it and answers 500 (the server failed after doing the work). */
  | 'apply-then-500'
  /** Does not apply it and answers 502 (a gateway in front failed). */
  | '502'
  /** Rate limit: nothing applied. */
  | '429'
  /** A definite refusal: nothing applied. */
  | '400-insufficient'
  /** Applies it and answers 303 See Other (the POST was processed). */
  | 'apply-then-303'
  /** Applies it at another origin: a redirect-following fetch reports that origin's 200. */
  | 'apply-elsewhere-200'
  /** 409: the same key is still in progress (only plausible after an attempt reached us). */
  | '409-in-progress'
  /** 409: a conflict with existing state (nothing applied by this request). */
  | '409-conflict'
  /** Applies it and answers success with data the schema refuses. */
  | 'apply-then-bad-data'
  /** Applies it and answers a 2xx that is not JSON. */
  | 'apply-then-garbage';

/** Behaviours after which the server holds this attempt's effect. */
export const APPLIES: ReadonlySet<Behaviour> = new Set([
  'ok',
  'apply-then-hang',
  'apply-then-reset',
  'apply-then-500',
  'apply-then-303',
  'apply-elsewhere-200',
  'apply-then-bad-data',
  'apply-then-garbage',
]);

/** Behaviours after which the request may have reached the server. */
export const REACHES: ReadonlySet<Behaviour> = new Set([
  ...APPLIES,
  '502',
  '400-insufficient',
  '409-in-progress',
  '409-conflict',
]);

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  key: string | undefined;
  behaviour: Behaviour;
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...extra },
  });
}

/** A Response as a redirect-following fetch returns it: `redirected`, final URL on another origin. */
function followed(body: unknown): Response {
  const res = json(200, body);
  Object.defineProperty(res, 'redirected', { value: true });
  Object.defineProperty(res, 'url', { value: `${OTHER_ORIGIN}/external/api/cards/x/topup` });
  return res;
}

/** fetch's failure as undici reports it: the socket error, with the system call that failed. */
function networkError(code: string, syscall: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code, syscall }) });
}

/** A scripted bank: `script[n]` is what attempt n+1 meets; later attempts meet the last entry. */
export class FakeBank {
  readonly requests: SeenRequest[] = [];
  /** Applied movements by key: de-duplicated (what a bank holds). */
  readonly applied = new Set<string>();
  /** How many attempts applied something, counting repeats of one key (a bank that ignores keys). */
  appliedAttempts = 0;
  #script: Behaviour[] = ['ok'];

  /** Sets what the next attempts meet. */
  script(...behaviours: Behaviour[]): void {
    this.#script = behaviours.length > 0 ? behaviours : ['ok'];
  }

  /** The `fetch` to hand to the client. */
  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    const key = headers.get('idempotency-key') ?? undefined;
    const behaviour = this.#script[Math.min(this.requests.length, this.#script.length - 1)] as Behaviour;
    this.requests.push({ method: init.method ?? 'GET', url: input, key, behaviour });
    if (init.method === 'GET')
      return json(200, { status: 'success', data: { id: 'card_1', status: 'active', transactions: [] } });
    if (APPLIES.has(behaviour)) {
      this.appliedAttempts += 1;
      this.applied.add(key ?? `no-key-${this.requests.length}`);
    }
    switch (behaviour) {
      case 'ok':
        return json(200, { status: 'success', message: 'Card has been topped up' });
      case 'apply-then-hang':
        return new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      case 'apply-then-reset':
        throw networkError('ECONNRESET', 'read');
      case 'refuse-connect':
        throw networkError('ECONNREFUSED', 'connect');
      case 'apply-then-500':
        return json(500, { status: 'error', message: 'Internal error' });
      case '502':
        return json(502, { status: 'error', message: 'Bad gateway' });
      case '429':
        return json(429, { status: 'error', message: 'Too many requests' }, { 'retry-after': '0' });
      case '400-insufficient':
        return json(400, { status: 'error', message: 'Insufficient funds on organization balance' });
      case 'apply-then-303':
        return new Response(null, { status: 303, headers: { location: '/external/api/cards/x' } });
      case 'apply-elsewhere-200':
        return followed({ status: 'success', message: 'Card has been topped up' });
      case '409-in-progress':
        return json(409, { status: 'error', message: 'A request with this Idempotency-Key is in progress' });
      case '409-conflict':
        return json(409, { status: 'error', message: 'Conflict with the current card state' });
      case 'apply-then-bad-data':
        return json(200, { status: 'success', data: { message: 42 } });
      case 'apply-then-garbage':
        return new Response('<html>ok</html>', { status: 200 });
    }
  };
}

/** A client on the fake bank: instant backoff, short timeouts, any extra option. */
export function bankClient(bank: FakeBank, options: Partial<CardsClientOptions> = {}): CardsClient {
  return new CardsClient({
    apiToken: 'tok_adversarial_0123456789',
    baseUrl: BASE_URL,
    fetch: bank.fetch,
    timeoutMs: 50,
    maxRetries: 2,
    ...options,
    [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
  } as CardsClientOptions);
}
