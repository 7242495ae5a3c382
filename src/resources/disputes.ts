import * as z from 'zod/mini';
import { echoedText, maybe } from '../core/schema.js';

/** Where a dispute stands; open to values the API may add. */
export type DisputeStatus =
  | 'pending'
  | 'reviewing'
  | 'accepted'
  | 'rejected'
  | 'cancelled'
  | 'closed'
  | (string & {});

/** A dispute as `disputes.create` returns it. */
export interface Dispute {
  /** The dispute id. */
  id: string;
  /** `pending` when filed. */
  status: DisputeStatus;
  /** The evidence text as filed, with any card number or secret in it masked. */
  textEvidence: string;
  /** Evidence URLs as filed (empty when none). */
  files: string[];
  /** When it was filed, an ISO 8601 date-time. */
  createdAt: string;
}

/** A dispute's status, as `disputes.status` and `disputes.cancel` return it. */
export interface DisputeStatusResult {
  /** The dispute id. */
  id: string;
  /** Where the dispute stands. */
  status: DisputeStatus;
  /** The reviewer's answer, once there is one. */
  response?: string | null | undefined;
}

/** `POST /disputes` data. */
export const disputeSchema: z.ZodMiniType<Dispute, unknown> = z.object({
  id: z.string(),
  status: z.string(),
  textEvidence: echoedText,
  files: z._default(z.array(z.string()), () => []),
  createdAt: z.string(),
});

/** `GET /disputes/{id}/status` and `POST /disputes/{id}/cancel` data. */
export const disputeStatusSchema: z.ZodMiniType<DisputeStatusResult, unknown> = z.object({
  id: z.string(),
  status: z.string(),
  response: maybe(echoedText),
});
