import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ConnectionError,
  isCardsError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitError,
  RequestAbortedError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { createFetchSender } from '../../src/core/http/fetch-sender.js';
import type { Sender } from '../../src/core/http/types.js';
import { createUndiciSender } from '../../src/core/http/undici-sender.js';
import { sleep } from '../../src/core/retry.js';
import { InsufficientFundsError } from '../../src/resources/domain-errors.js';
import {
  letLoopbackThroughMsw,
  type Reply,
  refusedPort,
  type ScriptedServer,
  type Step,
  startScriptedServer,
} from '../helpers/http-server.js';
import {
  caught,
  createSpec,
  type Harness,
  type HarnessOptions,
  makeTransport,
  OK,
  readSpec,
  stateSpec,
  UUID,
} from '../helpers/transport-harness.js';

const SENDERS: ReadonlyArray<readonly [string, () => Sender]> = [
  ['undici', () => createUndiciSender()],
  ['fetch', () => createFetchSender()],
];

let srv: ScriptedServer;

beforeEach(async () => {
  letLoopbackThroughMsw();
  srv = await startScriptedServer();
});

afterEach(async () => {
  await srv.close();
});

function against(
  sender: Sender,
  steps: Step[],
  options: Omit<HarnessOptions, 'baseUrl' | 'sender'> = {},
): Harness {
  srv.enqueue(...steps);
  return makeTransport({ baseUrl: `${srv.origin}/external/api`, sender, ...options });
}

/** Every attempt carried one and the same generated key, which the server saw too. */
function expectOneKey(h: Harness, attempts: number): string {
  const keys = h.keys();
  expect(keys).toHaveLength(attempts);
  const [first] = keys;
  expect(first).toMatch(UUID);
  expect(new Set(keys).size).toBe(1);
  return first as string;
}

function expectOutcomeUnknown(error: unknown, key: string, attempts: number): OutcomeUnknownError {
  expect(error).toBeInstanceOf(OutcomeUnknownError);
  const outcome = error as OutcomeUnknownError;
  expect(outcome.idempotencyKey).toBe(key);
  expect(outcome.attempts).toBe(attempts);
  expect(outcome.operation).toBe('funds.topUp');
  expect(outcome.hint).toContain('reconcile()');
  return outcome;
}

