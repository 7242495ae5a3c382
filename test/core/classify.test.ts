import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttemptFailure, type CallContext, classify } from '../../src/core/classify.js';
import { ErrorFactory } from '../../src/core/error-factory.js';
import { IdempotencyKeyReusedError } from '../../src/core/errors.js';
import { SendError } from '../../src/core/http/types.js';
import type { OperationClass } from '../../src/core/spec.js';

// The one classifier, tested directly: its rules as properties over every failure and context.

const errors = new ErrorFactory([], false, []);

const statusFailure = (status: number, message?: string): AttemptFailure => ({
  type: 'status',
  status,
  message,
  errorId: undefined,
  requestId: undefined,
  retryAfterMs: undefined,
});

const failures: fc.Arbitrary<AttemptFailure> = fc.oneof(
  fc
    .constantFrom(200, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504, 100, 600)
    .map((s) => statusFailure(s)),
  fc
    .constantFrom(301, 302, 303, 307, 308, 0)
    .map((status): AttemptFailure => ({ type: 'redirect', status, requestId: undefined, foreign: false })),
  fc.boolean().map(
    (confirmed): AttemptFailure => ({
      type: 'unparsed',
      status: 200,
      issues: [],
      requestId: undefined,
      confirmed,
      resourceId: undefined,
    }),
  ),
  fc.constant<AttemptFailure>({ type: 'timeout', timeoutMs: 100 }),
  fc.constant<AttemptFailure>({ type: 'aborted' }),
  fc.constantFrom('connect', 'sent', 'local').map(
    (phase): AttemptFailure => ({
      type: 'send',
      error: new SendError('x', 'ECONNRESET', phase as 'connect'),
    }),
  ),
);

const contexts: fc.Arbitrary<CallContext> = fc
  .record({
    operation: fc.constant('funds.topUp'),
    retry: fc.constantFrom<OperationClass>('safe-to-repeat', 'converges', 'must-not-repeat'),
    attempt: fc.integer({ min: 1, max: 4 }),
    maxRetries: fc.integer({ min: 0, max: 3 }),
    mayHaveApplied: fc.boolean(),
    mayHaveReached: fc.boolean(),
    keyGenerated: fc.boolean(),
    resendUnknown: fc.boolean(),
  })
  .map((c) => ({ ...c, mayHaveReached: c.mayHaveReached || c.mayHaveApplied }));

