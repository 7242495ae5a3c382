import {
  type ApiError,
  type AuthenticationError,
  type BadRequestError,
  type CardsError,
  type ConflictError,
  type ConnectionError,
  type IdempotencyKeyReusedError,
  isCardsError as isBranded,
  type NotFoundError,
  type OutcomeUnknownError,
  type PermissionDeniedError,
  type RateLimitError,
  type RedirectError,
  type RequestAbortedError,
  type ResponseValidationError,
  type ServerError,
  type TimeoutError,
  type UnprocessableEntityError,
  type ValidationError,
} from './core/errors.js';
import type {
  CardStateError,
  ComplianceRestrictionError,
  CustomerNotVerifiedError,
  DisputeStateError,
  InsufficientFundsError,
  InvalidCardTypeError,
  MissingCardholderError,
  WeakPinError,
} from './resources/domain-errors.js';

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

/** The `name` of every error class the SDK throws. */
export type CardsErrorName = AnyCardsError['name'];

/** The `name` of every {@link ApiError} class. */
export type ApiErrorName = Extract<AnyCardsError, ApiError>['name'];

/**
 * True for any error thrown by bfinance-cards, including one from another copy of the package
 * (an ESM and a CJS build loaded side by side), where `instanceof` cannot see it. Narrows to
 * {@link AnyCardsError}, so a check of `name` narrows further.
 */
export function isCardsError(value: unknown): value is AnyCardsError {
  return isBranded(value);
}
