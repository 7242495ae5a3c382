import { path } from '../../core/path.js';
import type { RequestSpec } from '../../core/spec.js';
import {
  type Dispute,
  type DisputeStatusResult,
  disputeSchema,
  disputeStatusSchema,
} from '../disputes-schemas.js';
import { type Endpoint, readEndpoint } from './endpoint.js';

// The dispute endpoints, each declared once.

/** What `POST /disputes` sends. */
export interface DisputeBody {
  cardId: string;
  transactionId: string;
  textEvidence: string;
  files?: string[];
}

/** `POST /disputes`: no read lists disputes, so an unknown outcome is never settled by a read. */
export function createDispute(body: DisputeBody): Endpoint<Dispute> {
  return {
    operation: 'disputes.create',
    method: 'POST',
    path: path`/disputes`,
    body,
    bodyFields: ['cardId', 'transactionId', 'textEvidence', 'files'],
    schema: disputeSchema(),
    retry: 'must-not-repeat',
    subject: { cardId: body.cardId },
    outcome: {
      // bfinance has no list of disputes, so no read can find one filed without an answer.
      hint: 'Re-sending may file a second dispute. No API read lists disputes, so error.reconcile() cannot tell: ask bfinance first.',
    },
  };
}

/** `GET /disputes/{id}/status`. */
export function disputeStatus(disputeId: string): Endpoint<DisputeStatusResult> {
  return readEndpoint('disputes.status', path`/disputes/${disputeId}/status`, disputeStatusSchema(), {
    disputeId,
  });
}

/** `POST /disputes/{id}/cancel`, confirmed by `converge` when a retry is refused. */
export function cancelDispute(
  disputeId: string,
  converge: NonNullable<RequestSpec<DisputeStatusResult>['converge']>,
): Endpoint<DisputeStatusResult> {
  return {
    operation: 'disputes.cancel',
    method: 'POST',
    path: path`/disputes/${disputeId}/cancel`,
    schema: disputeStatusSchema(),
    retry: 'converges',
    subject: { disputeId },
    converge,
  };
}
