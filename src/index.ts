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
export type { CardLimitsResource, CardVelocityResource, VelocityType } from './resources/card-controls.js';
export type {
  CardConfiguration,
  Cardholder,
  IssueBudgetCardParams,
  IssueCardParams,
  IssueCommonParams,
  IssueStandaloneCardParams,
} from './resources/card-issue.js';
export type {
  CardLimits,
  ChannelLimits,
  LimitSetting,
  LimitType,
  LimitUsage,
} from './resources/card-limits-schemas.js';
export type { CardModel, CardRef } from './resources/card-ref.js';
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
} from './resources/card-shapes.js';
export type { CardListParams, CardsResource } from './resources/cards.js';
export type {
  CustomerQuestionnairesResource,
  Questionnaire,
  QuestionnaireAnswer,
  QuestionnaireQuestion,
  QuestionnaireSummary,
} from './resources/customer-questionnaires.js';
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
export type { CreateDisputeParams, DisputesResource } from './resources/disputes.js';
export type { Dispute, DisputeStatus, DisputeStatusResult } from './resources/disputes-schemas.js';
export type { FundsResource, TopUpBudgetParams, TopUpParams, WithdrawParams } from './resources/funds.js';
export type {
  BudgetTransaction,
  BudgetTransactionCard,
  DepositAddress,
  OrganizationBalance,
} from './resources/funds-schemas.js';
export type { PhysicalCardsResource, ShippingData } from './resources/physical-cards.js';
export type { PinsResource } from './resources/pins.js';
export type { StatusResource } from './resources/status.js';
export { VERSION } from './version.js';
