import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import * as engine from '../../src/core/errors.js';
import {
  ApiError,
  CardsError,
  ConnectionError,
  isCardsError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { redact } from '../../src/core/redact/index.js';
import * as domain from '../../src/resources/domain-errors.js';

// The public error classes: the engine's and the domain's.
const errors = { ...engine, ...domain };

type AnyErrorClass = new (message: string, init: never) => CardsError;

/** Every error class the module exports, found by walking the exports (new classes are covered too). */
function errorClasses(module: Record<string, unknown>): Array<[string, AnyErrorClass]> {
  return Object.entries(module).filter(
    (entry): entry is [string, AnyErrorClass] =>
      typeof entry[1] === 'function' &&
      (entry[1] === module.CardsError ||
        (entry[1] as { prototype?: unknown }).prototype instanceof (module.CardsError as AnyErrorClass)),
  );
}

/** An init every class accepts: the union of all the fields the constructors read. */
const INIT = {
  hint: 'Do the next thing.',
  operation: 'cards.retrieve',
  status: 418,
  errorId: 'err-1',
  requestId: 'req-1',
  issues: [{ path: 'id', code: 'invalid_type' }],
  field: 'amount',
  rule: 'positive',
  idempotencyKey: 'key-1',
  attempts: 2,
  retryAfterMs: 1000,
} as never;

const CLASSES = errorClasses(errors as unknown as Record<string, unknown>);

describe('error classes', () => {
  it('finds the whole hierarchy', () => {
    expect(CLASSES.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'CardsError',
        'ApiError',
        'BadRequestError',
        'AuthenticationError',
        'PermissionDeniedError',
        'NotFoundError',
        'ConflictError',
        'UnprocessableEntityError',
        'RateLimitError',
        'ServerError',
        'InvalidCardTypeError',
        'CustomerNotVerifiedError',
        'ComplianceRestrictionError',
        'MissingCardholderError',
        'InsufficientFundsError',
        'CardStateError',
        'DisputeStateError',
        'ConnectionError',
        'TimeoutError',
        'RequestAbortedError',
        'ResponseValidationError',
        'OutcomeUnknownError',
        'ValidationError',
      ]),
    );
  });

  it.each(CLASSES)('%s has its literal name, a hint, the brand and the Error chain', (exportName, Class) => {
    const error = new Class('Something failed.', INIT);
    expect(error.name).toBe(exportName);
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CardsError);
    expect(isCardsError(error)).toBe(true);
    expect(error.hint).toBe('Do the next thing.');
    expect(error.message).toBe('Something failed.');
    expect(String(error)).toBe(`${exportName}: Something failed.`);
    expect(error.stack).toContain(exportName);
  });

  it('keeps the documented sub-class relations', () => {
    const init = { hint: 'h', status: 404 };
    expect(new NotFoundError('x', init)).toBeInstanceOf(ApiError);
    expect(new TimeoutError('x', { hint: 'h' })).toBeInstanceOf(ConnectionError);
    expect(new errors.InsufficientFundsError('x', { hint: 'h', status: 400 })).toBeInstanceOf(ApiError);
    expect(new RateLimitError('x', { hint: 'h', status: 429 })).toBeInstanceOf(ApiError);
    expect(new ResponseValidationError('x', { hint: 'h', status: 200, issues: [] })).not.toBeInstanceOf(
      ApiError,
    );
    expect(
      new OutcomeUnknownError('x', { hint: 'h', operation: 'o', idempotencyKey: 'k', attempts: 1 }),
    ).not.toBeInstanceOf(ApiError);
  });

  it('carries the fields of each kind', () => {
    const api = new ServerError('x', {
      hint: 'h',
      status: 503,
      errorId: 'e',
      requestId: 'r',
      operation: 'op',
    });
    expect([api.status, api.errorId, api.requestId, api.operation]).toEqual([503, 'e', 'r', 'op']);
    const limited = new RateLimitError('x', { hint: 'h', status: 429, retryAfterMs: 2000 });
    expect(limited.retryAfterMs).toBe(2000);
    const outcome = new OutcomeUnknownError('x', {
      hint: 'h',
      operation: 'funds.topUp',
      idempotencyKey: 'k',
      attempts: 3,
    });
    expect([outcome.operation, outcome.idempotencyKey, outcome.attempts]).toEqual(['funds.topUp', 'k', 3]);
    const invalid = new ValidationError('x', { hint: 'h', field: 'amount', rule: 'max_decimals' });
    expect([invalid.field, invalid.rule]).toEqual(['amount', 'max_decimals']);
    const cause = new Error('inner');
    expect(new CardsError('x', { hint: 'h', cause }).cause).toBe(cause);
    expect('cause' in new CardsError('x', { hint: 'h' })).toBe(false);
  });
});