describe.each(SENDERS)('network faults with the %s sender', (_name, makeSender) => {
  describe('connection refused (the request provably never left)', () => {
    it('retries a read twice, then throws ConnectionError in phase connect', async () => {
      const h = makeTransport({ baseUrl: `http://127.0.0.1:${await refusedPort()}`, sender: makeSender() });
      const error = await caught(h.transport.request(readSpec()));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect((error as ConnectionError).cause).toEqual({ code: 'ECONNREFUSED', phase: 'connect' });
      expect((error as Error).message).toBe('cards.retrieve: the connection failed (ECONNREFUSED).');
      expect(h.attempts).toHaveLength(3);
      expect(h.delays).toEqual([250, 500]);
      expect(h.keys()).toEqual([undefined, undefined, undefined]);
    });

    it('retries a create call with the same Idempotency-Key and never calls it outcome-unknown', async () => {
      const h = makeTransport({ baseUrl: `http://127.0.0.1:${await refusedPort()}`, sender: makeSender() });
      const error = await caught(h.transport.request(createSpec()));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(OutcomeUnknownError);
      expectOneKey(h, 3);
    });

    it('keeps the caller’s key on every attempt', async () => {
      const h = makeTransport({ baseUrl: `http://127.0.0.1:${await refusedPort()}`, sender: makeSender() });
      await caught(h.transport.request(createSpec(), { idempotencyKey: 'order-42-topup' }));
      expect(h.keys()).toEqual(['order-42-topup', 'order-42-topup', 'order-42-topup']);
    });

    it('makes one attempt with maxRetries: 0', async () => {
      const h = makeTransport({
        baseUrl: `http://127.0.0.1:${await refusedPort()}`,
        sender: makeSender(),
        maxRetries: 0,
      });
      expect(await caught(h.transport.request(createSpec()))).toBeInstanceOf(ConnectionError);
      expectOneKey(h, 1);
      expect(h.delays).toEqual([]);
    });
  });

  describe('reset before the request is read', () => {
    it('retries a read until it succeeds', async () => {
      const h = against(makeSender(), ['reset-before-read', 'reset-before-read', OK]);
      await expect(h.transport.request(readSpec())).resolves.toEqual({ id: 'card_1', balance: 10 });
      expect(srv.requests).toHaveLength(3);
      expect(srv.requests.map((r) => r.url)).toEqual(Array(3).fill('/external/api/cards/card_1'));
    });

    it('gives up on a read after 3 attempts with a ConnectionError in phase sent', async () => {
      const h = against(makeSender(), ['reset-before-read', 'reset-before-read', 'reset-before-read']);
      const error = await caught(h.transport.request(readSpec()));
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as ConnectionError).cause).toMatchObject({ phase: 'sent' });
      expect(srv.requests).toHaveLength(3);
    });

    it('does not retry a create call: the request left, so the outcome is unknown', async () => {
      const h = against(makeSender(), ['reset-before-read', OK]);
      const error = await caught(h.transport.request(createSpec()));
      const key = expectOneKey(h, 1);
      expect(srv.idempotencyKeys()).toEqual([key]);
      const outcome = expectOutcomeUnknown(error, key, 1);
      expect(outcome.cause).toBeInstanceOf(ConnectionError);
      expect(srv.requests).toHaveLength(1);
    });
  });

  describe('reset after the request was read', () => {
    it('retries a state call, sending the same body again', async () => {
      const h = against(makeSender(), ['reset-after-read', OK]);
      await expect(h.transport.request(stateSpec())).resolves.toEqual({ id: 'card_1', balance: 10 });
      expect(srv.requests.map((r) => [r.method, r.url])).toEqual([
        ['POST', '/external/api/cards/card_1/freeze'],
        ['POST', '/external/api/cards/card_1/freeze'],
      ]);
      expect(srv.idempotencyKeys()).toEqual([undefined, undefined]);
    });

    it('turns a create call into OutcomeUnknownError after one attempt', async () => {
      const h = against(makeSender(), ['reset-after-read', OK]);
      const error = await caught(h.transport.request(createSpec()));
      const key = expectOneKey(h, 1);
      expectOutcomeUnknown(error, key, 1);
      expect(srv.requests).toHaveLength(1);
      expect(srv.requests[0]?.body).toBe('{"amount":10}');
    });

    it('retries a create call with the same key when retryUnknownOutcomes is on', async () => {
      const h = against(makeSender(), ['reset-after-read', OK], { retryUnknownOutcomes: true });
      await expect(h.transport.request(createSpec())).resolves.toEqual({ id: 'card_1', balance: 10 });
      const key = expectOneKey(h, 2);
      expect(srv.idempotencyKeys()).toEqual([key, key]);
    });
  });

  describe('stalls past the timeout', () => {
    it('times out a stalled body on every attempt of a read: TimeoutError after 3 attempts', async () => {
      const h = against(makeSender(), ['stall', 'stall', 'stall'], { timeoutMs: 150 });
      const started = Date.now();
      const error = await caught(h.transport.request(readSpec()));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as TimeoutError).message).toContain('150 ms');
      expect(srv.requests).toHaveLength(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 140);
    });

    it('recovers a read when the next attempt answers', async () => {
      const h = against(makeSender(), ['hang', OK], { timeoutMs: 150 });
      await expect(h.transport.request(readSpec())).resolves.toEqual({ id: 'card_1', balance: 10 });
      expect(srv.requests).toHaveLength(2);
    });

    it('turns a stalled create call into OutcomeUnknownError carrying the TimeoutError', async () => {
      const h = against(makeSender(), ['stall', OK], { timeoutMs: 150 });
      const error = await caught(h.transport.request(createSpec()));
      const outcome = expectOutcomeUnknown(error, expectOneKey(h, 1), 1);
      expect(outcome.cause).toBeInstanceOf(TimeoutError);
      expect(srv.requests).toHaveLength(1);
    });

    it('honours a per-call timeoutMs', async () => {
      const h = against(makeSender(), ['hang'], { timeoutMs: 60_000, maxRetries: 0 });
      const error = await caught(h.transport.request(readSpec(), { timeoutMs: 100 }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toContain('100 ms');
    });
  });

  describe('abort mid-flight', () => {
    it('stops a read at once, without retrying', async () => {
      const h = against(makeSender(), ['hang', OK]);
      const controller = new AbortController();
      const call = caught(h.transport.request(readSpec(), { signal: controller.signal }));
      await srv.waitForRequests(1);
      controller.abort();
      const error = await call;
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as RequestAbortedError).message).toContain('in flight');
      expect(srv.requests).toHaveLength(1);
      expect(h.attempts).toHaveLength(1);
    });

    it('stops while the body streams in', async () => {
      const h = against(makeSender(), ['stall', OK]);
      const controller = new AbortController();
      const call = caught(h.transport.request(readSpec(), { signal: controller.signal }));
      await srv.waitForRequests(1);
      await sleep(50);
      controller.abort();
      expect(await call).toBeInstanceOf(RequestAbortedError);
      expect(srv.requests).toHaveLength(1);
    });

    it('reports an aborted create call as outcome-unknown (it may have been applied)', async () => {
      const h = against(makeSender(), ['hang']);
      const controller = new AbortController();
      const call = caught(h.transport.request(createSpec(), { signal: controller.signal }));
      await srv.waitForRequests(1);
      controller.abort();
      const outcome = expectOutcomeUnknown(await call, expectOneKey(h, 1), 1);
      expect(outcome.cause).toBeInstanceOf(RequestAbortedError);
    });
  });
});

