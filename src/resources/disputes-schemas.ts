import * as z from '../core/reader.js';
import { builtOnFirstUse, echoedText, freeText, maybe, optionalField, text } from '../core/schema.js';

/** Where a dispute stands; open to values the API may add. */
export type DisputeStatus =
  | 'pending'
  | 'reviewing'
  | 'accepted'
  | 'rejected'
  | 'cancelled'
  | 'closed'
  | (string & {});

/** A dispute as `disputes.create` returns it [DOC disputes/create-a-dispute]. */
export interface Dispute {
  /** The dispute id. */
  id: string;
  /** `pending` when filed. */
  status?: DisputeStatus | null | undefined;
  /** The evidence text as filed, with any card number or secret in it masked. */
  textEvidence?: string | null | undefined;
  /** Evidence URLs as filed (empty when none or `null`). */
  files: string[];
  /** When it was filed, an ISO 8601 date-time. */
  createdAt?: string | null | undefined;
}

/** A dispute's status, as `disputes.status` and `disputes.cancel` return it [SDK]. */
export interface DisputeStatusResult {
  /** The dispute id. */
  id: string;
  /** Where the dispute stands; settles a refused cancel, so it is required. */
  status: DisputeStatus;
  /** The reviewer's answer, once there is one (redacted text). */
  response?: string | null | undefined;
}

/** Schema of {@link Dispute}: only `id` is required. */
export const disputeSchema: () => z.Schema<Dispute, unknown> = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    status: text(),
    textEvidence: freeText(),
    files: z.pipe(
      maybe(z.array(echoedText())),
      z.transform((files) => files ?? []),
    ),
    createdAt: text(),
  }),
);

/** Schema of {@link DisputeStatusResult}. */
export const disputeStatusSchema: () => z.Schema<DisputeStatusResult, unknown> = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    status: z.string(),
    // Only once a reviewer answered.
    response: optionalField(freeText()),
  }),
);
