import {
  type CardsClient,
  type CardsError,
  isCardsError,
  type OutcomeUnknownError,
  type RateLimitError,
  type ResponseValidationError,
} from '../index.js';
import type { OutcomeRecord, RowState } from './journal.js';
import type { CheckedRow } from './rows.js';
import type { IssueRow, TopUpRow } from './types.js';

/** How long bfinance keeps an Idempotency-Key at least ("at least one month"), taken as 30 days. */
export const KEY_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Sends of one row after an attempt proven not applied, or a same-key re-send. */
const MAX_SENDS = 3;
/** Pauses for a rate limit one row may wait out before it is reported refused. */
const MAX_RATE_PAUSES = 10;

/** What a row's steps share: the client, the settle wait and the pause every worker obeys. */
export interface StepContext {
  /** The caller's client. */
  client: CardsClient;
  /** Wait between the two reads that prove a card was not issued. */
  settleMs: number;
  /** Resolves when no rate-limit pause is on. */
  ready(): Promise<void>;
  /** Pauses every worker for `ms`. */
  pause(ms: number): void;
}

/** One row's call, and how to find its effect when its outcome is unknown. */
export interface RowCall {
  /** Sends the row's request with its key. */
  send(): Promise<OutcomeRecord>;
  /** The outcome of a call bfinance confirmed but whose answer failed the schema. */
  confirmed(resourceId: string | undefined): OutcomeRecord;
  /** Checked before a row's first intent: a refusal when sending it could not be settled later. */
  check?(): Promise<OutcomeRecord | undefined>;
  /**
   * Settles the row after a run stopped between its intent and its outcome: an outcome, or
   * `send` when sending (again) with the row's key cannot apply it twice.
   */
  resume(state: RowState): Promise<OutcomeRecord | 'send'>;
  /** Settles an attempt that ended in an OutcomeUnknownError, the same way. */
  settle(error: OutcomeUnknownError): Promise<OutcomeRecord | 'send'>;
}

const named = (error: unknown, name: string): error is CardsError =>
  isCardsError(error) && error.name === name;

const unknown = (hint: string): OutcomeRecord => ({ o: 'unknown', error: 'OutcomeUnknownError', hint });

const OLD_INTENT =
  'The first attempt is more than 30 days old, longer than bfinance keeps an Idempotency-Key, so nothing was sent again: check the card before sending this row in a new batch.';

/** Sends a row, waiting out rate limits and settling unknown outcomes; never throws an SDK error. */
export async function sendRow(ctx: StepContext, call: RowCall): Promise<OutcomeRecord> {
  let pauses = 0;
  for (let sends = 1; ; ) {
    await ctx.ready();
    try {
      return await call.send();
    } catch (error) {
      if (!isCardsError(error)) {
        return unknown('The request failed in an unexpected way: run the batch again to settle this row.');
      }
      if (error.name === 'RateLimitError' && pauses++ < MAX_RATE_PAUSES) {
        // A 429 is refused before any processing: the row is sent again after the pause.
        ctx.pause((error as RateLimitError).retryAfterMs ?? 1000);
        continue;
      }
      if (error.name === 'ResponseValidationError') {
        const { applied, resourceId } = error as ResponseValidationError;
        if (applied) return call.confirmed(resourceId);
        return {
          o: 'unknown',
          error: error.name,
          hint: 'The answer could not be read: run the batch again to settle this row.',
        };
      }
      // A key in use or reused: the first request under it may be in progress or applied.
      if (error.name === 'ConflictError' || error.name === 'IdempotencyKeyReusedError') {
        return { o: 'unknown', error: error.name, hint: 'Run the batch again to settle this row.' };
      }
      if (error.name !== 'OutcomeUnknownError') return { o: 'refused', error: error.name, hint: error.hint };
      const answer = await call.settle(error as OutcomeUnknownError);
      if (answer !== 'send') return answer;
      if (++sends > MAX_SENDS)
        return unknown('Several attempts ended without an answer: run the batch again.');
    }
  }
}

