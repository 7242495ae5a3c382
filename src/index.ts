/**
 * Typed client for the bfinance Cards API: {@link CardsClient}, its errors and its types.
 *
 * @module bfinance-cards
 */
export { CardsClient } from './client.js';
export type { CardsClientOptions } from './connection.js';
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  CardsError,
  type CardsErrorInit,
  ConflictError,
  ConnectionError,
  IdempotencyKeyReusedError,
  NotFoundError,
  OutcomeUnknownError,
  type OutcomeUnknownInit,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestAbortedError,
  type ResendOptions,
  type ResponseIssue,
  ResponseValidationError,
  type ResponseValidationInit,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from './core/errors.js';
export type { AuditEvent, AuditHook, AuditOutcome } from './core/hooks/audit.js';
export type { UndiciDispatcher } from './core/http/types.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { Amount } from './core/money.js';
export type {
  EvidenceItem,
  ReconcileEvidence,
  ReconcileOptions,
  ReconcileStatus,
  Reconciliation,
} from './core/outcome/contract.js';
export { type Page, type PageParams, PagePromise } from './core/page.js';
export { maskPan, redact, Sensitive, type SensitiveKind } from './core/redact/index.js';
export type { ActionResult } from './core/schema.js';
export type { OperationClass, RequestOptions } from './core/spec.js';
export { type AnyCardsError, type ApiErrorName, type CardsErrorName, isCardsError } from './errors.js';
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
  CardConfiguration,
  Cardholder,
  IssueBudgetCardParams,
  IssueCardParams,
  IssueCommonParams,
  IssueStandaloneCardParams,
} from './resources/card-issue.js';
export { CardLimitsResource, CardVelocityResource } from './resources/card-limits.js';
export type {
  CardLimits,
  ChannelLimits,
  LimitSetting,
  LimitType,
  LimitUsage,
  VelocityType,
} from './resources/card-limits-schemas.js';
export type {
  BudgetCardRef,
  CardModel,
  CardRef,
  KnownModel,
  NotBudgetCard,
  StandaloneCardRef,
} from './resources/card-ref.js';
export type {
  Card,
  CardBalance,
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
  PartialCardSecrets,
  ReissuedCard,
} from './resources/card-results.js';
export { type CardListParams, Cards } from './resources/cards.js';
export { CustomerQuestionnairesResource } from './resources/customer-questionnaires.js';
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
export { type CustomerRef, Customers } from './resources/customers.js';
export {
  type CreateDisputeParams,
  type DisputeRef,
  Disputes,
  type TransactionRef,
} from './resources/disputes-resource.js';
export type { Dispute, DisputeStatus, DisputeStatusResult } from './resources/disputes-schemas.js';
export {
  CardStateError,
  ComplianceRestrictionError,
  CustomerNotVerifiedError,
  DisputeStateError,
  InsufficientFundsError,
  InvalidCardTypeError,
  MissingCardholderError,
  WeakPinError,
} from './resources/domain-errors.js';
export {
  type DepositAddressParams,
  Funds,
  type TopUpBudgetParams,
  type TopUpParams,
  type WithdrawParams,
} from './resources/funds-resource.js';
export type {
  BudgetTransaction,
  BudgetTransactionCard,
  DepositAddress,
  DepositCurrency,
  DepositNetwork,
  OrganizationBalance,
} from './resources/funds-schemas.js';
export { PhysicalCardsResource, type ShippingData } from './resources/physical-cards.js';
export { Pins } from './resources/pins.js';
export type {
  Questionnaire,
  QuestionnaireAnswer,
  QuestionnaireQuestion,
  QuestionnaireSummary,
} from './resources/questionnaire-schemas.js';
export { Status } from './resources/status.js';
export { VERSION } from './version.js';