describe('isCardsError', () => {
  it('recognises an error built by a second copy of the module (ESM + CJS side by side)', async () => {
    // A fresh module graph: the error classes are evaluated a second time, as in a second package copy.
    vi.resetModules();
    const copy = (await import('../../src/core/errors.js')) as typeof engine;
    expect(copy.CardsError).not.toBe(CardsError);
    const foreign = new copy.NotFoundError('Card not found', { hint: 'h', status: 404 });
    expect(foreign).not.toBeInstanceOf(CardsError);
    expect(isCardsError(foreign)).toBe(true);
    expect(copy.isCardsError(new NotFoundError('x', { hint: 'h', status: 404 }))).toBe(true);
  });

  it('recognises the global brand on any object', () => {
    expect(isCardsError({ [Symbol.for('bfinance-cards.error')]: true })).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('x')],
    ['an object named like one', { name: 'CardsError', hint: 'h', message: 'm' }],
    ['a brand that is not true', { [Symbol.for('bfinance-cards.error')]: 'yes' }],
    ['a local symbol', { [Symbol('bfinance-cards.error')]: true }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'CardsError'],
  ])('rejects %s', (_label, value) => {
    expect(isCardsError(value)).toBe(false);
  });

  it('keeps the brand out of enumeration', () => {
    const error = new NotFoundError('x', { hint: 'h', status: 404 });
    expect(Object.getOwnPropertySymbols(error)).toHaveLength(1);
    expect(Object.keys(error)).not.toContain(String(Symbol.for('bfinance-cards.error')));
    expect(Object.getOwnPropertyDescriptor(error, Symbol.for('bfinance-cards.error'))?.enumerable).toBe(
      false,
    );
  });
});

describe('toJSON', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLXZhbHVl';
  const pan = '4111 1111 1111 1111';

  it('lists the safe fields, and neither the stack nor the cause', () => {
    const inner = new Error(`raw socket error with ${token}`);
    const error = new ServerError(redact(`down for ${pan}`), {
      hint: 'Retry later.',
      status: 503,
      errorId: 'e-1',
      operation: 'funds.topUp',
      cause: inner,
    });
    const json = error.toJSON();
    expect(json).toEqual({
      name: 'ServerError',
      message: 'down for •••• 1111',
      hint: 'Retry later.',
      operation: 'funds.topUp',
      status: 503,
      errorId: 'e-1',
    });
    const text = JSON.stringify(error);
    expect(text).not.toContain(token);
    expect(text).not.toContain(pan);
    expect(text).not.toContain('stack');
    expect(text).not.toContain('at ');
  });

  it('serialises the outcome-unknown fields a caller needs to reconcile', () => {
    const error = new OutcomeUnknownError('may have been applied', {
      hint: 'Re-send with the same idempotencyKey.',
      operation: 'funds.topUp',
      idempotencyKey: 'k-9',
      attempts: 1,
      cause: new TimeoutError('t', { hint: 'h' }),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'OutcomeUnknownError',
      message: 'may have been applied',
      hint: 'Re-send with the same idempotencyKey.',
      operation: 'funds.topUp',
      idempotencyKey: 'k-9',
      attempts: 1,
    });
  });

  it('leaves undefined fields out', () => {
    expect(JSON.parse(JSON.stringify(new NotFoundError('x', { hint: 'h', status: 404 })))).toEqual({
      name: 'NotFoundError',
      message: 'x',
      hint: 'h',
      status: 404,
    });
  });

  it('keeps util.inspect free of secrets that went through redact()', () => {
    const error = new ApiError(redact(`Bearer ${token} card ${pan}`), { hint: 'h', status: 400 });
    const text = inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true });
    expect(text).not.toContain(token);
    expect(text).not.toContain(pan);
    expect(text).toContain('Bearer [REDACTED]');
  });
});
