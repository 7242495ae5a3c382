import { redactValue } from '../redact/index.js';
import { callSafely, warnOnce } from './safe-call.js';

/** How an audited call ended, as far as the SDK can know. */
export type AuditOutcome = 'applied' | 'refused' | 'unknown' | 'not-applied';

/**
 * One audit record: a call that issued or reissued a card, moved money, changed a card, or
 * created, cancelled or deleted a customer, access request or dispute. Holds ids, amounts and
 * outcomes only, redacted like log events: never card data, names, notes or `externalId`.
 */
export interface AuditEvent {
  /** The SDK operation, e.g. `funds.topUp`. */
  operation: string;
  /** The call's `Idempotency-Key`, when it had one. */
  idempotencyKey: string | undefined;
  /**
   * `applied`: bfinance confirmed it (also when its reply then failed the schema: `error` is
   * `ResponseValidationError`); `refused`: a definite error, nothing was applied; `unknown`: an
   * `OutcomeUnknownError`; `not-applied`: only on a follow-up event from `reconcile()`.
   */
  outcome: AuditOutcome;
  /** The error class of a refused or unknown call, e.g. `InsufficientFundsError`. */
  error: string | undefined;
  /** The card the call acted on. */
  cardId: string | undefined;
  /** The budget the call acted on. */
  budgetId: string | undefined;
  /** The customer the call acted on. */
  customerId: string | undefined;
  /** The dispute the call acted on. */
  disputeId: string | undefined;
  /** The id bfinance gave what the call created (a card, a dispute, a customer), when it did. */
  createdId: string | undefined;
  /** Amount moved, major units. */
  amount: number | undefined;
  /** Currency of `amount`, when the API states it. */
  currency: string | undefined;
  /** Attempts made. */
  attempts: number;
  /** The request id of the last response, when the server sent one. */
  requestId: string | undefined;
  /** When the call started, ISO 8601. */
  startedAt: string;
  /** When its outcome became known, ISO 8601. */
  endedAt: string;
  /** True on the follow-up event `OutcomeUnknownError.reconcile()` emits when it settles a call. */
  reconciliation: boolean;
}

/** Receives audit events; may return a promise (see `CardsClient.auditSettled`). */
export type AuditHook = (event: AuditEvent) => unknown;

/** Delivers audit events to the caller's hook: redacted, never awaited, failures swallowed. */
export class AuditTrail {
  readonly #hook: AuditHook | undefined;
  readonly #secrets: () => Iterable<string>;
  readonly #pending = new Set<Promise<void>>();
  readonly #report = warnOnce('the onAudit hook');

  /** Binds the trail to the client's hook (absent: every emit is a no-op). */
  constructor(hook: AuditHook | undefined, secrets: () => Iterable<string>) {
    this.#hook = hook;
    this.#secrets = secrets;
  }

  /** True when a hook is set, so callers can skip building events. */
  get enabled(): boolean {
    return this.#hook !== undefined;
  }

  /** This trail, also masking `extra` (the secrets one call sends) in every event. */
  withSecrets(extra: readonly string[]): AuditTrail {
    if (!this.enabled) return this;
    // The event is masked for `extra` here, then for the client's tokens by this trail's emit.
    return new AuditTrail(
      (event) => this.emit(event),
      () => extra,
    );
  }

  /** Hands one event to the hook. */
  emit(event: AuditEvent): void {
    const hook = this.#hook;
    if (!hook) return;
    const pending = callSafely(() => hook(redactValue(event, this.#secrets()) as AuditEvent), this.#report);
    if (!pending) return;
    this.#pending.add(pending);
    pending.then(() => this.#pending.delete(pending));
  }

  /** Resolves once every promise the hook returned so far has settled (it never rejects). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
