import type { ErrorCause } from '../core/error-map.js';
import { ApiError, ValidationError } from '../core/errors.js';
import type { PinRule } from '../pins/rules.js';

// The errors of the Cards domain: a class, and its row in ERROR_CAUSES, the table the client hands
// to the engine's error factory. A new cause is one class and one row here (plus its export).

/** Card issuance named a `typeId` that is unknown or inactive for this account. */
export class InvalidCardTypeError extends ApiError {
  override readonly name = 'InvalidCardTypeError';
}

/** The customer is not verified yet, or has not been granted access to the product. */
export class CustomerNotVerifiedError extends ApiError {
  override readonly name = 'CustomerNotVerifiedError';
}

/** A compliance rule (nationality, country or program restriction) refused the request. */
export class ComplianceRestrictionError extends ApiError {
  override readonly name = 'ComplianceRestrictionError';
}

/** The card program needs a `customerId`, or a budget card was issued without `budgetId`. */
export class MissingCardholderError extends ApiError {
  override readonly name = 'MissingCardholderError';
}

/** The organization, card or budget balance is too low for this movement. */
export class InsufficientFundsError extends ApiError {
  override readonly name = 'InsufficientFundsError';
}

/** The card's state (frozen, blocked, deleted, expired) does not allow this action. */
export class CardStateError extends ApiError {
  override readonly name = 'CardStateError';
}

/** The dispute is no longer pending, so it cannot be changed. */
export class DisputeStateError extends ApiError {
  override readonly name = 'DisputeStateError';
}

/** A PIN refused locally by the client's PIN policy; the message never contains the PIN. */
export class WeakPinError extends ValidationError {
  override readonly name = 'WeakPinError';
  /** The first PIN rule that matched, e.g. `PIN_SEQUENCE`. */
  declare readonly rule: PinRule;
}

// Negations are written `(?:not|\w*n't|no longer|never)`: a contraction carries its verb ("isn't",
// "hasn't"), and `\w*` lets the `\b` before it fall at the verb.

