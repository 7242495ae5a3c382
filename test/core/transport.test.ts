import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ResponseValidationError,
  ValidationError,
} from '../../src/core/errors.js';
import { createFetchSender } from '../../src/core/http/fetch-sender.js';
import { path } from '../../src/core/path.js';
import * as z from '../../src/core/reader.js';
import { actionResult } from '../../src/core/schema.js';
import type { RequestSpec } from '../../src/core/spec.js';
import { CardStateError } from '../../src/resources/domain-errors.js';
import { server } from '../helpers/msw.js';
import {
  caught,
  createSpec,
  type HarnessOptions,
  item,
  makeTransport,
  readSpec,
  stateSpec,
  TOKEN,
} from '../helpers/transport-harness.js';

const BASE = 'https://api.example.test/external/api';

function transport(options: Omit<HarnessOptions, 'baseUrl' | 'sender'> = {}) {
  return makeTransport({ baseUrl: BASE, sender: createFetchSender(), ...options });
}

/** Answers GET /cards/card_1 with `body` (JSON) and `status`, and counts the calls. */
function answer(body: unknown, status = 200): { calls: () => number } {
  let calls = 0;
  server.use(
    http.get(`${BASE}/cards/card_1`, () => {
      calls++;
      return HttpResponse.json(body as Record<string, unknown>, { status });
    }),
  );
  return { calls: () => calls };
}

