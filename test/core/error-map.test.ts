import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/core/error-map.js';
import { type ApiError, RateLimitError } from '../../src/core/errors.js';

// The engine alone, without a domain's table of causes (test/resources/domain-errors.test.ts has them).
function map(status: number, message?: string, extra: { retryAfterMs?: number } = {}): ApiError {
  return errorFromResponse(
    {
      status,
      message,
      errorId: 'err-1',
      requestId: 'req-1',
      operation: 'funds.topUp',
      ...extra,
    },
    [],
  );
}

describe('errorFromResponse by status', () => {
  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
    [409, 'ConflictError'],
    [422, 'UnprocessableEntityError'],
    [429, 'RateLimitError'],
    [500, 'ServerError'],
    [502, 'ServerError'],
    [503, 'ServerError'],
    [504, 'ServerError'],
    [599, 'ServerError'],
    [408, 'ApiError'],
    [418, 'ApiError'],
    [200, 'ApiError'],
    [302, 'ApiError'],
  ])('%i → %s', (status, name) => {
    const error = map(status, 'Something happened');
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.errorId).toBe('err-1');
    expect(error.requestId).toBe('req-1');
    expect(error.operation).toBe('funds.topUp');
    expect(error.message).toBe(
      status === 200
        ? 'funds.topUp: bfinance refused the request: Something happened'
        : `funds.topUp failed (HTTP ${status}): Something happened`,
    );
    expect(error.hint.length).toBeGreaterThan(20);
  });

  it('says "HTTP <status>" when the server sent no message', () => {
    expect(map(502).message).toBe('funds.topUp failed (HTTP 502): HTTP 502');
  });

  it('carries Retry-After on a RateLimitError', () => {
    const error = map(429, 'slow down', { retryAfterMs: 3000 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3000);
  });

  it('gives each status its own hint', () => {
    const hints = new Set([400, 401, 403, 404, 409, 422, 429, 500].map((s) => map(s, 'x').hint));
    expect(hints.size).toBe(8);
    expect(map(401, 'x').hint).toContain('apiToken');
  });
});

describe('errorFromResponse: a status "error" envelope in a 2xx reply', () => {
  it('is worded as bfinance refusing, never as "failed (HTTP 2xx)"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 299 }),
        fc.option(fc.constantFrom('Card is frozen', 'Nope')),
        (status, message) => {
          const error = map(status, message ?? undefined);
          expect(error.message).not.toMatch(/failed|HTTP/);
          expect(error.message).toMatch(/^funds\.topUp: bfinance refused the request(: |\s)/);
          if (message !== null) expect(error.message).toContain(message);
        },
      ),
    );
  });
});
