import { ApiError } from './api.js';

/** Card issuance named a `typeId` that is unknown or inactive for this account. */
export class InvalidCardTypeError extends ApiError {
  /** Always `'InvalidCardTypeError'`, a literal that survives minification. */
  override readonly name: 'InvalidCardTypeError' = 'InvalidCardTypeError';
}

/** The customer is not verified yet, or has not been granted access to the product. */
export class CustomerNotVerifiedError extends ApiError {
  /** Always `'CustomerNotVerifiedError'`, a literal that survives minification. */
  override readonly name: 'CustomerNotVerifiedError' = 'CustomerNotVerifiedError';
}

/** A compliance rule (nationality, country or program restriction) refused the request. */
export class ComplianceRestrictionError extends ApiError {
  /** Always `'ComplianceRestrictionError'`, a literal that survives minification. */
  override readonly name: 'ComplianceRestrictionError' = 'ComplianceRestrictionError';
}

/** The card program needs a `customerId`, or a budget card was issued without `budgetId`. */
export class MissingCardholderError extends ApiError {
  /** Always `'MissingCardholderError'`, a literal that survives minification. */
  override readonly name: 'MissingCardholderError' = 'MissingCardholderError';
}

/** The organization, card or budget balance is too low for this movement. */
export class InsufficientFundsError extends ApiError {
  /** Always `'InsufficientFundsError'`, a literal that survives minification. */
  override readonly name: 'InsufficientFundsError' = 'InsufficientFundsError';
}

/** The card's state (frozen, blocked, deleted, expired) does not allow this action. */
export class CardStateError extends ApiError {
  /** Always `'CardStateError'`, a literal that survives minification. */
  override readonly name: 'CardStateError' = 'CardStateError';
}

/** The dispute is no longer pending, so it cannot be changed. */
export class DisputeStateError extends ApiError {
  /** Always `'DisputeStateError'`, a literal that survives minification. */
  override readonly name: 'DisputeStateError' = 'DisputeStateError';
}