describe('envelope handling', () => {
  it('unwraps {status: "success", data}', async () => {
    answer({ status: 'success', data: { id: 'card_1', balance: 12.5 } });
    await expect(transport().transport.request(readSpec())).resolves.toEqual({ id: 'card_1', balance: 12.5 });
  });

  it('takes a bare card object whose own status is "active" as the data', async () => {
    answer({ id: 'card_1', status: 'active', balance: 3 });
    const spec: RequestSpec<{ id: string; status: string }> = {
      ...readSpec(),
      schema: z.object({ id: z.string(), status: z.string() }),
    };
    await expect(transport().transport.request(spec)).resolves.toEqual({ id: 'card_1', status: 'active' });
  });

  it('unwraps a success that carries only a message into { message }', async () => {
    server.use(
      http.post(`${BASE}/cards/card_1/freeze`, () =>
        HttpResponse.json({ status: 'success', message: 'Card has been frozen' }),
      ),
    );
    const spec = { ...stateSpec(), schema: actionResult() };
    await expect(transport().transport.request(spec)).resolves.toEqual({ message: 'Card has been frozen' });
  });

  it('turns {status: "error"} inside HTTP 200 into a typed ApiError that keeps status 200, without retrying', async () => {
    const counter = answer({ status: 'error', message: 'Card is frozen', errorId: 'e-77' });
    const error = await caught(transport().transport.request(readSpec()));
    expect(error).toBeInstanceOf(CardStateError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(200);
    expect((error as ApiError).errorId).toBe('e-77');
    expect((error as ApiError).message).toContain('Card is frozen');
    expect(counter.calls()).toBe(1);
  });

  it('does not make an error of a 200 error envelope for a create call into an unknown outcome', async () => {
    server.use(
      http.post(`${BASE}/cards/card_1/topup`, () =>
        HttpResponse.json({ status: 'error', message: 'Insufficient funds on organization balance' }),
      ),
    );
    const error = await caught(transport().transport.request(createSpec()));
    expect((error as Error).name).toBe('InsufficientFundsError');
    expect((error as ApiError).status).toBe(200);
  });

  it('lists field paths and issue codes of a schema mismatch, never the values', async () => {
    answer({ status: 'success', data: { id: 'card_SECRETVALUE', balance: 'SECRET-BALANCE' } });
    const spec: RequestSpec<unknown> = {
      ...readSpec(),
      schema: z.object({ id: z.number(), balance: z.number(), holder: z.object({ name: z.string() }) }),
    };
    const error = await caught(transport().transport.request(spec));
    expect(error).toBeInstanceOf(ResponseValidationError);
    const invalid = error as ResponseValidationError;
    expect(invalid.issues).toEqual([
      { path: 'id', code: 'invalid_type' },
      { path: 'balance', code: 'invalid_type' },
      { path: 'holder', code: 'invalid_type' },
    ]);
    expect(invalid.status).toBe(200);
    expect(invalid.message).toContain('id: invalid_type');
    for (const text of [invalid.message, JSON.stringify(invalid), String(invalid)]) {
      expect(text).not.toContain('SECRET');
    }
  });

  it('reports nested paths with dots', async () => {
    answer({ status: 'success', data: { id: 'card_1', balance: 1, cardHolder: { firstName: 7 } } });
    const spec: RequestSpec<unknown> = {
      ...readSpec(),
      schema: z.object({ cardHolder: z.object({ firstName: z.string() }) }),
    };
    const error = (await caught(transport().transport.request(spec))) as ResponseValidationError;
    expect(error.issues).toEqual([{ path: 'cardHolder.firstName', code: 'invalid_type' }]);
  });

  it('uses "HTTP <status>" when an error body has no message', async () => {
    answer({ oops: true }, 404);
    const error = (await caught(transport().transport.request(readSpec()))) as ApiError;
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe('cards.retrieve failed (HTTP 404): HTTP 404');
  });

  it('takes the request id from x-request-id', async () => {
    server.use(
      http.get(`${BASE}/cards/card_1`, () =>
        HttpResponse.json(
          { status: 'error', message: 'nope' },
          { status: 400, headers: { 'x-request-id': 'rq-1' } },
        ),
      ),
    );
    const error = (await caught(transport().transport.request(readSpec()))) as ApiError;
    expect(error.requestId).toBe('rq-1');
  });
});

describe('request building', () => {
  it('sends the bearer token, JSON headers, user agent, extra headers, query and body', async () => {
    let seen: Request | undefined;
    let body: unknown;
    server.use(
      http.post(`${BASE}/cards/:id/topup`, async ({ request }) => {
        seen = request;
        body = await request.json();
        return HttpResponse.json({ status: 'success', data: { id: 'card_1', balance: 20 } });
      }),
    );
    const h = transport({ headers: { 'X-Tenant': 'acme' } });
    const spec: RequestSpec<unknown> = {
      ...createSpec('card/1?x'),
      query: { page: 2, limit: undefined, q: 'a b' },
    };
    await h.transport.request(spec, { headers: { 'X-Trace': 't-1' }, idempotencyKey: 'key-1' });
    expect(seen).toBeDefined();
    const request = seen as Request;
    const url = new URL(request.url);
    expect(url.pathname).toBe('/external/api/cards/card%2F1%3Fx/topup');
    expect(url.search).toBe('?page=2&q=a+b');
    expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('user-agent')).toBe('bfinance-cards-test');
    expect(request.headers.get('x-tenant')).toBe('acme');
    expect(request.headers.get('x-trace')).toBe('t-1');
    expect(request.headers.get('idempotency-key')).toBe('key-1');
    expect(body).toEqual({ amount: 10 });
  });

  it('asks a token function for the token on every call (rotation)', async () => {
    const seen: Array<string | null> = [];
    server.use(
      http.get(`${BASE}/cards/card_1`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ id: 'card_1', balance: 1 });
      }),
    );
    let n = 0;
    const h = transport({ token: () => `rotating-token-${++n}` });
    await h.transport.request(readSpec());
    await h.transport.request(readSpec());
    expect(seen).toEqual(['Bearer rotating-token-1', 'Bearer rotating-token-2']);
    expect([...h.secrets]).toEqual(['rotating-token-1', 'rotating-token-2']);
  });

  it.each([
    ['Authorization', { Authorization: 'Bearer attacker' }],
    ['idempotency-key', { 'Idempotency-Key': 'k' }],
    ['host', { host: 'evil.example' }],
    ['content-length', { 'Content-Length': '0' }],
    ['transfer-encoding', { 'transfer-encoding': 'chunked' }],
  ])('refuses a client or per-call %s header instead of silently overriding it', async (_name, headers) => {
    expect(() => transport({ headers })).toThrow(ValidationError);
    const h = transport();
    const error = await caught(h.transport.request(readSpec(), { headers }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).rule).toBe('reserved_header');
    expect(h.attempts).toHaveLength(0);
  });

  it('refuses a token with a line break as a ValidationError before sending anything', async () => {
    const h = transport({ token: 'abc\r\nX-Evil: 1' });
    const error = await caught(h.transport.request(readSpec()));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'apiToken', rule: 'header_value' });
    expect((error as Error).message).not.toContain('abc');
    expect(h.attempts).toHaveLength(0);
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['a failing function', () => Promise.reject(new Error('vault down: secret-in-error'))],
  ])('refuses a token that is %s before sending anything', async (_label, token) => {
    const h = transport({ token });
    const error = await caught(h.transport.request(readSpec()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).hint).toContain('apiToken');
    expect((error as Error).message).not.toContain('secret-in-error');
    expect(h.attempts).toHaveLength(0);
  });

  it.each([
    ['maxRetries', { maxRetries: 11 }],
    ['maxRetries', { maxRetries: -1 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['timeoutMs', { timeoutMs: 600_001 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
  ])('rejects a bad per-call %s with ValidationError before sending', async (field, options) => {
    const h = transport();
    const error = await caught(h.transport.request(readSpec(), options));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as ValidationError).rule).toBe('range');
    expect(h.attempts).toHaveLength(0);
  });
});

