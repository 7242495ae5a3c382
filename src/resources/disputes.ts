import { DisputeStateError, ValidationError } from '../core/errors.js';
import { path } from '../core/path.js';
import type { RequestOptions } from '../core/spec.js';
import { readOptions } from './card-read.js';
import { type CardRef, resolveCard } from './card-ref.js';
import {
  type Dispute,
  type DisputeStatusResult,
  disputeSchema,
  disputeStatusSchema,
} from './disputes-schemas.js';
import { Resource } from './resource.js';

/** What `disputes.create` sends. */
export interface CreateDisputeParams {
  /** The card the transaction was made with: its id, or a card object (standalone or budget). */
  cardId: CardRef;
  /** The disputed transaction's `transactionId`. */
  transactionId: string;
  /**
   * What happened, 10 to 65,535 characters: dates, amounts, what was expected and what
   * happened instead.
   */
  textEvidence: string;
  /** URLs of evidence you host (screenshots, correspondence, tracking); bfinance recommends some. */
  files?: string[];
}

const MIN_EVIDENCE = 10;
const MAX_EVIDENCE = 65_535;

function invalid(field: string, rule: string, message: string, hint: string): ValidationError {
  return new ValidationError(message, { field, rule, operation: 'disputes.create', hint });
}

/**
 * Transaction disputes: file one with evidence, follow its status, cancel it while pending.
 *
 * @example
 * ```ts
 * const dispute = await client.disputes.create({
 *   cardId: card,
 *   transactionId: tx.transactionId,
 *   textEvidence: 'Charged 49.90 EUR twice on 2025-03-02; the merchant confirmed one order only.',
 *   files: ['https://files.example.com/receipt-1234.pdf'],
 * });
 * const { status, response } = await client.disputes.status(dispute.id);
 * if (status === 'pending') await client.disputes.cancel(dispute.id);
 * ```
 */
export class DisputesResource extends Resource {
  /**
   * Files a dispute for a card transaction. Sent with an `Idempotency-Key` and never blindly
   * re-sent.
   *
   * @throws {ValidationError} when `textEvidence` is shorter than 10 or longer than 65,535
   * characters, `transactionId` is missing, or `files` is not a list of strings.
   * @throws {NotFoundError} when the card or transaction does not exist.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async create(params: CreateDisputeParams, options?: RequestOptions): Promise<Dispute> {
    const card = resolveCard(params?.cardId, 'cardId');
    const { transactionId, textEvidence, files } = params;
    if (typeof transactionId !== 'string' || transactionId.trim() === '') {
      throw invalid(
        'transactionId',
        'required',
        'transactionId is required.',
        'Pass the transactionId of the card transaction being disputed.',
      );
    }
    // Never refuse what bfinance may accept: the minimum counts UTF-16 units, the maximum code points.
    const tooShort = typeof textEvidence !== 'string' || textEvidence.length < MIN_EVIDENCE;
    if (tooShort || [...textEvidence].length > MAX_EVIDENCE) {
      throw invalid(
        'textEvidence',
        'length',
        `textEvidence must be ${MIN_EVIDENCE} to ${MAX_EVIDENCE} characters long.`,
        'Describe the dispute in 10 to 65,535 characters: dates, amounts, what was expected and what happened.',
      );
    }
    if (files !== undefined && (!Array.isArray(files) || !files.every((f) => typeof f === 'string'))) {
      throw invalid(
        'files',
        'type',
        'files must be a list of URL strings.',
        'Host the evidence yourself and pass its URLs as strings.',
      );
    }
    return this.transport.request(
      {
        operation: 'disputes.create',
        method: 'POST',
        path: path`/disputes`,
        body: { cardId: card.id, transactionId, textEvidence, ...(files === undefined ? {} : { files }) },
        schema: disputeSchema,
        kind: 'create',
        outcome: {
          subject: { cardId: card.id },
          // bfinance has no list of disputes, so no read can find one filed without an answer.
          hint: 'Re-send with the same idempotencyKey (the safe retry). No API read lists disputes, so error.reconcile() answers still-unknown; if re-sending is not possible, ask bfinance support whether the dispute was filed.',
        },
      },
      options,
    );
  }

  /**
   * Reads where a dispute stands, and the reviewer's answer once there is one.
   *
   * @throws {NotFoundError} when the dispute does not exist.
   */
  async status(disputeId: string, options?: RequestOptions): Promise<DisputeStatusResult> {
    return this.transport.request(
      {
        operation: 'disputes.status',
        method: 'GET',
        path: path`/disputes/${disputeId}/status`,
        schema: disputeStatusSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Cancels a pending dispute; a cancelled dispute cannot be reopened (file a new one). A retry
   * refused because the dispute is already cancelled (an earlier attempt was applied) counts as
   * success.
   *
   * @throws {DisputeStateError} when the dispute is no longer pending.
   * @throws {NotFoundError} when the dispute does not exist.
   */
  async cancel(disputeId: string, options?: RequestOptions): Promise<DisputeStatusResult> {
    return this.transport.request(
      {
        operation: 'disputes.cancel',
        method: 'POST',
        path: path`/disputes/${disputeId}/cancel`,
        schema: disputeStatusSchema,
        kind: 'state',
        converge: async (refusal, callOptions) => {
          if (!(refusal instanceof DisputeStateError)) return undefined;
          const now = await this.status(disputeId, readOptions(callOptions));
          return now.status === 'cancelled' ? now : undefined;
        },
      },
      options,
    );
  }
}