describe('response faults (undici sender)', () => {
  const sender = createUndiciSender();

  it('does not retry malformed JSON on a read: ResponseValidationError invalid_json', async () => {
    const h = against(sender, [{ status: 200, body: '{"status":"success","data":{"id":' }, OK]);
    const error = await caught(h.transport.request(readSpec()));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([{ path: '', code: 'invalid_json' }]);
    expect((error as ResponseValidationError).status).toBe(200);
    // The issue list sits in parentheses: the body is named without a second pair.
    expect((error as Error).message).toMatch(/\(body: invalid_json\)\.$/);
    expect(srv.requests).toHaveLength(1);
  });

  it('calls an empty 200 body empty_body', async () => {
    const h = against(sender, [{ status: 200, body: '' }]);
    const error = await caught(h.transport.request(readSpec()));
    expect((error as ResponseValidationError).issues).toEqual([{ path: '', code: 'empty_body' }]);
  });

  it('turns malformed JSON on a create call into OutcomeUnknownError, even with retryUnknownOutcomes', async () => {
    const h = against(sender, [{ status: 200, body: '<html>proxy</html>' }, OK], {
      retryUnknownOutcomes: true,
    });
    const error = await caught(h.transport.request(createSpec()));
    const outcome = expectOutcomeUnknown(error, expectOneKey(h, 1), 1);
    expect(outcome.cause).toBeInstanceOf(ResponseValidationError);
    expect(srv.requests).toHaveLength(1);
  });

  it.each([
    ['with Content-Length', false],
    ['chunked', true],
  ])('rejects an oversized body (%s) without retrying a read', async (_label, chunked) => {
    const h = against(sender, [{ oversized: 8 * 1024, chunked }, OK], { maxResponseBytes: 1024 });
    const error = await caught(h.transport.request(readSpec()));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([{ path: '', code: 'too_large' }]);
    expect(srv.requests).toHaveLength(1);
  });

  it('turns an oversized body of a create call into OutcomeUnknownError', async () => {
    const h = against(sender, [{ oversized: 8 * 1024 }], { maxResponseBytes: 1024 });
    const error = await caught(h.transport.request(createSpec()));
    expectOutcomeUnknown(error, expectOneKey(h, 1), 1);
  });

  it('retries a truncated body on a read', async () => {
    const h = against(sender, ['truncated', OK]);
    await expect(h.transport.request(readSpec())).resolves.toEqual({ id: 'card_1', balance: 10 });
    expect(srv.requests).toHaveLength(2);
  });

  it('turns a truncated body of a create call into OutcomeUnknownError', async () => {
    const h = against(sender, ['truncated', OK]);
    const error = await caught(h.transport.request(createSpec()));
    const outcome = expectOutcomeUnknown(error, expectOneKey(h, 1), 1);
    expect(outcome.cause).toBeInstanceOf(ConnectionError);
  });

  it('truncated bodies of a fetch-sent read are retried too', async () => {
    const h = against(createFetchSender(), ['truncated', 'truncated', 'truncated']);
    const error = await caught(h.transport.request(readSpec()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toMatchObject({ phase: 'sent' });
    expect(srv.requests).toHaveLength(3);
  });
});

describe('429 and Retry-After', () => {
  const sender = createUndiciSender();
  const tooMany = (retryAfter?: string): Step => ({
    status: 429,
    headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    body: { status: 'error', message: 'Too many requests' },
  });

  it('waits Retry-After seconds (1 → 1000 ms) before retrying a read', async () => {
    const h = against(sender, [tooMany('1'), OK]);
    await expect(h.transport.request(readSpec())).resolves.toMatchObject({ id: 'card_1' });
    expect(h.delays).toEqual([1000]);
    expect(srv.requests).toHaveLength(2);
  });

  it('waits until an HTTP-date less than 60 s away', async () => {
    const h = against(sender, [tooMany(new Date(Date.now() + 30_000).toUTCString()), OK]);
    await h.transport.request(readSpec());
    expect(h.delays).toHaveLength(1);
    expect(h.delays[0]).toBeGreaterThan(28_000);
    expect(h.delays[0]).toBeLessThanOrEqual(30_000);
  });

  it('retries at once for an HTTP-date in the past', async () => {
    const h = against(sender, [tooMany(new Date(Date.now() - 3_600_000).toUTCString()), OK]);
    await h.transport.request(readSpec());
    expect(h.delays).toEqual([0]);
  });

  it.each([
    ['seconds', '120'],
    ['an HTTP-date', new Date(Date.now() + 3_600_000).toUTCString()],
    ['garbage', 'soon'],
  ])(
    'falls back to its own backoff for a Retry-After in %s over 60 s or unparseable',
    async (_label, value) => {
      const h = against(sender, [tooMany(value), tooMany(value), OK]);
      await h.transport.request(readSpec());
      expect(h.delays).toEqual([250, 500]);
    },
  );

  it('retries a create call on 429 with the same key, and it succeeds', async () => {
    const h = against(sender, [tooMany('1'), tooMany('2'), OK]);
    await expect(h.transport.request(createSpec())).resolves.toMatchObject({ balance: 10 });
    const key = expectOneKey(h, 3);
    expect(srv.idempotencyKeys()).toEqual([key, key, key]);
    expect(h.delays).toEqual([1000, 2000]);
  });

  it('surfaces RateLimitError (not outcome-unknown) when 429 persists on a create call', async () => {
    const h = against(sender, [tooMany('1'), tooMany('1'), tooMany('1')]);
    const error = await caught(h.transport.request(createSpec()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect((error as RateLimitError).status).toBe(429);
    expect(srv.requests).toHaveLength(3);
  });
});

describe('HTTP statuses by operation class', () => {
  const sender = createUndiciSender();
  const fail = (status: number, message = 'Something failed'): Reply => ({
    status,
    body: { status: 'error', message, errorId: `err-${status}` },
  });

  it('retries a read through 500 and 502, then succeeds', async () => {
    const h = against(sender, [fail(500), fail(502), OK]);
    await expect(h.transport.request(readSpec())).resolves.toMatchObject({ id: 'card_1' });
    expect(srv.requests).toHaveLength(3);
    expect(h.delays).toEqual([250, 500]);
  });

  it('retries a state call through 503 and 504, then succeeds', async () => {
    const h = against(sender, [fail(503), fail(504), OK]);
    await expect(h.transport.request(stateSpec())).resolves.toMatchObject({ id: 'card_1' });
    expect(srv.requests).toHaveLength(3);
  });

  it('honours Retry-After on a 503', async () => {
    const h = against(sender, [{ ...fail(503), headers: { 'retry-after': '2' } }, OK]);
    await h.transport.request(readSpec());
    expect(h.delays).toEqual([2000]);
  });

  it('retries a read on 408', async () => {
    const h = against(sender, [fail(408), OK]);
    await h.transport.request(readSpec());
    expect(srv.requests).toHaveLength(2);
  });

  it('surfaces the last ServerError once a read runs out of retries', async () => {
    const h = against(sender, [fail(503), fail(503), fail(500)]);
    const error = await caught(h.transport.request(readSpec()));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(500);
    expect((error as ServerError).errorId).toBe('err-500');
    expect(srv.requests).toHaveLength(3);
  });

  it('honours maxRetries: 0 in the config and per call', async () => {
    const h = against(sender, [fail(503), fail(503), OK], { maxRetries: 0 });
    expect(await caught(h.transport.request(readSpec()))).toBeInstanceOf(ServerError);
    expect(srv.requests).toHaveLength(1);
    const h2 = against(sender, [], { maxRetries: 2 });
    expect(await caught(h2.transport.request(readSpec(), { maxRetries: 0 }))).toBeInstanceOf(ServerError);
    expect(srv.requests).toHaveLength(2);
  });

  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
    [409, 'ConflictError'],
    [422, 'UnprocessableEntityError'],
  ])('does not retry a read on %i (%s)', async (status, name) => {
    const h = against(sender, [fail(status), OK]);
    const error = await caught(h.transport.request(readSpec()));
    expect((error as Error).name).toBe(name);
    expect(srv.requests).toHaveLength(1);
  });

  it.each([500, 502, 503, 504, 408])('turns %i on a create call into OutcomeUnknownError', async (status) => {
    const h = against(sender, [fail(status), OK]);
    const error = await caught(h.transport.request(createSpec()));
    const outcome = expectOutcomeUnknown(error, expectOneKey(h, 1), 1);
    expect((outcome.cause as { status?: number }).status).toBe(status);
    expect(srv.requests).toHaveLength(1);
  });

  it('keeps a definite 4xx of a create call: 400 insufficient funds → InsufficientFundsError', async () => {
    const h = against(sender, [fail(400, 'Insufficient funds on organization balance'), OK]);
    const error = await caught(h.transport.request(createSpec()));
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    const funds = error as InsufficientFundsError;
    expect(funds.status).toBe(400);
    expect(funds.errorId).toBe('err-400');
    expect(funds.message).toBe('funds.topUp failed (HTTP 400): Insufficient funds on organization balance');
    expect(srv.requests).toHaveLength(1);
  });

  it('keeps a 404 of a create call as NotFoundError', async () => {
    const h = against(sender, [fail(404, 'Card not found')]);
    expect(await caught(h.transport.request(createSpec()))).toBeInstanceOf(NotFoundError);
  });

  it('retries 5xx of a create call with one key when retryUnknownOutcomes is on', async () => {
    const h = against(sender, [fail(500), fail(503), OK], { retryUnknownOutcomes: true });
    await expect(h.transport.request(createSpec())).resolves.toMatchObject({ balance: 10 });
    const key = expectOneKey(h, 3);
    expect(srv.idempotencyKeys()).toEqual([key, key, key]);
  });

  it('turns 409 on a create call with the caller’s key into OutcomeUnknownError', async () => {
    const h = against(sender, [fail(409), OK]);
    const error = await caught(h.transport.request(createSpec(), { idempotencyKey: 'order-77' }));
    const outcome = expectOutcomeUnknown(error, 'order-77', 1);
    expect((outcome.cause as { status?: number }).status).toBe(409);
    expect(srv.requests).toHaveLength(1);
  });

  it('keeps a 409 on the SDK’s own fresh key as a definite ConflictError: nobody else can hold that key', async () => {
    const h = against(sender, [fail(409, 'A dispute already exists for this transaction'), OK]);
    const error = await caught(h.transport.request(createSpec()));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(srv.requests).toHaveLength(1);
  });

  it('does not re-send a 409 "in progress" without de-duplication, but reports the unknown outcome', async () => {
    const h = against(sender, [fail(409, 'Request in progress'), OK], { retryUnknownOutcomes: false });
    const error = await caught(h.transport.request(createSpec(), { idempotencyKey: 'order-78' }));
    const outcome = expectOutcomeUnknown(error, 'order-78', 1);
    expect(outcome.cause).toBeInstanceOf(ConflictError);
    expect(outcome.hint).toMatch(/still being processed/);
  });

  it('re-sends a 409 "in progress" with the same key when the server de-duplicates', async () => {
    const h = against(sender, [fail(409, 'Request in progress'), OK], { retryUnknownOutcomes: true });
    await h.transport.request(createSpec(), { idempotencyKey: 'order-79' });
    expect(h.keys()).toEqual(['order-79', 'order-79']);
  });

  it('reports the attempts made when a create call fails after retrying on 429', async () => {
    const h = against(sender, [{ status: 429, body: '' }, fail(502)]);
    const error = await caught(h.transport.request(createSpec()));
    expectOutcomeUnknown(error, expectOneKey(h, 2), 2);
  });
});

describe('idempotency keys across logical calls', () => {
  const sender = createUndiciSender();

  it('gives two create calls distinct keys, each reused on its own retries', async () => {
    const tooMany: Step = { status: 429, headers: { 'retry-after': '0' }, body: '' };
    const h = against(sender, [tooMany, OK, tooMany, OK]);
    await h.transport.request(createSpec());
    await h.transport.request(createSpec());
    const [a1, a2, b1, b2] = srv.idempotencyKeys();
    expect(a1).toMatch(UUID);
    expect(b1).toMatch(UUID);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
    expect(b1).not.toBe(a1);
  });

  it.each([
    ['a line break', 'key\r\nx-evil: 1'],
    ['a space', 'order 42'],
    ['non-ASCII', 'заказ-42'],
    ['nothing', ''],
  ])(
    'refuses a caller key with %s before sending, rather than calling it outcome-unknown',
    async (_label, key) => {
      for (const make of [createUndiciSender, createFetchSender]) {
        const h = against(make(), [OK]);
        const error = await caught(h.transport.request(createSpec(), { idempotencyKey: key }));
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: 'idempotencyKey', rule: 'format' });
        expect(h.attempts).toHaveLength(0);
      }
      expect(srv.requests).toHaveLength(0);
    },
  );

  it('sends no key on reads and state calls unless the caller gives one', async () => {
    const h = against(sender, [OK, OK, OK]);
    await h.transport.request(readSpec());
    await h.transport.request(stateSpec());
    await h.transport.request(stateSpec(), { idempotencyKey: 'freeze-1' });
    expect(srv.idempotencyKeys()).toEqual([undefined, undefined, 'freeze-1']);
  });
});

