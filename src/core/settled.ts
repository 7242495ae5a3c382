import type { AuditOutcome, AuditTrail } from './hooks/audit.js';
import type { LogSink } from './logger.js';
import type { RequestSpec } from './spec.js';

/** How a call that changes something ended, as the transport saw it. */
export interface Settlement {
  idempotencyKey: string | undefined;
  outcome: AuditOutcome;
  /** The error class of a refused or unknown call. */
  error: string | undefined;
  /** The validated result of an applied call (its `id` is the created id). */
  result: unknown;
  attempts: number;
  requestId: string | undefined;
  /** Epoch milliseconds before the first attempt. */
  startedAt: number;
  /** True on the follow-up `OutcomeUnknownError.reconcile()` reports when it settles a call. */
  reconciliation: boolean;
}

/**
 * Reports a settled call that issued, moved money or changed something: one audit event and one
 * `info` log line (`settled`), built from the same values, each only when someone listens.
 */
export function reportSettled(
  spec: RequestSpec<unknown>,
  settled: Settlement,
  audit: AuditTrail,
  log: LogSink,
): void {
  const { idempotencyKey, outcome, error, result, attempts, requestId, startedAt, reconciliation } = settled;
  const subject = spec.subject ?? spec.outcome?.subject ?? {};
  const created = (result as { id?: unknown } | null | undefined)?.id;
  const { cardId, budgetId, customerId, disputeId, amount, currency } = subject;
  const facts = {
    operation: spec.operation,
    outcome,
    error,
    cardId,
    budgetId,
    customerId,
    disputeId,
    createdId: typeof created === 'string' ? created : undefined,
    amount,
    currency,
    attempts,
    idempotencyKey,
    requestId,
  };
  const endedAt = Date.now();
  if (audit.enabled) {
    const times = { startedAt: new Date(startedAt).toISOString(), endedAt: new Date(endedAt).toISOString() };
    audit.emit({ ...facts, ...times, reconciliation });
  }
  if (log.enabled('info')) {
    log.log('info', 'settled', {
      ...facts,
      durationMs: endedAt - startedAt,
      reconciliation: reconciliation || undefined,
    });
  }
}
