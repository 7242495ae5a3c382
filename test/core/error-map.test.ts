import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/core/error-map.js';
import { type ApiError, RateLimitError } from '../../src/core/errors.js';

function map(status: number, message?: string, extra: { retryAfterMs?: number } = {}): ApiError {
  return errorFromResponse({
    status,
    message,
    errorId: 'err-1',
    requestId: 'req-1',
    operation: 'funds.topUp',
    ...extra,
  });
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
    expect(error.message).toBe(`funds.topUp failed (HTTP ${status}): Something happened`);
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

describe('errorFromResponse by documented cause', () => {
  it.each([
    ['Card type not found', 'InvalidCardTypeError', 'cards.types()'],
    ['Card type is inactive', 'InvalidCardTypeError', 'typeId'],
    ['Invalid typeId', 'InvalidCardTypeError', 'typeId'],
    ['customerId is required for this card type', 'MissingCardholderError', 'customerId'],
    ['budgetId is missing', 'MissingCardholderError', 'budgetId'],
    ['This program requires customerId', 'MissingCardholderError', 'customerId'],
    ['Customer is not verified', 'CustomerNotVerifiedError', 'waitUntilVerified'],
    ['Verification is pending', 'CustomerNotVerifiedError', 'requestAccess'],
    ['Access has not been granted to this product', 'CustomerNotVerifiedError', 'requestAccess'],
    ['Cardholder nationality is not allowed', 'ComplianceRestrictionError', 'program'],
    ['Country is restricted for this program', 'ComplianceRestrictionError', 'program'],
    ['Insufficient funds on organization balance', 'InsufficientFundsError', 'balance'],
    ['Not enough balance on the card', 'InsufficientFundsError', 'balance'],
    ['Card is frozen', 'CardStateError', 'unfreeze'],
    ['Card is not active', 'CardStateError', 'retrieve'],
    ['Card status does not allow this operation', 'CardStateError', 'status'],
    ['Dispute is not pending', 'DisputeStateError', 'pending'],
    ['Dispute cannot be cancelled', 'DisputeStateError', 'disputes.status()'],
  ])('"%s" → %s', (message, name, hintWord) => {
    for (const status of [400, 422, 403, 404, 409, 200]) {
      const error = map(status, message);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.hint).toContain(hintWord);
    }
  });

  it('matches case-insensitively', () => {
    expect(map(400, 'INSUFFICIENT FUNDS').name).toBe('InsufficientFundsError');
  });

  it('never maps a 401, a 429 or a 5xx to a domain class', () => {
    expect(map(401, 'Customer is not verified').name).toBe('AuthenticationError');
    expect(map(429, 'Insufficient funds').name).toBe('RateLimitError');
    expect(map(500, 'Insufficient funds').name).toBe('ServerError');
    expect(map(503, 'Card is frozen').name).toBe('ServerError');
  });

  it('keeps the per-status class for an unrecognised message', () => {
    expect(map(400, 'Field label is too long').name).toBe('BadRequestError');
    expect(map(422, 'Something unexpected').name).toBe('UnprocessableEntityError');
  });
});