// Each documented cause: its class, the subject the message names, what it says about that
// subject, the hint.
const INVALID_TYPE: ErrorCause = [
  InvalidCardTypeError,
  /\b(card ?types?|type ?ids?|programs?|bins?|card products?)\b/i,
  /\b(invalid|inactive|unknown|unsupported|deactivated|disabled|unavailable|archived|no such|(?:not|\w*n't|no longer|never) (be )?(found|active|available|exist|enabled|valid|recogni[sz]ed))\b|does (?:not|\w*n't|no longer|never)? ?exist/i,
  'Issue with a typeId that client.cards.types() lists.',
];
const NOT_VERIFIED: ErrorCause = [
  // Verification (KYC) or product access not complete.
  CustomerNotVerifiedError,
  /\b(customers?|cardholders?|kyc|verif\w*|identity|applicants?|access)\b/i,
  /\b(unverified|(?:not|\w*n't|no longer|never) (yet )?(been )?(verified|approved|granted|completed?|active)|pending|in progress|under review|awaiting|incomplete|on hold|has no( granted)? access|verification (is |has )?(required|failed)|requires? (a )?verifi\w*|(kyc|verification|customer|access)( request)? (was |is |has been )?(rejected|declined)|(needs?|has|have) to (pass|complete|finish)|must (first )?(be (verified|active|approved)|pass|complete|finish))\b/i,
  'Await client.customers.waitUntilVerified(), then client.customers.requestAccess(), then retry.',
];
const NO_CARDHOLDER: ErrorCause = [
  MissingCardholderError,
  /\b(customer ?id|budget ?id|customers?|budgets?|cardholder)\b/i,
  /\b(required|missing|mandatory|needed|must be (provided|specified|given|supplied|set|passed|linked)|(?:not|\w*n't|no longer|never) (provided|specified|given|supplied|linked)|name-only)\b|\b(requires?|needs?|supply|provide) (an? |the )?(linked )?(customer|budget)/i,
  'Pass a verified customer’s customerId, or budgetId for a budget card.',
];
const RESTRICTED: ErrorCause = [
  // Nationality, residence, sanctions, jurisdiction.
  ComplianceRestrictionError,
  /\b(nationality|nationals?|citizens?|citizenship|countr(y|ies)|residen\w*|jurisdictions?|regions?|sanctions?|embargo\w*|compliance|aml)\b/i,
  /\b(sanction\w*|embargo\w*|compliance|high[- ]risk|restrict(ed|ion)|prohibited|blocked|banned|ineligible|(?:not|\w*n't|no longer|never) (be )?(allowed|supported|eligible|permitted|accepted|available|onboarded|served)|cannot be (onboarded|served|accepted))\b/i,
  'The card program refuses this: pick another in client.cards.types().',
];
const NO_FUNDS: ErrorCause = [
  // A card, organization or budget balance too low for the amount.
  InsufficientFundsError,
  /\b(funds?|balances?|money|amount|budget)\b/i,
  /\b(insufficient|not (enough|sufficient)|(does (?:not|\w*n't|no longer|never)|doesn't|do not|don't) have (enough|sufficient)|low balance|lacks?( sufficient)? (funds|balance|money)|underfunded|(exceeds?|(greater|higher|larger|more) than) (the )?(available |current )?(card |organi[sz]ation |budget |account )?(balance|funds)|no (available )?funds|(balance|funds) (is |are )?(too low|(lower|less|smaller) than)|(lower|less|smaller) than (the )?(requested |required )?amount)\b/i,
  'Check client.funds.balance(); move less or add funds.',
];
const BUDGET_CARD: ErrorCause = [
  // A budget card's bare id sent to a card top-up or withdrawal (funds wins a tie).
  undefined,
  /\bbudget[- ]?cards?\b/i,
  /\b(top|withdraw|fund(ed|ing)?\b|load|credit|debit|directly|support|allow|permit|possible)/i,
  'Fund a budget card through its budget: client.funds.topUpBudget(budgetId, { amount }).',
  ['funds.topUp', 'funds.withdraw'],
];
const DISPUTE_STATE: ErrorCause = [
  DisputeStateError,
  /\b(disputes?|chargebacks?)\b/i,
  /\b((?:not|\w*n't|no longer|never) pending|only\b[^.]*\bpending|in review|under review|already (been )?(cancell?ed|closed|resolved|accepted|rejected|reviewed)|(is|was|has been) (closed|resolved|cancell?ed|accepted|rejected|being reviewed)|cannot (be )?(cancell?ed|changed|modified|withdrawn|withdraw)|(status|state) (does (?:not|\w*n't|no longer|never)|doesn't) allow)\b/i,
  'Only a pending dispute can change: see client.disputes.status().',
];
const CARD_STATE: ErrorCause = [
  // Frozen, blocked, expired, deleted…
  CardStateError,
  /\bcards?\b/i,
  /\b(frozen|unfrozen|blocked|deleted|expired|closed|terminated|suspended|locked|inactive|cancell?ed|(?:not|\w*n't|no longer|never) (be )?(active|frozen)|only active|not in (an? )?(active|valid) (state|status)|(status|state) (is )?(invalid|not valid|wrong)|cannot be (frozen|unfrozen|reactivated|unblocked)|(status|state) (does (?:not|\w*n't|no longer|never)|doesn't|prohibits|forbids|won't)( allow| permit)?)\b/i,
  'Check its status with client.cards.retrieve(); unfreeze it, or issue a new card.',
];

/**
 * The causes a card call can meet; on a tie of subjects the earlier row wins, so the more specific
 * subject comes first. A program that only uses `Cards` carries only these.
 */
export const CARD_CAUSES: readonly ErrorCause[] = [
  INVALID_TYPE,
  NOT_VERIFIED,
  NO_CARDHOLDER,
  RESTRICTED,
  NO_FUNDS,
  CARD_STATE,
];

/** Every documented cause, in the order of {@link CARD_CAUSES}. */
export const ERROR_CAUSES: readonly ErrorCause[] = [
  INVALID_TYPE,
  NOT_VERIFIED,
  NO_CARDHOLDER,
  RESTRICTED,
  NO_FUNDS,
  BUDGET_CARD,
  DISPUTE_STATE,
  CARD_STATE,
];
