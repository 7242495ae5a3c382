import { stillUnknown } from '../outcomes/answer.js';
import type { OutcomeSubject, ReconcileOptions, Reconciliation } from '../outcomes/types.js';
import type { PinRule } from '../pins/rules.js';

const BRAND = Symbol.for('bfinance-cards.error');

/** Fields every SDK error can carry. */
export interface CardsErrorInit {
  /** One sentence saying what to do next. */
  hint: string;
  /** The SDK operation, e.g. `funds.topUp`. */
  operation?: string | undefined;
  /** A sanitised underlying error. */
  cause?: unknown;
}

/**
 * Base class of everything the SDK throws. Messages are redacted before they are stored, and
 * `toJSON` lists only safe fields, so an error can be logged whole.
 */
export class CardsError extends Error {
  /** Always `'CardsError'`, a literal that survives minification. */
  override readonly name: string = 'CardsError';
  /** What to do next, in one sentence. */
  readonly hint: string;
  /** The SDK operation that failed, e.g. `cards.issue`. */
  readonly operation: string | undefined;

  /** Builds an error from a redacted message. */
  constructor(message: string, init: CardsErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.hint = init.hint;
    this.operation = init.operation;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain, secret-free view for `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && typeof value !== 'function') out[key] = value;
    }
    return out;
  }
}

/**
 * True for any error thrown by bfinance-cards, including one from another copy of the package
 * (an ESM and a CJS build loaded side by side), where `instanceof` cannot see it.
 */
export function isCardsError(value: unknown): value is CardsError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

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
  /** Always `'ApiError'`, a literal that survives minification. */
  override readonly name: string = 'ApiError';
  /** HTTP status of the response; 200 when the error arrived inside a 2xx envelope. */
  readonly status: number;
  /** The server's `errorId`, for bfinance support. */
  readonly errorId: string | undefined;
  /** A request id from the response headers, when present. */
  readonly requestId: string | undefined;

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
  override readonly name: string = 'BadRequestError';
}

/** HTTP 401, or no token configured: the API token is missing, invalid or expired. */
export class AuthenticationError extends ApiError {
  /** Always `'AuthenticationError'`, a literal that survives minification. */
  override readonly name: string = 'AuthenticationError';
}

/** HTTP 403: the token is valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  /** Always `'PermissionDeniedError'`, a literal that survives minification. */
  override readonly name: string = 'PermissionDeniedError';
}

/** HTTP 404: the customer, card, budget or dispute does not exist. */
export class NotFoundError extends ApiError {
  /** Always `'NotFoundError'`, a literal that survives minification. */
  override readonly name: string = 'NotFoundError';
}

/** HTTP 409: the request conflicts with the current state or a reused idempotency key. */
export class ConflictError extends ApiError {
  /** Always `'ConflictError'`, a literal that survives minification. */
  override readonly name: string = 'ConflictError';
}

/** HTTP 422: the request was understood but breaks a business rule. */
export class UnprocessableEntityError extends ApiError {
  /** Always `'UnprocessableEntityError'`, a literal that survives minification. */
  override readonly name: string = 'UnprocessableEntityError';
}

/** HTTP 429: too many requests. */
export class RateLimitError extends ApiError {
  /** Always `'RateLimitError'`, a literal that survives minification. */
  override readonly name: string = 'RateLimitError';
  /** How long the server asked us to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;

  /** Builds a rate-limit error. */
  constructor(message: string, init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** HTTP 5xx: bfinance failed to handle the request. */
export class ServerError extends ApiError {
  /** Always `'ServerError'`, a literal that survives minification. */
  override readonly name: string = 'ServerError';
}

/** Card issuance named a `typeId` that is unknown or inactive for this account. */
export class InvalidCardTypeError extends ApiError {
  /** Always `'InvalidCardTypeError'`, a literal that survives minification. */
  override readonly name: string = 'InvalidCardTypeError';
}

/** The customer is not verified yet, or has not been granted access to the product. */
export class CustomerNotVerifiedError extends ApiError {
  /** Always `'CustomerNotVerifiedError'`, a literal that survives minification. */
  override readonly name: string = 'CustomerNotVerifiedError';
}

/** A compliance rule (nationality, country or program restriction) refused the request. */
export class ComplianceRestrictionError extends ApiError {
  /** Always `'ComplianceRestrictionError'`, a literal that survives minification. */
  override readonly name: string = 'ComplianceRestrictionError';
}

/** The card program needs a `customerId`, or a budget card was issued without `budgetId`. */
export class MissingCardholderError extends ApiError {
  /** Always `'MissingCardholderError'`, a literal that survives minification. */
  override readonly name: string = 'MissingCardholderError';
}

/** The organization, card or budget balance is too low for this movement. */
export class InsufficientFundsError extends ApiError {
  /** Always `'InsufficientFundsError'`, a literal that survives minification. */
  override readonly name: string = 'InsufficientFundsError';
}

/** The card's state (frozen, blocked, deleted, expired) does not allow this action. */
export class CardStateError extends ApiError {
  /** Always `'CardStateError'`, a literal that survives minification. */
  override readonly name: string = 'CardStateError';
}

/** The dispute is no longer pending, so it cannot be changed. */
export class DisputeStateError extends ApiError {
  /** Always `'DisputeStateError'`, a literal that survives minification. */
  override readonly name: string = 'DisputeStateError';
}

/** No response arrived: DNS, refused or reset connection, TLS failure. */
export class ConnectionError extends CardsError {
  /** Always `'ConnectionError'`, a literal that survives minification. */
  override readonly name: string = 'ConnectionError';
}

/** No complete response arrived within `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  /** Always `'TimeoutError'`, a literal that survives minification. */
  override readonly name: string = 'TimeoutError';
}

/** The caller's `AbortSignal` fired. */
export class RequestAbortedError extends CardsError {
  /** Always `'RequestAbortedError'`, a literal that survives minification. */
  override readonly name: string = 'RequestAbortedError';
}

/** One failing place in a response body: a field path and a zod issue code, never the value. */
export interface ResponseIssue {
  /** Dotted path of the field, e.g. `card.id` (empty for the whole body). */
  path: string;
  /** Why it failed, e.g. `invalid_type`, `invalid_json`, `too_large`. */
  code: string;
}

/** A 2xx response whose body is not what the API contract says (or not JSON at all). */
export class ResponseValidationError extends CardsError {
  /** Always `'ResponseValidationError'`, a literal that survives minification. */
  override readonly name: string = 'ResponseValidationError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The failing fields, paths and codes only. */
  readonly issues: readonly ResponseIssue[];
  /** A request id from the response headers, when present. */
  readonly requestId: string | undefined;

