import type { ReconcileEvidence, Reconciliation } from './types.js';

/** The call an answer is about: its operation and key. */
export interface AnsweredCall {
  operation: string;
  idempotencyKey: string;
}

/** A reconciliation that could not decide. */
export function stillUnknown(
  call: AnsweredCall,
  summary: string,
  evidence: Partial<ReconcileEvidence> = {},
): Reconciliation {
  return {
    status: 'still-unknown',
    operation: call.operation,
    idempotencyKey: call.idempotencyKey,
    summary,
    evidence: { reads: [], examined: 0, matches: [], complete: false, ...evidence },
  };
}
