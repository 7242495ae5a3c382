import type { ErrorFactory } from './error-factory.js';
import type { CardsError } from './errors.js';
import type { SendError } from './http/types.js';
import type { Reading } from './response.js';
import { RETRYABLE_STATUSES } from './retry.js';
import type { OperationClass } from './spec.js';

/** How one attempt failed: a response that was not a success, or no response at all. */
export type AttemptFailure =
  | Exclude<Reading<unknown>, { type: 'ok' }>
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'aborted' }
  | { type: 'send'; error: SendError };

/** What the call knows when an attempt fails. */
export interface CallContext {
  operation: string;
  retry: OperationClass;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  maxRetries: number;
  /** An earlier attempt of this call may have been applied. */
  mayHaveApplied: boolean;
  /** An earlier attempt of this call may have reached the server (so may still be in progress). */
  mayHaveReached: boolean;
  /** The SDK generated the call's `Idempotency-Key` (nobody else can have used it). */
  keyGenerated: boolean;
  /**
   * An attempt that may have been applied may be re-sent with the same key and body: bfinance
   * documents de-duplication for the operation, or `retryUnknownOutcomes: true` says to assume it.
   */
  resendUnknown: boolean;
}

/**
 * The decision about one failed attempt:
 * - `retry`: send another attempt after `delayMs` (the server's `Retry-After`, when it gave one);
 * - `fail`: the call ends with `error`;
 * - `unknown`: the call ends in an `OutcomeUnknownError` caused by `error`, with `hint`;
 * - `converge`: a state change was refused after an earlier attempt may have been applied: read
 *   the state, and fail with `error` only when it is not already what the call asked for.
 */
export type Verdict = { error: CardsError; mayHaveApplied: boolean; mayHaveReached: boolean } & (
  | { action: 'retry'; retryAfterMs: number | undefined }
  | { action: 'fail' | 'converge' }
  | { action: 'unknown'; hint: string | undefined }
);

interface Facts {
  error: CardsError;
  /** Another attempt may fix it (for calls allowed to repeat). */
  retryable: boolean;
  /** This attempt may have been applied. */
  applied: boolean;
  /** This attempt may have reached the server. */
  reached: boolean;
  retryAfterMs?: number | undefined;
  /** bfinance confirmed the call (a success envelope with data the schema refused). */
  confirmed?: boolean;
  hint?: string | undefined;
}

/**
 * What an error answer says about the call's `Idempotency-Key`:
 * - `reused`: the key was already used for a different request (nothing was done for this one);
 * - `processed`: a request with this key was already processed (no success body came with it);
 * - `in-progress`: a request with this key is still being processed.
 */
type KeyAnswer = 'reused' | 'processed' | 'in-progress';

// bfinance documents that reusing a key for a different request "results in an error", without
// its status or wording [DOC api-integration/en/idempotency-key]; what a repeat or a concurrent
// request answers is not documented at all [INF]. So each meaning is recognised from a subject
// and what is said about it, as the error causes are (resources/domain-errors.ts), in any 4xx status.
// An API, access or encryption key is not the request's key ("API key does not match this account").
const KEY =
  /\b(idempoten\w*|(?<!\b(api|access|secret|public|private|encryption|signing|session|auth\w*|licen[cs]e|ssh|pgp)[\s_-]?)keys?)\b/i;
const DIFFERENT =
  /\b(different|differs?|differing|another|mismatch\w*|(does ?n[o']t|do ?n[o']t|not) match\w*|not (the )?same|non-?identical|not identical|changed|conflicting|inconsistent|other (request|payload|body|parameters|params|data))\b/i;
const OPERATION =
  /\b(idempoten\w*|keys?|requests?|operations?|transactions?|deposits?|withdrawals?|top-?ups?|transfers?)\b/i;
const IN_PROGRESS =
  /\b(in (progress|flight)|in-progress|ongoing|underway|being (processed|handled|executed|performed)|still (being )?(processing|processed|running|executing|pending)|currently (being )?(processing|processed|running|executing|locked)|(is|are) (processing|pending|locked)|concurrent\w*|not (yet )?(finished|completed?))\b/i;
const PROCESSED =
  /\b((already|previously) (been )?(processed|applied|completed|executed|handled|performed|received|submitted|accepted|done|made|used|exists?|succeeded|fulfilled|finished|in use)|(processed|applied|completed|executed|handled|performed|submitted) (already|before|earlier|previously)|(is|was) a duplicate|duplicated? (requests?|transactions?|operations?|keys?|idempotency|deposits?|withdrawals?|top-?ups?)|replay(ed)?)\b/i;

