// The portable entry (dist/edge, the `default` export condition): its client sends through the
// global fetch. src/index.node.ts (dist/node) re-exports all of it with the undici client for Node.
/**
 * Typed client for the bfinance Cards API: {@link CardsClient}, its errors and its types.
 *
 * @module bfinance-cards
 */
export { CardsClient, type CardsClientOptions } from './client.js';
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  CardStateError,
  CardsError,
  type CardsErrorInit,
  ComplianceRestrictionError,
  ConflictError,
  ConnectionError,
  CustomerNotVerifiedError,
  DisputeStateError,
  InsufficientFundsError,
  InvalidCardTypeError,
  isCardsError,
  MissingCardholderError,
  NotFoundError,
  OutcomeUnknownError,
  type OutcomeUnknownInit,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  type ResponseIssue,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  WeakPinError,
} from './core/errors.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { Amount } from './core/money.js';
export type { Page, PageParams, PagePromise } from './core/page.js';
export { maskPan, redact, Sensitive, type SensitiveKind } from './core/redact.js';
export type { ActionResult } from './core/schema.js';
export type { OperationClass, RequestOptions } from './core/spec.js';
export type {
  EvidenceItem,
  ReconcileEvidence,
  ReconcileOptions,
  ReconcileStatus,
  Reconciliation,
} from './outcomes/types.js';
export {
  checkPin,
  describePinRule,
  PIN_PRESETS,
  type PinCheckResult,
  type PinPolicy,
  type PinPreset,
  type PinRule,
} from './pins/rules.js';
export type {
  CardLimits,
  CardLimitsResource,
  CardVelocityResource,
  ChannelLimits,
  LimitSetting,
  LimitType,
  LimitUsage,
  VelocityType,
} from './resources/card-controls.js';
export type {
  CardConfiguration,
  Cardholder,
  IssueBudgetCardParams,
  IssueCardParams,
  IssueCommonParams,
  IssueStandaloneCardParams,
} from './resources/card-issue.js';
export type { CardModel, CardRef } from './resources/card-ref.js';
export type {
  Card,
  CardBase,
  CardHolder,
  CardSecrets,
  CardSensitiveData,
  CardStatus,
  CardSummary,
  CardTransaction,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
} from './resources/card-schemas.js';
export type { CardListParams, CardsResource } from './resources/cards.js';
export type { CustomerQuestionnairesResource, Questionnaire } from './resources/customer-questionnaires.js';
export type {
  AccessRequest,
  AccessRequestParams,
  AccessType,
  CreateCustomerParams,
  Customer,
  CustomerAddress,
  CustomerAddressInput,
  CustomerStatus,
  CustomerType,
  FeatureAccess,
  FeatureAccessStatus,
  IdentityDocumentInput,
  IndividualData,
  OtherDocumentInput,
  VerificationLevel,
  WaitUntilVerifiedOptions,
} from './resources/customer-schemas.js';
export type { CustomersResource } from './resources/customers.js';
export type {
  CreateDisputeParams,
  Dispute,
  DisputeStatus,
  DisputeStatusResult,
  DisputesResource,
} from './resources/disputes.js';
export type {
  BudgetTransaction,
  BudgetTransactionCard,
  FundsResource,
  OrganizationBalance,
  TopUpBudgetParams,
  TopUpParams,
  WithdrawParams,
} from './resources/funds.js';
export type { PhysicalCardsResource, ShippingData } from './resources/physical-cards.js';
export type { PinsResource } from './resources/pins.js';
export type { StatusResource } from './resources/status.js';
export { VERSION } from './version.js';
