import type { CardsError } from './errors.js';
import type { OutcomeSpec, OutcomeSubject } from './outcome/contract.js';
import type { RequestPath } from './path.js';
import type { Schema } from './reader.js';

/**
 * How an operation may be repeated, which decides its retries and its `Idempotency-Key`:
 * - `safe-to-repeat`: reads; any failure may be retried.
 * - `converges`: state setters (freeze, limits, email…) whose repeat lands in the same state; a
 *   refusal after an attempt that may have been applied is settled by reading the state.
 * - `must-not-repeat`: calls that issue cards, move money, delete or request something; they always
 *   carry an `Idempotency-Key` and are re-sent only when no attempt can have been applied, or, for
 *   the calls bfinance de-duplicates, with the same key.
 */
export type OperationClass = 'safe-to-repeat' | 'converges' | 'must-not-repeat';

/** Per-call options every SDK method takes as its last argument. */
export interface RequestOptions {
  /** Cancels the call, including retries and backoff waits. */
  signal?: AbortSignal;
  /** Timeout of each attempt, in milliseconds (client default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt (client default 2); 0 disables retries. */
  maxRetries?: number;
  /** `Idempotency-Key` for the call; generated for calls that issue cards or move money. */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * Body fields the SDK does not know yet, merged into this call's JSON body: an escape hatch
   * until a release adds them. The SDK's own fields of the endpoint cannot be set this way, and
   * endpoints that send no body (GET, DELETE) refuse it.
   *
   * @throws {ValidationError} (from the method) for a field the SDK owns, a value that is not a
   * plain object, or an endpoint without a body; nothing is sent.
   */
  extraBody?: Record<string, unknown>;
}

/** The schema of an endpoint's response data (core/reader.ts). */
export type ResponseSchema<T> = Schema<T>;

/** Everything a resource says about one endpoint call; the transport does the rest. */
export interface RequestSpec<T> {
  /** Public name of the operation, e.g. `funds.topUp`. */
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: RequestPath;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Schema of the unwrapped response data. */
  schema: ResponseSchema<T>;
  /** Decides the retry policy and whether an `Idempotency-Key` is always sent. */
  retry: OperationClass;
  /**
   * bfinance documents that it processes this call once per `Idempotency-Key` (card top-up and
   * withdraw: docs.bfinance.app/api-integration/en/idempotency-key), so an attempt that may have
   * been applied can be re-sent with the same key and body.
   */
  deduplicated?: boolean;
  /**
   * What the call acts on: the ids the API issued (card, budget, customer, dispute), the amount
   * and currency it moves, the caller's `externalId`. Logs and audit events carry the ids; an
   * `OutcomeUnknownError` carries all of it.
   */
  subject?: OutcomeSubject;
  /**
   * `must-not-repeat` calls: what the call acts on and how its outcome is settled when it is
   * unknown (the hint, and a reconciler that reads public API state). Copied onto the
   * `OutcomeUnknownError`.
   */
  outcome?: OutcomeSpec;
  /**
   * `converges` calls: when a retry is refused after an earlier attempt may have been applied
   * (e.g. "Card is not active" on a retried freeze), reads the resource and returns the result to
   * report if it is already in the target state; undefined keeps the refusal.
   */
  converge?: (refusal: CardsError, options: RequestOptions) => Promise<T | undefined>;
  /**
   * Secret values this call sends (a PIN, an activation code): masked in every error, log line
   * and audit event built from this call's answers, in any encoding, as the token is.
   */
  secrets?: readonly string[];
}

/** A token, or a function returning one (called per call, so tokens can rotate). */
export type TokenSource = string | (() => string | Promise<string>) | undefined;

/** What resources hand their requests to: the client's transport. */
export interface Requester {
  /**
   * Runs one logical call with its retries and returns the validated response data.
   *
   * @throws {CardsError} a subclass for every failure.
   */
  request<T>(spec: RequestSpec<T>, options?: RequestOptions): Promise<T>;
}