  /** Builds a response validation error. */
  constructor(
    message: string,
    init: CardsErrorInit & { status: number; issues: ResponseIssue[]; requestId?: string | undefined },
  ) {
    super(message, init);
    this.status = init.status;
    this.issues = init.issues;
    this.requestId = init.requestId;
  }
}

/** Identifies a logical create/move call so its outcome can be settled later. */
export interface OutcomeUnknownInit extends CardsErrorInit, OutcomeSubject {
  operation: string;
  /** The `Idempotency-Key` every attempt of the call carried. */
  idempotencyKey: string;
  /** Number of attempts made. */
  attempts: number;
  /** Epoch milliseconds before the first attempt. */
  startedAt?: number | undefined;
  /** Epoch milliseconds after the last attempt failed. */
  endedAt?: number | undefined;
  /** Settles the call by reading public API state; see {@link OutcomeUnknownError.reconcile}. */
  reconcile?: ((options: ReconcileOptions) => Promise<Reconciliation>) | undefined;
}

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/**
 * A call that issues a card or moves money may or may not have been applied: the request left,
 * and no definite answer came back. Re-sending with the same `idempotencyKey` is the safe retry;
 * `reconcile()` reads what the API shows (card transactions, budget transactions, the card) and
 * answers `applied`, `not-applied` or `still-unknown`, with the evidence.
 */
export class OutcomeUnknownError extends CardsError {
  /** Always `'OutcomeUnknownError'`, a literal that survives minification. */
  override readonly name: string = 'OutcomeUnknownError';
  override readonly operation: string;
  /** The `Idempotency-Key` every attempt carried; re-use it for a safe retry. */
  readonly idempotencyKey: string;
  /** Attempts made before giving up. */
  readonly attempts: number;
  /** The card the call acted on (top-up, withdrawal, reissue, delete). */
  readonly cardId: string | undefined;
  /** The budget the call funded. */
  readonly budgetId: string | undefined;
  /** The customer the call acted on. */
  readonly customerId: string | undefined;
  /** The amount the call moved, in major units. */
  readonly amount: number | undefined;
  /** The note sent with a top-up (redacted). */
  readonly note: string | undefined;
  /** The `externalId` of a card being issued. */
  readonly externalId: string | undefined;
  /** When the first attempt started, ISO 8601. */
  readonly startedAt: string | undefined;
  /** When the last attempt failed, ISO 8601. */
  readonly endedAt: string | undefined;
  // Private, so neither util.inspect nor JSON.stringify can reach the transport it closes over.
  readonly #reconcile: ((options: ReconcileOptions) => Promise<Reconciliation>) | undefined;