describe('classify', () => {
  it('never retries a must-not-repeat call after an attempt that may have applied, unless opted in', () => {
    fc.assert(
      fc.property(failures, contexts, (failure, context) => {
        const verdict = classify(
          failure,
          { ...context, retry: 'must-not-repeat', resendUnknown: false },
          errors,
        );
        if (verdict.action === 'retry') expect(verdict.mayHaveApplied).toBe(context.mayHaveApplied);
        if (verdict.action === 'retry') expect(context.mayHaveApplied).toBe(false);
      }),
    );
  });

  it('once an attempt may have applied, a must-not-repeat call ends unknown or retries, never in a definite refusal', () => {
    fc.assert(
      fc.property(failures, contexts, (failure, context) => {
        const verdict = classify(
          failure,
          { ...context, retry: 'must-not-repeat', mayHaveApplied: true, mayHaveReached: true },
          errors,
        );
        const confirmed = failure.type === 'unparsed' && failure.confirmed;
        if (!confirmed) expect(['unknown', 'retry']).toContain(verdict.action);
      }),
    );
  });

  it('retries only within maxRetries, and never a local send failure or an abort', () => {
    fc.assert(
      fc.property(failures, contexts, (failure, context) => {
        const verdict = classify(failure, context, errors);
        if (verdict.action !== 'retry') return;
        expect(context.attempt).toBeLessThanOrEqual(context.maxRetries);
        expect(
          failure.type === 'aborted' || (failure.type === 'send' && failure.error.phase === 'local'),
        ).toBe(false);
      }),
    );
  });

  it('a 3xx is never a definite refusal of a must-not-repeat call', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const verdict = classify(
        { type: 'redirect', status, requestId: undefined, foreign: false },
        {
          operation: 'funds.topUp',
          retry: 'must-not-repeat',
          attempt: 1,
          maxRetries: 2,
          mayHaveApplied: false,
          mayHaveReached: false,
          keyGenerated: true,
          resendUnknown: true,
        },
        errors,
      );
      expect(verdict.action).toBe('unknown');
    }
  });

  it('a 409 is definite only on a fresh generated key that no earlier attempt took to the server', () => {
    const base = {
      operation: 'funds.topUp',
      retry: 'must-not-repeat' as const,
      attempt: 1,
      maxRetries: 2,
      mayHaveApplied: false,
      resendUnknown: false,
    };
    expect(
      classify(statusFailure(409), { ...base, mayHaveReached: false, keyGenerated: true }, errors).action,
    ).toBe('fail');
    expect(
      classify(statusFailure(409), { ...base, mayHaveReached: true, keyGenerated: true }, errors).action,
    ).toBe('unknown');
    expect(
      classify(statusFailure(409), { ...base, mayHaveReached: false, keyGenerated: false }, errors).action,
    ).toBe('unknown');
  });

  it('settles a refused converging call by a read only after an attempt that may have applied', () => {
    const base = {
      operation: 'status.freeze',
      retry: 'converges' as const,
      attempt: 3,
      maxRetries: 2,
      mayHaveReached: true,
      keyGenerated: false,
      resendUnknown: false,
    };
    expect(
      classify(statusFailure(400, 'Card is not active'), { ...base, mayHaveApplied: true }, errors).action,
    ).toBe('converge');
    expect(
      classify(statusFailure(400, 'Card is not active'), { ...base, mayHaveApplied: false }, errors).action,
    ).toBe('fail');
  });

  // Wordings bfinance has not published: each meaning in several phrasings, cases and statuses.
  const REUSED = [
    'Idempotency key already used for a different request',
    'idempotency-key reuse: payload does not match the original',
    'This key was used with different parameters',
    'IDEMPOTENCY KEY MISMATCH',
    'The Idempotency-Key belongs to another request',
    'Request does not match the original request for this Idempotency-Key',
    'Cannot reuse idempotency key with different request data',
  ];
  const PROCESSED = [
    'This request was already processed',
    'Duplicate request',
    'Top-up already exists',
    'Operation has already been completed',
    'duplicate transaction',
    'This request has been processed already',
    'Idempotency key already used',
  ];
  const IN_PROGRESS = [
    'A request with this Idempotency-Key is in progress',
    'Another request with the same key is still being processed',
    'operation in flight, try later',
    'Transaction is currently processing',
    'Request is pending',
    'Idempotency key is locked',
  ];
  const fourXX = fc.constantFrom(400, 409, 422, 425);
  const mutate = (text: string): fc.Arbitrary<string> =>
    fc.constantFrom(text, text.toUpperCase(), text.toLowerCase(), `Error: ${text}.`, `${text} (code 4211)`);
  const afterApplied: CallContext = {
    operation: 'funds.topUp',
    retry: 'must-not-repeat',
    attempt: 2,
    maxRetries: 2,
    mayHaveApplied: true,
    mayHaveReached: true,
    keyGenerated: true,
    resendUnknown: false,
  };

  it('after an attempt that may have applied, "already processed" or "in progress" in any 4xx is unknown, never a refusal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROCESSED, ...IN_PROGRESS).chain(mutate), fourXX, (message, status) => {
        const verdict = classify(statusFailure(status, message), afterApplied, errors);
        expect(verdict.action).toBe('unknown');
        expect(verdict.mayHaveApplied).toBe(true);
      }),
    );
  });

  it('"this key was used for a different request" is a definite IdempotencyKeyReusedError when nothing may have applied', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REUSED).chain(mutate),
        fourXX,
        fc.boolean(),
        (message, status, generated) => {
          const fresh = {
            ...afterApplied,
            attempt: 1,
            mayHaveApplied: false,
            mayHaveReached: false,
            keyGenerated: generated,
          };
          const definite = classify(statusFailure(status, message), fresh, errors);
          expect(definite.action).toBe('fail');
          expect(definite.error).toBeInstanceOf(IdempotencyKeyReusedError);
          const later = classify(statusFailure(status, message), afterApplied, errors);
          expect(later.action).toBe('unknown');
          expect(later.error).toBeInstanceOf(IdempotencyKeyReusedError);
        },
      ),
    );
  });

  it('a caller key meeting "already processed" on its first attempt is unknown: an earlier run may have applied it', () => {
    const callerKey = {
      ...afterApplied,
      attempt: 1,
      mayHaveApplied: false,
      mayHaveReached: false,
      keyGenerated: false,
    };
    for (const message of PROCESSED) {
      expect(classify(statusFailure(400, message), callerKey, errors).action).toBe('unknown');
    }
  });

  it('a de-duplicated call is re-sent after an attempt that may have applied, within maxRetries; "in progress" too', () => {
    const resend = { ...afterApplied, resendUnknown: true, attempt: 1 };
    expect(classify({ type: 'timeout', timeoutMs: 10 }, resend, errors).action).toBe('retry');
    expect(classify(statusFailure(503), resend, errors).action).toBe('retry');
    expect(classify(statusFailure(409, IN_PROGRESS[0]), resend, errors).action).toBe('retry');
    expect(classify(statusFailure(409, PROCESSED[0]), resend, errors).action).toBe('unknown');
    expect(classify(statusFailure(503), { ...resend, attempt: 3 }, errors).action).toBe('unknown');
  });

  it('domain refusals are not mistaken for key answers on a fresh call', () => {
    const fresh = {
      ...afterApplied,
      attempt: 1,
      mayHaveApplied: false,
      mayHaveReached: false,
      keyGenerated: false,
    };
    for (const message of [
      'Insufficient funds on organization balance',
      'Card is frozen',
      'Customer verification is pending',
      'Amount must be at least 1.01',
      'Dispute is not pending',
      'Access request already granted',
    ]) {
      expect(classify(statusFailure(400, message), fresh, errors).action, message).toBe('fail');
    }
  });
});
