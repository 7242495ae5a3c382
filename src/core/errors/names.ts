/** The `name` of every {@link ApiError} class. */
export type ApiErrorName =
  | 'ApiError'
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'PermissionDeniedError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'IdempotencyKeyReusedError'
  | 'UnprocessableEntityError'
  | 'RateLimitError'
  | 'ServerError'
  | 'RedirectError'
  | 'InvalidCardTypeError'
  | 'CustomerNotVerifiedError'
  | 'ComplianceRestrictionError'
  | 'MissingCardholderError'
  | 'InsufficientFundsError'
  | 'CardStateError'
  | 'DisputeStateError';

/** The `name` of every error class the SDK throws. */
export type CardsErrorName =
  | 'CardsError'
  | ApiErrorName
  | 'ConnectionError'
  | 'TimeoutError'
  | 'RequestAbortedError'
  | 'ResponseValidationError'
  | 'OutcomeUnknownError'
  | 'ValidationError'
  | 'WeakPinError';