describe('logging', () => {
  it('logs request and response at debug with the templated path, never the id', async () => {
    server.use(
      http.post(`${BASE}/cards/:id/topup`, () =>
        HttpResponse.json({ status: 'success', data: { id: 'x', balance: 1 } }),
      ),
    );
    const h = transport();
    await h.transport.request(createSpec('card_PRIVATE_ID'), { idempotencyKey: 'k-1' });
    expect(h.lines.map((l) => [l.level, l.message])).toEqual([
      ['debug', 'bfinance-cards: request'],
      ['debug', 'bfinance-cards: response'],
      // debug includes info: the line saying how the top-up settled.
      ['info', 'bfinance-cards: settled'],
    ]);
    expect(h.lines[0]?.fields).toEqual({
      operation: 'funds.topUp',
      method: 'POST',
      path: '/cards/:id/topup',
      idempotencyKey: 'k-1',
      attempt: 1,
    });
    expect(h.lines[1]?.fields).toMatchObject({ status: 200, attempt: 1, durationMs: expect.any(Number) });
    expect(JSON.stringify(h.lines)).not.toContain('card_PRIVATE_ID');
  });

  it('logs a retry at warn with its delay and reason, and the final failure at error', async () => {
    let n = 0;
    server.use(
      http.get(`${BASE}/cards/card_1`, () => {
        n++;
        return HttpResponse.json({ status: 'error', message: 'down', errorId: 'e-5' }, { status: 503 });
      }),
    );
    const h = transport({ maxRetries: 1 });
    await caught(h.transport.request(readSpec()));
    expect(n).toBe(2);
    const warn = h.lines.filter((l) => l.level === 'warn');
    expect(warn).toHaveLength(1);
    expect(warn[0]?.fields).toMatchObject({
      attempt: 1,
      delayMs: 250,
      reason: 'ServerError',
      path: '/cards/:id',
    });
    const error = h.lines.filter((l) => l.level === 'error');
    expect(error).toHaveLength(1);
    expect(error[0]?.fields).toMatchObject({ attempt: 2, error: 'ServerError', status: 503, errorId: 'e-5' });
  });

  it('filters by level: warn drops debug events', async () => {
    answer({ status: 'error', message: 'down' }, 500);
    const h = transport({ logLevel: 'warn', maxRetries: 1 });
    await caught(h.transport.request(readSpec()));
    expect(h.lines.map((l) => l.level)).toEqual(['warn', 'error']);
  });

  it('logs nothing at level off', async () => {
    answer({ status: 'error', message: 'down' }, 500);
    const h = transport({ logLevel: 'off' });
    await caught(h.transport.request(readSpec()));
    expect(h.attempts).toHaveLength(3);
    expect(h.lines).toEqual([]);
  });
});

describe('schema is applied to the unwrapped data', () => {
  it('returns the parsed (transformed) value', async () => {
    answer({ status: 'success', data: { id: 'card_1', balance: 5, extra: 'dropped' } });
    const spec: RequestSpec<{ id: string; balance: number }> = {
      operation: 'cards.retrieve',
      method: 'GET',
      path: path`/cards/${'card_1'}`,
      schema: item,
      retry: 'safe-to-repeat',
    };
    await expect(transport().transport.request(spec)).resolves.toEqual({ id: 'card_1', balance: 5 });
  });
});

describe('error bodies without an envelope', () => {
  it('keeps the message and errorId of a bare 4xx body, so the domain mapping still applies', async () => {
    answer({ message: 'Card is frozen', errorId: 'e-bare' }, 400);
    const error = await caught(transport().transport.request(readSpec()));
    expect(error).toBeInstanceOf(CardStateError);
    expect(error).toMatchObject({ status: 400, errorId: 'e-bare' });
  });
});

describe('timeouts', () => {
  it('refuses a timeoutMs of 0, which would fail every attempt at once', async () => {
    const { transport: t } = transport();
    const error = await caught(t.request(readSpec(), { timeoutMs: 0 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'timeoutMs', rule: 'range' });
  });
});
