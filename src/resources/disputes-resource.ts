import type { ValidationError } from '../core/errors.js';
import { anyText, checkShape, refId, text } from '../core/params.js';
import { invalid } from '../core/refuse.js';
import type { RequestOptions } from '../core/spec.js';
import { readOptions } from './card-read.js';
import { type CardRef, resolveCard } from './card-ref.js';
import type { Dispute, DisputeStatusResult } from './disputes-schemas.js';
import { DisputeStateError, ERROR_CAUSES } from './domain-errors.js';
import { cancelDispute, createDispute, disputeStatus } from './endpoints/disputes.js';
import { ClientResource } from './resource.js';

/**
 * A transaction to dispute: its `id`, or an object with an `id` — a card transaction
 * (`cards.transactions`) or a budget transaction (`funds.budgetTransactions`) the SDK returned,
 * or a row of your own. Only `id` is read.
 */
export type TransactionRef =
  | string
  | {
      /** The id bfinance issued. */
      readonly id: string;
    };

/** What `disputes.create` sends. */
export interface CreateDisputeParams {
  /** The card the transaction was made with: its id, or a card object (standalone or budget). */
  cardId: CardRef;
  /**
   * The disputed transaction: its `id`, or the transaction object itself. The SDK sends the
   * transaction's `id` as `transactionId` — an inference [INF]: no source says which of a
   * transaction's two ids `POST /disputes` takes; `id` is the one every transaction carries (the
   * second, `transactionId`, may be null and is undocumented), and the body's `cardId` is likewise
   * the card's `id`.
   */
  transactionId: TransactionRef;
  /**
   * What happened, 10 to 65,535 characters: dates, amounts, what was expected and what
   * happened instead.
   */
  textEvidence: string;
  /** URLs of evidence you host (screenshots, correspondence, tracking); bfinance recommends some. */
  files?: string[];
}

/** A dispute: its id, or the dispute object `disputes.create` returned. */
export type DisputeRef =
  | string
  | {
      /** The id bfinance issued. */
      readonly id: string;
    };

const MIN_EVIDENCE = 10;
const MAX_EVIDENCE = 65_535;

function invalidFiling(field: string, rule: string, message: string, hint: string): ValidationError {
  return invalid(field, rule, message, hint, 'disputes.create');
}

/**
 * Transaction disputes: file one with evidence, follow its status, cancel it while pending.
 *
 * @example
 * ```ts
 * const [charge] = (await client.cards.transactions(card)).data;
 * const dispute = await client.disputes.create({
 *   cardId: card,
 *   transactionId: charge, // the transaction object, or its id
 *   textEvidence: 'Charged 49.90 EUR twice on 2025-03-02; the merchant confirmed one order only.',
 *   files: ['https://files.example.com/receipt-1234.pdf'],
 * });
 * const { status, response } = await client.disputes.status(dispute.id);
 * if (status === 'pending') await client.disputes.cancel(dispute.id);
 * ```
 */
export class Disputes extends ClientResource {
  /** Every cause: top-ups, withdrawals and disputes meet the budget and dispute causes too. */
  protected static override readonly causes = ERROR_CAUSES;

  /**
   * Files a dispute for a card transaction. Sent with an `Idempotency-Key` and never blindly
   * re-sent. `transactionId` takes the transaction object or its `id` (see
   * {@link CreateDisputeParams.transactionId} for why `id` [INF]).
   *
   * @throws {ValidationError} when `textEvidence` is shorter than 10 or longer than 65,535
   * characters, `transactionId` is missing, `files` is not a list of strings, or a field is unknown.
   * @throws {NotFoundError} when the card or transaction does not exist.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async create(params: CreateDisputeParams, options?: RequestOptions): Promise<Dispute> {
    const given = checkShape(params, '', 'disputes.create', {
      // References: only their id is read, whatever else the object holds.
      cardId: () => undefined,
      transactionId: () => undefined,
      textEvidence: anyText,
      files: (value) => {
        if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) {
          throw invalidFiling(
            'files',
            'type',
            'files must be a list of URL strings.',
            'Host the evidence yourself and pass its URLs as strings.',
          );
        }
      },
    });
    const card = resolveCard(given.cardId, 'cardId');
    // The card id goes in the body, not the path, so nothing else would refuse an empty one.
    text(card.id, 'cardId', 'disputes.create');
    const transactionId = refId(given.transactionId);
    const { textEvidence, files } = given as Partial<CreateDisputeParams>;
    if (typeof transactionId !== 'string' || transactionId.trim() === '') {
      throw invalidFiling(
        'transactionId',
        'required',
        'transactionId is required.',
        'Pass the card transaction being disputed, or its id.',
      );
    }
    // Never refuse what bfinance may accept: the minimum counts UTF-16 units, the maximum code points.
    const tooShort = typeof textEvidence !== 'string' || textEvidence.length < MIN_EVIDENCE;
    if (tooShort || [...textEvidence].length > MAX_EVIDENCE) {
      throw invalidFiling(
        'textEvidence',
        'length',
        `textEvidence must be ${MIN_EVIDENCE} to ${MAX_EVIDENCE} characters long.`,
        'Describe the dispute in 10 to 65,535 characters: dates, amounts, what was expected and what happened.',
      );
    }
    const body = { cardId: card.id, transactionId, textEvidence, ...(files === undefined ? {} : { files }) };
    return this.send(createDispute(body), options);
  }

  /**
   * Reads where a dispute stands, and the reviewer's answer once there is one.
   *
   * @throws {NotFoundError} when the dispute does not exist.
   */
  async status(dispute: DisputeRef, options?: RequestOptions): Promise<DisputeStatusResult> {
    return this.send(disputeStatus(refId(dispute) as string), options);
  }

  /**
   * Cancels a pending dispute; a cancelled dispute cannot be reopened (file a new one). A retry
   * refused because the dispute is already cancelled (an earlier attempt was applied) counts as
   * success.
   *
   * @throws {DisputeStateError} when the dispute is no longer pending.
   * @throws {NotFoundError} when the dispute does not exist.
   */
  async cancel(dispute: DisputeRef, options?: RequestOptions): Promise<DisputeStatusResult> {
    const id = refId(dispute) as string;
    return this.send(
      cancelDispute(id, async (refusal, callOptions) => {
        if (!(refusal instanceof DisputeStateError)) return undefined;
        const now = await this.transport.request(disputeStatus(id), readOptions(callOptions));
        return now.status === 'cancelled' ? now : undefined;
      }),
      options,
    );
  }
}
