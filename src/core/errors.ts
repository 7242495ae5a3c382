import type {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  IdempotencyKeyReusedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ServerError,
  UnprocessableEntityError,
} from './errors/api.js';
import { type CardsError, hasErrorBrand } from './errors/base.js';
import type {
  CardStateError,
  ComplianceRestrictionError,
  CustomerNotVerifiedError,
  DisputeStateError,
  InsufficientFundsError,
  InvalidCardTypeError,
  MissingCardholderError,
} from './errors/domain.js';
import type { ConnectionError, RequestAbortedError, TimeoutError } from './errors/network.js';
import type { OutcomeUnknownError } from './errors/outcome.js';
import type { ResponseValidationError } from './errors/response.js';
import type { ValidationError, WeakPinError } from './errors/validation.js';

export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  IdempotencyKeyReusedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ServerError,
  UnprocessableEntityError,
} from './errors/api.js';
export { CardsError, type CardsErrorInit } from './errors/base.js';
export {
  CardStateError,
  ComplianceRestrictionError,
  CustomerNotVerifiedError,
  DisputeStateError,
  InsufficientFundsError,
  InvalidCardTypeError,
  MissingCardholderError,
} from './errors/domain.js';
export type { ApiErrorName, CardsErrorName } from './errors/names.js';
export { ConnectionError, RequestAbortedError, TimeoutError } from './errors/network.js';
export { OutcomeUnknownError, type OutcomeUnknownInit, type ResendOptions } from './errors/outcome.js';
export {
  type ResponseIssue,
  ResponseValidationError,
  type ResponseValidationInit,
} from './errors/response.js';
export { ValidationError, WeakPinError } from './errors/validation.js';

/**
 * Every error the SDK throws, as a union discriminated by `name`: after `isCardsError(e)`,
 * `e.name === 'RateLimitError'` narrows `e` to {@link RateLimitError}.
 */
export type AnyCardsError =
  | (CardsError & {
      /** Exactly this class, not a subclass. */
      readonly name: 'CardsError';
    })
  | (ApiError & {
      /** Exactly this class, not a subclass. */
      readonly name: 'ApiError';
    })
  | BadRequestError
  | AuthenticationError
  | PermissionDeniedError
  | NotFoundError
  | (ConflictError & {
      /** Exactly this class, not a subclass. */
      readonly name: 'ConflictError';
    })
  | IdempotencyKeyReusedError
  | UnprocessableEntityError
  | RateLimitError
  | ServerError
  | RedirectError
  | InvalidCardTypeError
  | CustomerNotVerifiedError
  | ComplianceRestrictionError
  | MissingCardholderError
  | InsufficientFundsError
  | CardStateError
  | DisputeStateError
  | (ConnectionError & {
      /** Exactly this class, not a subclass. */
      readonly name: 'ConnectionError';
    })
  | TimeoutError
  | RequestAbortedError
  | ResponseValidationError
  | OutcomeUnknownError
  | (ValidationError & {
      /** Exactly this class, not a subclass. */
      readonly name: 'ValidationError';
    })
  | WeakPinError;

/**
 * True for any error thrown by bfinance-cards, including one from another copy of the package
 * (an ESM and a CJS build loaded side by side), where `instanceof` cannot see it. Narrows to
 * {@link AnyCardsError}, so a check of `name` narrows further.
 */
export function isCardsError(value: unknown): value is AnyCardsError {
  return hasErrorBrand(value);
}
