import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_CLOCK } from '../../src/connection.js';
import {
  ConflictError,
  IdempotencyKeyReusedError,
  OutcomeUnknownError,
  RedirectError,
  RequestAbortedError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { CardsClient } from '../../src/index.js';
import { InsufficientFundsError } from '../../src/resources/domain-errors.js';
import { letLoopbackThroughMsw, type ScriptedServer, startScriptedServer } from '../helpers/http-server.js';
import { failure } from '../helpers/wire.js';
import { bankClient, FakeBank } from './fake-bank.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// One case (or more) per money-safety finding of the adversarial review, each asserting the
// outcome (class, attempts, what the bank applied). The node:http cases use the real undici sender.

const TOKEN = 'tok_findings_5f0c9a77e1d24b6f';
let srv: ScriptedServer;
beforeAll(async () => {
  srv = await startScriptedServer();
});
afterAll(() => srv.close());
beforeEach(() => letLoopbackThroughMsw());
afterEach(() => {
  srv.requests.length = 0;
});

function httpClient(options: Record<string, unknown> = {}): CardsClient {
  return new CardsClient({
    apiToken: TOKEN,
    baseUrl: `${srv.origin}/external/api`,
    timeoutMs: 300,
    ...options,
    [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
  } as never);
}

const OK = { status: 200, body: { status: 'success', message: 'Card has been topped up' } };

describe('1. a logger never changes an outcome', () => {
  it('resolves an applied top-up although logger.debug throws on the response event', async () => {
    srv.enqueue(OK);
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const logger = {
      debug: () => {
        throw new Error('sink full');
      },
      info() {},
      warn() {},
      error() {},
    };
    const client = httpClient({ logger, logLevel: 'debug' });
    await expect(client.funds.topUp('card_1', { amount: 5 })).resolves.toMatchObject({
      message: 'Card has been topped up',
    });
    expect(srv.requests).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('keeps the OutcomeUnknownError of a 500 although logger.error throws and logger.warn rejects', async () => {
    srv.enqueue({ status: 500, body: { status: 'error', message: 'boom' } });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const logger = {
      debug() {},
      info() {},
      warn: () => Promise.reject(new Error('x')),
      error: () => {
        throw new Error('down');
      },
    };
    const client = httpClient({ logger, retryUnknownOutcomes: false });
    const error = await failure(client.funds.topUp('card_1', { amount: 5 }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(srv.requests).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('3. a later definite error never hides an attempt that may have applied', () => {
  it('timeout (applied) then 400 Insufficient funds, retryUnknownOutcomes: OutcomeUnknownError caused by the 400', async () => {
    const bank = new FakeBank();
    bank.script('apply-then-hang', '400-insufficient');
    const error = await failure(
      bankClient(bank, { retryUnknownOutcomes: true }).funds.topUp('card_1', { amount: 5 }),
    );
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).attempts).toBe(2);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(InsufficientFundsError);
    expect(bank.applied.size).toBe(1);
  });

  it('a refused connection then a 400 stays a definite InsufficientFundsError: nothing can have applied', async () => {
    const bank = new FakeBank();
    bank.script('refuse-connect', '400-insufficient');
    const error = await failure(bankClient(bank).funds.topUp('card_1', { amount: 5 }));
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect(bank.requests).toHaveLength(2);
    expect(bank.applied.size).toBe(0);
  });
});

describe('4. a 3xx is never a refusal', () => {
  it.each([301, 302, 303, 307, 308])(
    'HTTP %i after a top-up: OutcomeUnknownError, not re-sent',
    async (status) => {
      srv.enqueue({ status, headers: { location: '/elsewhere' }, body: '' });
      const error = await failure(httpClient().funds.topUp('card_1', { amount: 5 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as OutcomeUnknownError).cause).toBeInstanceOf(RedirectError);
      expect(srv.requests).toHaveLength(1);
    },
  );

  it('HTTP 302 on a read and on a freeze: RedirectError naming the redirect, never followed', async () => {
    srv.enqueue(
      { status: 302, headers: { location: 'https://evil.example/' }, body: '' },
      { status: 307, body: '' },
    );
    const read = await failure(httpClient().funds.balance());
    expect(read).toBeInstanceOf(RedirectError);
    expect((read as RedirectError).message).toMatch(/redirect \(HTTP 302\)/);
    const freeze = await failure(httpClient().status.freeze('card_1'));
    expect(freeze).toBeInstanceOf(RedirectError);
    expect(srv.requests).toHaveLength(2);
  });
});

describe('5. the two meanings of 409', () => {
  it('a 409 on the SDK’s fresh key is a definite ConflictError with a hint to change the request', async () => {
    srv.enqueue({
      status: 409,
      body: { status: 'error', message: 'A dispute already exists for this transaction' },
    });
    const error = await failure(
      httpClient().disputes.create({
        cardId: 'card_1',
        transactionId: 'tx_1',
        textEvidence: 'I did not make this purchase at all.',
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect((error as ConflictError).hint).not.toMatch(/same idempotencyKey/i);
  });

  it('a fresh key after a 429 or a refused connection still counts as never reached', async () => {
    const bank = new FakeBank();
    bank.script('429', 'refuse-connect', '409-conflict');
    const error = await failure(bankClient(bank).funds.topUp('card_1', { amount: 5 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(bank.requests).toHaveLength(3);
  });

  it.each([
    ['A request with this key is in progress', /still being processed/],
    ['Top-up already exists', /already processed/],
    ['This operation was already processed', /already processed/],
  ])(
    'a 409 "%s" on the caller’s key: OutcomeUnknownError whose hint does not loop',
    async (message, hint) => {
      srv.enqueue({ status: 409, body: { status: 'error', message } });
      const client = httpClient({ retryUnknownOutcomes: false });
      const error = await failure(
        client.funds.topUp('card_1', { amount: 5 }, { idempotencyKey: 'order-1001' }),
      );
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as OutcomeUnknownError).hint).toMatch(hint);
      expect(srv.requests).toHaveLength(1);
    },
  );

  it.each([
    'Idempotency key already used for a different request',
    'idempotency-key reuse: payload does not match the original',
  ])(
    '"%s" on a call none of whose attempts may have applied: a definite IdempotencyKeyReusedError',
    async (message) => {
      srv.enqueue({ status: 422, body: { status: 'error', message } });
      const error = await failure(
        httpClient().funds.topUp('card_1', { amount: 5 }, { idempotencyKey: 'order-1002' }),
      );
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as IdempotencyKeyReusedError).hint).toMatch(/new idempotencyKey for each new operation/);
      expect(srv.requests).toHaveLength(1);
    },
  );
});

describe('6. an answer from another origin is never a success', () => {
  it('a redirect-following fetch’s 200 for a top-up: OutcomeUnknownError', async () => {
    const bank = new FakeBank();
    bank.script('apply-elsewhere-200');
    const error = await failure(bankClient(bank).funds.topUp('card_1', { amount: 5 }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(RedirectError);
  });

  it('a final URL on another origin for a read: RedirectError; an empty url counts as baseUrl’s origin', async () => {
    const elsewhere = async (): Promise<Response> => {
      const res = Response.json({ status: 'success', data: { eur: 1, usd: 2 } });
      Object.defineProperty(res, 'url', { value: 'https://evil.example/external/api/balance' });
      return res;
    };
    const base = { apiToken: TOKEN, baseUrl: 'https://api.example.test/external/api' };
    await expect(new CardsClient({ ...base, fetch: elsewhere }).funds.balance()).rejects.toBeInstanceOf(
      RedirectError,
    );
    const constructed = async (): Promise<Response> =>
      Response.json({ status: 'success', data: { eur: 1, usd: 2 } });
    await expect(new CardsClient({ ...base, fetch: constructed }).funds.balance()).resolves.toMatchObject({
      eur: 1,
    });
  });
});

describe('7. the SDK enforces timeoutMs and the signal whatever the fetch does', () => {
  const deaf = (): Promise<Response> => new Promise(() => undefined);

  it('times out a fetch that ignores the abort signal', async () => {
    const client = new CardsClient({
      apiToken: TOKEN,
      baseUrl: 'https://api.example.test/external/api',
      fetch: deaf,
      timeoutMs: 100,
      maxRetries: 0,
    });
    await expect(client.funds.balance()).rejects.toBeInstanceOf(TimeoutError);
  });

  it('aborts a call on such a fetch when the caller’s signal fires', async () => {
    const client = new CardsClient({
      apiToken: TOKEN,
      baseUrl: 'https://api.example.test/external/api',
      fetch: deaf,
      timeoutMs: 60_000,
    });
    const controller = new AbortController();
    const pending = client.funds.balance({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
  });
});

describe('8. local send failures are never "sent"', () => {
  it.each([
    ['userAgent with CR/LF', { userAgent: 'app/1\r\nx-evil: 1' }],
    ['a client header with NUL', { headers: { 'x-tenant': 'a\u0000b' } }],
    ['a non-Latin-1 header', { headers: { 'x-name': 'Zoë 🚀' } }],
    ['a header the SDK owns', { headers: { 'Idempotency-Key': 'k' } }],
    ['a framing header', { headers: { 'Transfer-Encoding': 'chunked' } }],
    ['a numeric token', { apiToken: 12345 }],
  ])('%s: ValidationError when the client is made', (_label, options) => {
    expect(() => httpClient(options)).toThrow(ValidationError);
  });

  it('a per-call header with a line break and a token function returning a control character: ValidationError, nothing sent', async () => {
    const e1 = await failure(
      httpClient().funds.topUp('card_1', { amount: 5 }, { headers: { 'x-trace': 'a\nb' } }),
    );
    expect(e1).toBeInstanceOf(ValidationError);
    const e2 = await failure(
      httpClient({ apiToken: () => 'tok\u0007' }).funds.topUp('card_1', { amount: 5 }),
    );
    expect(e2).toBeInstanceOf(ValidationError);
    expect(srv.requests).toHaveLength(0);
  });

  it('a missing token is an AuthenticationError naming apiToken and BFINANCE_API_TOKEN in its message', async () => {
    const error = await failure(httpClient({ apiToken: () => '' }).funds.balance());
    expect((error as Error).message).toMatch(/apiToken/);
    expect((error as Error).message).toMatch(/BFINANCE_API_TOKEN/);
  });

  it('UND_ERR_INVALID_ARG thrown by a caller fetch proves nothing: the top-up may have reached, re-sent with its key', async () => {
    let calls = 0;
    const refusing = async (): Promise<Response> => {
      calls++;
      throw Object.assign(new Error('invalid header'), { code: 'UND_ERR_INVALID_ARG' });
    };
    const client = new CardsClient({
      apiToken: TOKEN,
      baseUrl: 'https://api.example.test/external/api',
      fetch: refusing,
    });
    const money = await failure(client.funds.topUp('card_1', { amount: 5 }));
    expect(money).toBeInstanceOf(OutcomeUnknownError);
    expect((money as OutcomeUnknownError).cause).toMatchObject({ cause: { phase: 'sent' } });
    // bfinance de-duplicates card top-ups on the key, so the SDK re-sent it (1 + 2 retries).
    expect(calls).toBe(3);
  });
});

describe('12 (money side). a confirmed create is never "maybe"', () => {
  it('success envelope with data the schema refuses: ResponseValidationError applied: true, not re-sent', async () => {
    const bank = new FakeBank();
    bank.script('apply-then-bad-data');
    const error = await failure(
      bankClient(bank, { retryUnknownOutcomes: true }).funds.topUp('card_1', { amount: 5 }),
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).applied).toBe(true);
    expect((error as ResponseValidationError).hint).toMatch(/Do not re-send/);
    expect(bank.requests).toHaveLength(1);
  });
});