describe('abort outside the attempt', () => {
  const sender = createUndiciSender();

  it('sends nothing when the signal is already aborted', async () => {
    const h = against(sender, [OK]);
    const error = await caught(h.transport.request(createSpec(), { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(srv.requests).toHaveLength(0);
  });

  it('sends nothing when the signal fires while an async token source runs', async () => {
    const controller = new AbortController();
    const h = against(sender, [OK], {
      token: async () => {
        controller.abort();
        return 'rotated-token-value';
      },
    });
    const error = await caught(h.transport.request(readSpec(), { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(srv.requests).toHaveLength(0);
  });

  it('stops retrying when the signal fires during the backoff wait (real sleep)', async () => {
    const controller = new AbortController();
    srv.enqueue({ status: 503, headers: { 'retry-after': '5' }, body: '' }, OK);
    const h = makeTransport({ baseUrl: srv.origin, sender, sleep });
    const started = Date.now();
    const call = caught(h.transport.request(readSpec(), { signal: controller.signal }));
    await srv.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(srv.requests).toHaveLength(1);
  });

  it('does not send the next attempt when the signal fired during an injected backoff', async () => {
    const controller = new AbortController();
    const h = against(sender, [{ status: 503, body: '' }, OK], {
      sleep: async () => {
        controller.abort();
      },
    });
    const error = await caught(h.transport.request(readSpec(), { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(srv.requests).toHaveLength(1);
  });
});

describe('every failure is a CardsError', () => {
  it.each<[string, Step]>([
    ['reset-before-read', 'reset-before-read'],
    ['reset-after-read', 'reset-after-read'],
    ['truncated', 'truncated'],
    ['malformed', { status: 200, body: '{' }],
    ['wrong shape', { status: 200, body: { status: 'success', data: { id: 1 } } }],
    ['html 502', { status: 502, body: '<html>Bad gateway</html>' }],
  ])('%s', async (_label, step) => {
    const h = against(createUndiciSender(), []);
    for (const spec of [readSpec(), createSpec()]) {
      srv.enqueue(step, step, step);
      const error = await caught(h.transport.request(spec));
      expect(isCardsError(error)).toBe(true);
      expect((error as { hint?: unknown }).hint).toEqual(expect.any(String));
    }
  });
});