// "is not pending" / "not in progress" say the opposite.
const NEGATED = /\b(not|n't|no longer) (yet )?(be )?(pending|in progress|processing|locked)\b/i;

/** The meaning of an error message about the call's key, if it has one (see {@link KeyAnswer}). */
function keyAnswer(message: string | undefined): KeyAnswer | undefined {
  if (message === undefined) return undefined;
  if (OPERATION.test(message) && IN_PROGRESS.test(message) && !NEGATED.test(message)) return 'in-progress';
  if (KEY.test(message) && DIFFERENT.test(message)) return 'reused';
  if (PROCESSED.test(message)) return 'processed';
  return undefined;
}

const KEY_HINTS: Readonly<Record<KeyAnswer, string>> = {
  reused: 'The key was used for another request: use a new idempotencyKey for each new operation.',
  processed: 'A request with this key was already processed: call error.reconcile(), not a new key.',
  'in-progress': 'A request with this key is still being processed: call error.reconcile() later.',
};

function facts(failure: AttemptFailure, context: CallContext, errors: ErrorFactory): Facts {
  const { operation } = context;
  switch (failure.type) {
    case 'timeout':
      return {
        error: errors.timeout(operation, failure.timeoutMs),
        retryable: true,
        applied: true,
        reached: true,
      };
    case 'aborted':
      return { error: errors.aborted(operation, true), retryable: false, applied: true, reached: true };
    case 'redirect':
      // A 303 means a POST was processed: a redirect is never a refusal.
      return {
        error: errors.redirect(operation, failure.status, failure.requestId, failure.foreign),
        retryable: false,
        applied: true,
        reached: true,
      };
    case 'unparsed':
      return {
        error: errors.invalid(
          operation,
          failure.status,
          failure.issues,
          failure.requestId,
          failure.confirmed && context.retry === 'must-not-repeat'
            ? { resourceId: failure.resourceId }
            : undefined,
        ),
        retryable: false,
        applied: true,
        reached: true,
        confirmed: failure.confirmed,
      };
    case 'send': {
      const { error } = failure;
      if (error.code === 'TOO_LARGE') {
        return {
          error: errors.invalid(operation, 200, [{ path: '', code: 'too_large' }], undefined),
          retryable: false,
          applied: true,
          reached: true,
        };
      }
      return {
        error: errors.connection(operation, error, context.attempt > 1),
        retryable: error.phase !== 'local',
        applied: error.phase === 'sent',
        reached: error.phase === 'sent',
      };
    }
    case 'status': {
      const error = errors.fromStatus(operation, failure);
      const { status } = failure;
      if (status === 429) {
        return { error, retryable: true, applied: false, reached: false, retryAfterMs: failure.retryAfterMs };
      }
      if (context.retry === 'must-not-repeat' && status >= 400 && status < 500) {
        // A key this call generated, on its first arrival at the server, cannot have been used
        // anywhere else: an answer about it, or a 409, is then about existing state, definite.
        const fresh = context.keyGenerated && !context.mayHaveReached;
        const meaning = keyAnswer(failure.message);
        if (meaning === 'reused') {
          // Nothing was done for this request; after an earlier attempt it is the unknown's cause.
          const reused = errors.fromStatus(operation, failure, KEY_HINTS.reused);
          return { error: reused, retryable: false, applied: false, reached: true };
        }
        if (meaning !== undefined && !fresh) {
          // Never a refusal: an earlier request with this key was (or is being) applied.
          const retryable = meaning === 'in-progress';
          return {
            error,
            retryable,
            applied: true,
            reached: true,
            hint: KEY_HINTS[meaning],
            retryAfterMs: failure.retryAfterMs,
          };
        }
        if (status === 409) {
          return fresh
            ? { error, retryable: false, applied: false, reached: true }
            : { error, retryable: false, applied: true, reached: true, hint: KEY_HINTS['in-progress'] };
        }
      }
      // 1xx or an unknown status says nothing definite either.
      const unsettled = status >= 500 || status === 408 || status < 200;
      return {
        error,
        retryable: RETRYABLE_STATUSES.has(status),
        applied: unsettled,
        reached: true,
        retryAfterMs: failure.retryAfterMs,
      };
    }
  }
}

/**
 * The one place that decides, for a failed attempt, whether to retry, whether the call may have
 * been applied, and how it ends.
 */
export function classify(failure: AttemptFailure, context: CallContext, errors: ErrorFactory): Verdict {
  const f = facts(failure, context, errors);
  const mayHaveApplied = context.mayHaveApplied || f.applied;
  const mayHaveReached = context.mayHaveReached || f.reached;
  const base = { error: f.error, mayHaveApplied, mayHaveReached };
  const once = context.retry === 'must-not-repeat';
  const retriesLeft = context.attempt <= context.maxRetries;
  // A one-shot call is re-sent only while no attempt of it can have been applied, or with the same
  // key and body when the server de-duplicates on it (documented, or assumed by the caller).
  if (f.retryable && retriesLeft && (!once || !mayHaveApplied || context.resendUnknown)) {
    return { ...base, action: 'retry', retryAfterMs: f.retryAfterMs };
  }
  if (once) {
    // A confirmed success stands whatever came before: the call was applied, say so.
    if (f.confirmed) return { ...base, action: 'fail' };
    // Once any attempt may have been applied, a later definite error cannot undo that.
    if (mayHaveApplied) return { ...base, action: 'unknown', hint: f.hint };
    return { ...base, action: 'fail' };
  }
  if (context.retry === 'converges' && context.mayHaveApplied) return { ...base, action: 'converge' };
  return { ...base, action: 'fail' };
}
