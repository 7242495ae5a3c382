import { CardsError, type CardsErrorInit } from './base.js';

/** What a response told us about a failed call. */
export interface ApiErrorInit extends CardsErrorInit {
  /** HTTP status of the response (200 when the body said `status: "error"`). */
  status: number;
  /** The server's `errorId`, for bfinance support. */
  errorId?: string | undefined;
  /** A request id from the response headers, when the server sends one. */
  requestId?: string | undefined;
}

/** The API answered with an error: a non-2xx status, or a 2xx body with `status: "error"`. */
export class ApiError extends CardsError {
  /** `'ApiError'` (or the subclass's name), a literal that survives minification. */
  override readonly name: string = 'ApiError';
  /** HTTP status of the response; 200 when the error arrived inside a 2xx envelope. */
  declare readonly status: number;
  /** The server's `errorId`, for bfinance support. */
  declare readonly errorId: string | undefined;
  /** A request id from the response headers, when present. */
  declare readonly requestId: string | undefined;

  /** Builds an API error; `message` is the server's text after redaction. */
  constructor(message: string, init: ApiErrorInit) {
    super(message, init);
    this.status = init.status;
    this.errorId = init.errorId;
    this.requestId = init.requestId;
  }
}

/** HTTP 400: the API refused the request as invalid. */
export class BadRequestError extends ApiError {
  /** Always `'BadRequestError'`, a literal that survives minification. */
  override readonly name: 'BadRequestError' = 'BadRequestError';
}

/** HTTP 401, or no token configured: the API token is missing, invalid or expired. */
export class AuthenticationError extends ApiError {
  /** Always `'AuthenticationError'`, a literal that survives minification. */
  override readonly name: 'AuthenticationError' = 'AuthenticationError';
}

/** HTTP 403: the token is valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  /** Always `'PermissionDeniedError'`, a literal that survives minification. */
  override readonly name: 'PermissionDeniedError' = 'PermissionDeniedError';
}

/** HTTP 404: the customer, card, budget or dispute does not exist. */
export class NotFoundError extends ApiError {
  /** Always `'NotFoundError'`, a literal that survives minification. */
  override readonly name: 'NotFoundError' = 'NotFoundError';
}

/** HTTP 409: the request conflicts with the current state or a reused idempotency key. */
export class ConflictError extends ApiError {
  /** `'ConflictError'` (or the subclass's name), a literal that survives minification. */
  override readonly name: 'ConflictError' | 'IdempotencyKeyReusedError' = 'ConflictError';
}

/**
 * bfinance refused the call because its `Idempotency-Key` was already used for a different
 * request: nothing was done for this request. Use a new key for a new operation.
 */
export class IdempotencyKeyReusedError extends ConflictError {
  /** Always `'IdempotencyKeyReusedError'`, a literal that survives minification. */
  override readonly name: 'IdempotencyKeyReusedError' = 'IdempotencyKeyReusedError';
}

/** HTTP 422: the request was understood but breaks a business rule. */
export class UnprocessableEntityError extends ApiError {
  /** Always `'UnprocessableEntityError'`, a literal that survives minification. */
  override readonly name: 'UnprocessableEntityError' = 'UnprocessableEntityError';
}

/** HTTP 429: too many requests. */
export class RateLimitError extends ApiError {
  /** Always `'RateLimitError'`, a literal that survives minification. */
  override readonly name: 'RateLimitError' = 'RateLimitError';
  /** How long the server asked us to wait, in milliseconds, when it said. */
  declare readonly retryAfterMs: number | undefined;

  /** Builds a rate-limit error. */
  constructor(message: string, init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** HTTP 5xx: bfinance failed to handle the request. */
export class ServerError extends ApiError {
  /** Always `'ServerError'`, a literal that survives minification. */
  override readonly name: 'ServerError' = 'ServerError';
}

/**
 * HTTP 3xx, or an answer that came from another origin than `baseUrl` (a custom `fetch` or
 * dispatcher that followed a redirect). The SDK never follows redirects: the token and the request
 * must not travel to another host, and a redirected money movement is an unknown outcome.
 */
export class RedirectError extends ApiError {
  /** Always `'RedirectError'`, a literal that survives minification. */
  override readonly name: 'RedirectError' = 'RedirectError';
}
