import { describe, expect, it } from 'vitest';
import * as sdk from '../src/index.js';

describe('public API', () => {
  it('exports exactly these runtime names (a rename or removal shows here in review)', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'ApiError',
      'AuthenticationError',
      'BadRequestError',
      'CardLimitsResource',
      'CardStateError',
      'CardVelocityResource',
      'Cards',
      'CardsClient',
      'CardsError',
      'ComplianceRestrictionError',
      'ConflictError',
      'ConnectionError',
      'CustomerNotVerifiedError',
      'CustomerQuestionnairesResource',
      'Customers',
      'DisputeStateError',
      'Disputes',
      'Funds',
      'IdempotencyKeyReusedError',
      'InsufficientFundsError',
      'InvalidCardTypeError',
      'MissingCardholderError',
      'NotFoundError',
      'OutcomeUnknownError',
      'PIN_PRESETS',
      'PagePromise',
      'PermissionDeniedError',
      'PhysicalCardsResource',
      'Pins',
      'RateLimitError',
      'RedirectError',
      'RequestAbortedError',
      'ResponseValidationError',
      'Sensitive',
      'ServerError',
      'Status',
      'TimeoutError',
      'UnprocessableEntityError',
      'VERSION',
      'ValidationError',
      'WeakPinError',
      'checkPin',
      'describePinRule',
      'isCardsError',
      'maskPan',
      'redact',
    ]);
  });

  it('gives every error class a literal name that survives minification', () => {
    const errorClasses = Object.entries(sdk).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof Error,
    ) as [string, new (message: string, init: never) => Error][];
    expect(errorClasses.length).toBe(26);
    for (const [exportName, ErrorClass] of errorClasses) {
      const init = {
        hint: 'h',
        status: 400,
        field: 'f',
        rule: 'r',
        operation: 'o',
        idempotencyKey: 'k',
        attempts: 1,
        issues: [],
      };
      const error = new ErrorClass('m', init as never);
      expect(error.name).toBe(exportName);
      expect(sdk.isCardsError(error)).toBe(true);
    }
  });

  it('exposes the resources on the client', () => {
    const client = new sdk.CardsClient({ apiToken: 't' });
    expect(Object.keys(client).sort()).toEqual(['cards', 'customers', 'disputes', 'funds', 'pins', 'status']);
    expect(Object.keys(client.cards).sort()).toEqual(['limits', 'physical', 'velocity']);
  });
});