  /** Builds an outcome-unknown error. */
  constructor(message: string, init: OutcomeUnknownInit) {
    super(message, init);
    this.operation = init.operation;
    this.idempotencyKey = init.idempotencyKey;
    this.attempts = init.attempts;
    this.cardId = init.cardId;
    this.budgetId = init.budgetId;
    this.customerId = init.customerId;
    this.amount = init.amount;
    this.note = init.note;
    this.externalId = init.externalId;
    this.startedAt = iso(init.startedAt);
    this.endedAt = iso(init.endedAt);
    this.#reconcile = init.reconcile;
  }

  /**
   * Reads what the API can show about this call and says whether it was applied: the card's
   * transactions for a top-up or withdrawal, the budget's transactions for a budget top-up, the
   * card by `externalId` for an issuance, the card or customer for a delete. Never re-sends the call.
   * It answers `not-applied` only once `settleMs` (default 10 s) have passed since the call failed,
   * because a request the client gave up on can still be applied: until then it waits and reads
   * again. `still-unknown` means the reads could not decide; re-send with the same
   * `idempotencyKey`, which is the safe retry when bfinance de-duplicates on it.
   *
   * @example
   * ```ts
   * const { status, summary } = await error.reconcile();
   * if (status === 'not-applied') await client.funds.topUp(card, params, { idempotencyKey: error.idempotencyKey });
   * ```
   */
  async reconcile(options: ReconcileOptions = {}): Promise<Reconciliation> {
    if (this.#reconcile === undefined) {
      return stillUnknown(this, `No public bfinance read shows whether ${this.operation} was applied.`);
    }
    return this.#reconcile(options);
  }
}

/** Bad input caught before any byte was sent. */
export class ValidationError extends CardsError {
  /** Always `'ValidationError'`, a literal that survives minification. */
  override readonly name: string = 'ValidationError';
  /** The parameter at fault, e.g. `amount` or `initialBalance`. */
  readonly field: string;
  /** The rule it broke, e.g. `positive`, `max_decimals`, `required`. */
  readonly rule: string;

  /** Builds a validation error; the message never contains the rejected value. */
  constructor(message: string, init: CardsErrorInit & { field: string; rule: string }) {
    super(message, init);
    this.field = init.field;
    this.rule = init.rule;
  }
}

/** A PIN refused locally by the client's PIN policy; the message never contains the PIN. */
export class WeakPinError extends ValidationError {
  /** Always `'WeakPinError'`, a literal that survives minification. */
  override readonly name: string = 'WeakPinError';
  /** The first PIN rule that matched, e.g. `PIN_SEQUENCE`. */
  declare readonly rule: PinRule;
}
