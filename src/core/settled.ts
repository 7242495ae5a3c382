import type { AuditOutcome, AuditTrail } from './hooks/audit.js';
import type { LogSink } from './logger.js';
import type { RequestSpec } from './spec.js';

/** Who hears about settled calls: the client's audit trail and log sink. */
export interface SettledListeners {
  audit: AuditTrail;
  log: LogSink;
}

/** What the transport knows of a call when it settles. */
export interface SettledCall {
  idempotencyKey: string | undefined;
  /** Epoch milliseconds before the first attempt. */
  startedAt: number;
}

/** How far a call got: attempts made, the last request id, whether any attempt left. */
export interface SettledProgress {
  attempt: number;
  requestId: string | undefined;
  sent: boolean;
}

/**
 * Reports a settled call that issued, moved money or changed something: one audit event and one
 * `info` log line (`settled`), built from the same values, only when someone listens. Reads and
 * calls refused before anything left report nothing.
 */
export function reportSettled(
  to: SettledListeners,
  spec: RequestSpec<unknown>,
  call: SettledCall,
  progress: SettledProgress,
  outcome: AuditOutcome,
  error: string | undefined,
  result: unknown,
  reconciliation = false,
): void {
  const { audit, log } = to;
  if (!progress.sent || spec.method === 'GET' || (!audit.enabled && !log.enabled('info'))) return;
  const { cardId, budgetId, customerId, disputeId, amount, currency } = spec.subject ?? {};
  const created = (result as { id?: unknown } | null | undefined)?.id;
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
    attempts: progress.attempt,
    idempotencyKey: call.idempotencyKey,
    requestId: progress.requestId,
  };
  const endedAt = Date.now();
  if (audit.enabled) {
    const startedAt = new Date(call.startedAt).toISOString();
    audit.emit({ ...facts, startedAt, endedAt: new Date(endedAt).toISOString(), reconciliation });
  }
  if (log.enabled('info')) {
    const durationMs = endedAt - call.startedAt;
    log.log('info', 'settled', { ...facts, durationMs, reconciliation: reconciliation || undefined });
  }
}
