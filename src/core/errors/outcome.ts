import type { OutcomeSubject, ReconcileOptions, Reconciliation } from '../outcome/contract.js';
import { undecided } from '../outcome/undecided.js';
import { CardsError, type CardsErrorInit } from './base.js';
import { ValidationError } from './validation.js';

/** Options of `OutcomeUnknownError.resend()`: the rest of the request is the original's. */
export interface ResendOptions {
  /** Cancels the re-send, including its retries and backoff waits. */
  signal?: AbortSignal;
  /** Timeout of each attempt, in milliseconds (client default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt (client default 2). */
  maxRetries?: number;
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
  /** Re-sends the identical request with the same key; see {@link OutcomeUnknownError.resend}. */
  resend?: ((options: ResendOptions) => Promise<unknown>) | undefined;
  /** Settles the call by reading public API state; see {@link OutcomeUnknownError.reconcile}. */
  reconcile?: ((options: ReconcileOptions) => Promise<Reconciliation>) | undefined;
}

/** How long bfinance keeps an Idempotency-Key at least ("at least one month"), taken as 30 days. */
const KEY_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/**
 * A call that issues a card or moves money may or may not have been applied: the request may
 * have reached bfinance, and no definite answer came back. `reconcile()` reads what the API shows
 * (card transactions, budget transactions, the card) and answers `applied`, `not-applied` or
 * `still-unknown`, with the evidence. For card top-ups and withdrawals, which bfinance processes
 * once per `Idempotency-Key`, `resend()` sends the identical request again; for every other
 * operation re-sending may repeat it.
 */
export class OutcomeUnknownError extends CardsError {
  /** Always `'OutcomeUnknownError'`, a literal that survives minification. */
  override readonly name: 'OutcomeUnknownError' = 'OutcomeUnknownError';
  declare readonly operation: string;
  /** The `Idempotency-Key` every attempt carried (`resend()` re-uses it). */
  declare readonly idempotencyKey: string;
  /** Attempts made before giving up. */
  declare readonly attempts: number;
  /** The card the call acted on (top-up, withdrawal, reissue, delete). */
  declare readonly cardId: string | undefined;
  /** The budget the call funded. */
  declare readonly budgetId: string | undefined;
  /** The customer the call acted on. */
  declare readonly customerId: string | undefined;
  /** The amount the call moved, in major units. */
  declare readonly amount: number | undefined;
  /** The note sent with a top-up (redacted). */
  declare readonly note: string | undefined;
  /** The `externalId` of a card being issued. */
  declare readonly externalId: string | undefined;
  /** When the first attempt started, ISO 8601. */
  declare readonly startedAt: string | undefined;
  /** When the last attempt failed, ISO 8601. */
  declare readonly endedAt: string | undefined;
  // Private, so neither util.inspect nor JSON.stringify can reach the transport it closes over.
  readonly #reconcile: ((options: ReconcileOptions) => Promise<Reconciliation>) | undefined;
  readonly #resend: ((options: ResendOptions) => Promise<unknown>) | undefined;
  readonly #startedAt: number | undefined;

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
    this.#resend = init.resend;
    this.#startedAt = init.startedAt;
  }

  /**
   * Sends the identical request again with the same `Idempotency-Key` and body, and returns what
   * the operation returns. bfinance processes a card top-up or withdrawal once per key and keeps
   * keys at least one month (docs.bfinance.app/api-integration/en/idempotency-key), so for
   * `funds.topUp` and `funds.withdraw` this cannot move the money twice. It may end in another
   * `OutcomeUnknownError` (then call `resend()` or `reconcile()` on that one).
   *
   * @throws {ValidationError} rule `not_deduplicated` for an operation bfinance documents no
   * de-duplication for (unless the client has `retryUnknownOutcomes: true`), rule `expired` when
   * the first attempt is more than 30 days old, rule `type` for options that are not a plain object.
   * @throws {CardsError} as the operation itself does.
   */
  async resend(options?: ResendOptions): Promise<unknown> {
    const fail = (rule: string, message: string): ValidationError =>
      new ValidationError(`${this.operation}: ${message}`, {
        field: 'resend',
        rule,
        operation: this.operation,
        hint: 'Call error.reconcile() first.',
      });
    if (this.#resend === undefined) {
      throw fail('not_deduplicated', 'not re-sent: not de-duplicated, or retryUnknownOutcomes: false.');
    }
    if (this.#startedAt !== undefined && Date.now() - this.#startedAt > KEY_LIFETIME_MS) {
      throw fail('expired', 'first attempt over 30 days old: its key may have expired.');
    }
    // Only a plain object, as for every call's options: a class instance's fields are not options.
    const proto: unknown = typeof options === 'object' && options !== null && Object.getPrototypeOf(options);
    if (options !== undefined && proto !== Object.prototype && proto !== null) {
      throw fail('type', 'resend() options must be a plain object.');
    }
    return this.#resend({ ...options });
  }

  /**
   * Reads what the API can show about this call and says whether it was applied: the card's
   * transactions for a top-up or withdrawal, the budget's transactions for a budget top-up, the
   * card by `externalId` for an issuance, the card or customer for a delete. Never re-sends the call.
   * It answers `not-applied` only from two reads, at least `settleMs` (default 10 s) apart and
   * after the call failed, that both show no effect, because a request the client gave up on can
   * still be applied; `applied` only from evidence that is this call's (a listed movement with the
   * call's own note). `still-unknown` means the reads could not decide.
   *
   * @example
   * ```ts
   * const { status, summary } = await error.reconcile();
   * if (status === 'not-applied') await client.funds.topUpBudget(budgetId, params);
   * ```
   */
  async reconcile(options: ReconcileOptions = {}): Promise<Reconciliation> {
    if (this.#reconcile === undefined) {
      return undecided(this, `No bfinance read shows whether ${this.operation} was applied.`);
    }
    return this.#reconcile(options);
  }
}
