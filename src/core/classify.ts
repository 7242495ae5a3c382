import type { ErrorFactory } from './error-factory.js';
import type { CardsError } from './errors.js';
import type { SendError } from './http/types.js';
import type { Reading } from './response.js';
import { RETRYABLE_STATUSES } from './retry.js';
import type { RetryClass } from './spec.js';

/** How one attempt failed: a response that was not a success, or no response at all. */
export type AttemptFailure =
  | Exclude<Reading<unknown>, { type: 'ok' }>
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'aborted' }
  | { type: 'send'; error: SendError };

/** What the call knows when an attempt fails. */
export interface CallContext {
  operation: string;
  kind: RetryClass;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  maxRetries: number;
  /** An earlier attempt of this call may have been applied. */
  mayHaveApplied: boolean;
  /** An earlier attempt of this call may have reached the server (so may still be in progress). */
  mayHaveReached: boolean;
  /** The SDK generated the call's `Idempotency-Key` (nobody else can have used it). */
  keyGenerated: boolean;
  retryUnknownOutcomes: boolean;
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
 * What a 409 on a call that must not be repeated means when it cannot be a plain conflict (the key
 * was the caller's, or an earlier attempt may be running): the hint a caller needs not to loop.
 */
function conflictHint(message: string | undefined): string {
  const text = message ?? '';
  if (
    /differ|not match|mismatch|another request|other request|different (body|payload|parameters)|reused/i.test(
      text,
    )
  ) {
    return 'bfinance says this Idempotency-Key was already used for a different request: use a new idempotencyKey for a new request. Re-sending with this key would only get the same 409.';
  }
  if (/already|duplicate|exists/i.test(text)) {
    return 'bfinance says this was already done: the call was most likely applied by an earlier request with this key. Call error.reconcile() or read the resource before doing anything else; do not re-send with a new key.';
  }
  return 'A request with this Idempotency-Key may still be running at bfinance: wait a few seconds, then re-send with the same idempotencyKey or call error.reconcile().';
}

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
          failure.confirmed && context.kind === 'must-not-repeat'
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
      if (status === 409 && context.kind === 'must-not-repeat') {
        // A key this call generated, on its first arrival at the server, cannot be in progress
        // anywhere else: the 409 is a conflict with existing state, a definite answer.
        const definite = context.keyGenerated && !context.mayHaveReached;
        return definite
          ? { error, retryable: false, applied: false, reached: true }
          : { error, retryable: false, applied: true, reached: true, hint: conflictHint(failure.message) };
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
  const once = context.kind === 'must-not-repeat';
  const retriesLeft = context.attempt <= context.maxRetries;
  // A one-shot call is re-sent only while no attempt of it can have been applied (or when opted in).
  if (f.retryable && retriesLeft && (!once || !mayHaveApplied || context.retryUnknownOutcomes)) {
    return { ...base, action: 'retry', retryAfterMs: f.retryAfterMs };
  }
  if (once) {
    // A confirmed success stands whatever came before: the call was applied, say so.
    if (f.confirmed) return { ...base, action: 'fail' };
    // Once any attempt may have been applied, a later definite error cannot undo that.
    if (mayHaveApplied) return { ...base, action: 'unknown', hint: f.hint };
    return { ...base, action: 'fail' };
  }
  if (context.kind === 'converges' && context.mayHaveApplied) return { ...base, action: 'converge' };
  return { ...base, action: 'fail' };
}