/** Issuing one card: the row's key and an `externalId` to find the card by. */
export function issueCall(ctx: StepContext, row: CheckedRow, key: string, externalId: string): RowCall {
  const params = { ...(row.fields as Omit<IssueRow, 'ref'>), externalId } as IssueRow;
  const ref = params.model === 'budget' ? { id: externalId, model: 'budget' as const } : externalId;
  /** The card under the row's externalId: two reads `settleMs` apart must both miss it. */
  const find = async (): Promise<OutcomeRecord | 'absent'> => {
    for (let read = 0; read < 2; read++) {
      try {
        if (read > 0) await new Promise((resolve) => setTimeout(resolve, ctx.settleMs));
        const card = await ctx.client.cards.retrieve(ref);
        return { o: 'applied', card: card.id, last4: card.last4 };
      } catch (error) {
        if (!named(error, 'NotFoundError')) {
          return unknown(
            'Reading the card by its externalId failed: run the batch again to settle this row.',
          );
        }
      }
    }
    return 'absent';
  };
  return {
    // A caller's own externalId may already name a card (another batch): finding that card after a
    // crash would pass it off as this row's, so such a row is refused before anything is sent.
    ...(row.fields.externalId === undefined
      ? {}
      : {
          async check() {
            try {
              const card = await ctx.client.cards.retrieve(ref);
              return {
                o: 'refused',
                error: 'ValidationError',
                hint: `A card (${card.id}) already has this externalId: give the row an externalId of its own.`,
              };
            } catch (error) {
              if (named(error, 'NotFoundError')) return undefined;
              return {
                o: 'refused',
                error: isCardsError(error) ? error.name : 'Error',
                hint: 'Reading the card by its externalId failed, so nothing was sent: run again with --retry-refused (retryRefused).',
              };
            }
          },
        }),
    confirmed: (resourceId) => ({ o: 'applied', card: resourceId }),
    async send() {
      const card = await ctx.client.cards.issue(params, { idempotencyKey: key });
      return { o: 'applied', card: card.id, last4: card.last4 };
    },
    async resume(state) {
      const found = await find();
      if (found !== 'absent') return found;
      return Date.now() - state.at > KEY_LIFETIME_MS ? unknown(OLD_INTENT) : 'send';
    },
    async settle(error) {
      const answer = await error.reconcile({ settleMs: ctx.settleMs });
      if (answer.status === 'not-applied') return 'send';
      if (answer.status === 'still-unknown')
        return unknown(`${answer.summary} Run the batch again to settle this row.`);
      const found = await find();
      const id = answer.evidence.matches.find((m) => m.kind === 'card')?.id;
      return found === 'absent' || found.o !== 'applied' ? { o: 'applied', card: id } : found;
    },
  };
}

/** Funding one card: the row's key, which bfinance processes once. */
export function topUpCall(ctx: StepContext, row: CheckedRow, key: string): RowCall {
  const { card, amount, note } = row.fields as Omit<TopUpRow, 'ref'>;
  const applied: OutcomeRecord = { o: 'applied', card };
  return {
    confirmed: () => applied,
    async send() {
      await ctx.client.funds.topUp(card, note === undefined ? { amount } : { amount, note }, {
        idempotencyKey: key,
      });
      return applied;
    },
    // Within the key's lifetime, the documented same-key re-send applies the top-up at most once.
    resume: async (state) => (Date.now() - state.at > KEY_LIFETIME_MS ? unknown(OLD_INTENT) : 'send'),
    async settle(error) {
      try {
        await error.resend();
        return applied;
      } catch (again) {
        // Anything but the client declining to re-send: send again under the key, which
        // classifies the answer (a refusal, a rate limit, another unknown) as any send does.
        if (!named(again, 'ValidationError')) return 'send';
      }
      // The client does not re-send this call (retryUnknownOutcomes: false): read instead.
      const answer = await error.reconcile({ settleMs: ctx.settleMs });
      if (answer.status === 'applied') return applied;
      if (answer.status === 'not-applied') return 'send';
      return unknown(`${answer.summary} Run the batch again to settle this row.`);
    },
  };
}
