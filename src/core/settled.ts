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
  const logging = log.enabled('info');
  const subject = spec.subject ?? spec.outcome?.subject ?? {};
  const created = (settled.result as { id?: unknown } | null | undefined)?.id;
  const ids = {
    cardId: subject.cardId,
    budgetId: subject.budgetId,
    customerId: subject.customerId,
    disputeId: subject.disputeId,
    createdId: typeof created === 'string' ? created : undefined,
  };
  const endedAt = Date.now();
  if (audit.enabled) {
    audit.emit({
      operation: spec.operation,
      idempotencyKey: settled.idempotencyKey,
      outcome: settled.outcome,
      error: settled.error,
      ...ids,
      amount: subject.amount,
      currency: subject.currency,
      attempts: settled.attempts,
      requestId: settled.requestId,
      startedAt: new Date(settled.startedAt).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      reconciliation: settled.reconciliation,
    });
  }
  if (logging) {
    log.log('info', 'settled', {
      operation: spec.operation,
      outcome: settled.outcome,
      ...ids,
      amount: subject.amount,
      currency: subject.currency,
      attempts: settled.attempts,
      durationMs: endedAt - settled.startedAt,
      error: settled.error,
      idempotencyKey: settled.idempotencyKey,
      requestId: settled.requestId,
      reconciliation: settled.reconciliation || undefined,
    });
  }
}
