import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttemptFailure, type CallContext, classify } from '../../src/core/classify.js';
import { ErrorFactory } from '../../src/core/error-factory.js';
import { SendError } from '../../src/core/http/types.js';
import type { RetryClass } from '../../src/core/spec.js';

// The one classifier, tested directly: its rules as properties over every failure and context.

const errors = new ErrorFactory([], false);

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
    kind: fc.constantFrom<RetryClass>('safe-to-repeat', 'converges', 'must-not-repeat'),
    attempt: fc.integer({ min: 1, max: 4 }),
    maxRetries: fc.integer({ min: 0, max: 3 }),
    mayHaveApplied: fc.boolean(),
    mayHaveReached: fc.boolean(),
    keyGenerated: fc.boolean(),
    retryUnknownOutcomes: fc.boolean(),
  })
  .map((c) => ({ ...c, mayHaveReached: c.mayHaveReached || c.mayHaveApplied }));

describe('classify', () => {
  it('never retries a must-not-repeat call after an attempt that may have applied, unless opted in', () => {
    fc.assert(
      fc.property(failures, contexts, (failure, context) => {
        const verdict = classify(
          failure,
          { ...context, kind: 'must-not-repeat', retryUnknownOutcomes: false },
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
          { ...context, kind: 'must-not-repeat', mayHaveApplied: true, mayHaveReached: true },
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
          kind: 'must-not-repeat',
          attempt: 1,
          maxRetries: 2,
          mayHaveApplied: false,
          mayHaveReached: false,
          keyGenerated: true,
          retryUnknownOutcomes: true,
        },
        errors,
      );
      expect(verdict.action).toBe('unknown');
    }
  });

  it('a 409 is definite only on a fresh generated key that no earlier attempt took to the server', () => {
    const base = {
      operation: 'funds.topUp',
      kind: 'must-not-repeat' as const,
      attempt: 1,
      maxRetries: 2,
      mayHaveApplied: false,
      retryUnknownOutcomes: false,
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
      kind: 'converges' as const,
      attempt: 3,
      maxRetries: 2,
      mayHaveReached: true,
      keyGenerated: false,
      retryUnknownOutcomes: false,
    };
    expect(
      classify(statusFailure(400, 'Card is not active'), { ...base, mayHaveApplied: true }, errors).action,
    ).toBe('converge');
    expect(
      classify(statusFailure(400, 'Card is not active'), { ...base, mayHaveApplied: false }, errors).action,
    ).toBe('fail');
  });
});
