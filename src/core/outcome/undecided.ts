import type { CallWindow, ReconcileEvidence, Reconciliation } from './contract.js';

/** The `still-unknown` answer for a call: the reads could not decide, and `summary` says why. */
export function undecided(
  call: Pick<CallWindow, 'operation' | 'idempotencyKey'>,
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
