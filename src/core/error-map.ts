import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  CardStateError,
  ComplianceRestrictionError,
  ConflictError,
  CustomerNotVerifiedError,
  DisputeStateError,
  IdempotencyKeyReusedError,
  InsufficientFundsError,
  InvalidCardTypeError,
  MissingCardholderError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from './errors.js';

type ApiErrorClass = new (message: string, init: ApiErrorInit) => ApiError;

interface Cause {
  /** The message names the subject of the cause (a card type, a dispute…). */
  subject: RegExp;
  /** …and says the thing about it that is the cause. */
  state: RegExp;
  /** The error class; absent: the status class (400 → BadRequestError…) with this cause's hint. */
  type?: ApiErrorClass;
  hint: string;
  /** The operations the cause can explain; absent: any. */
  operations?: readonly string[];
}

// The API has no error codes, only free text. Each cause is recognised from its meaning — a
// subject and what is wrong with it — so a paraphrase bfinance may use is still recognised, and
// a message that names only one half stays the plain status error. When several causes match,
// the one whose subject comes first in the message wins ("Card is not active for this customer"
// is about the card); on a tie, the earlier entry (the more specific subject) wins.
const NOT = "(?:not|n't|no longer|never)";
const CAUSES: readonly Cause[] = [
  {
    // An invalid or inactive card type / program / BIN (typeId).
    subject: /\b(card ?types?|type ?ids?|programs?|bins?|card products?)\b/i,
    state: new RegExp(
      String.raw`\b(invalid|inactive|unknown|unsupported|deactivated|disabled|unavailable|archived|no such|${NOT} (be )?(found|active|available|exist|enabled|valid|recogni[sz]ed))\b|does ${NOT}? ?exist`,
      'i',
    ),
    type: InvalidCardTypeError,
    hint: 'Call client.cards.types() and issue with one of the typeId values it lists.',
  },
  {
    // The customer's verification (KYC) or product access is not complete.
    subject: /\b(customers?|cardholders?|kyc|verif\w*|identity|applicants?|access)\b/i,
    state: new RegExp(
      String.raw`\b(unverified|${NOT} (yet )?(been )?(verified|approved|granted|completed?|active)|pending|in progress|under review|awaiting|incomplete|on hold|must be (verified|active|approved)|has no( granted)? access|not (been )?completed|(has|have) ${NOT} completed|verification (is |has )?(required|failed)|requires? (a )?verifi\w*|(kyc|verification|customer|access)( request)? (was |is |has been )?(rejected|declined)|(needs?|has|have) to (pass|complete|finish)|must (first )?(pass|complete|finish))\b`,
      'i',
    ),
    type: CustomerNotVerifiedError,
    hint: 'Wait with client.customers.waitUntilVerified(), then client.customers.requestAccess() and retry once access is granted.',
  },
  {
    // The program needs a link the request lacks: a customerId, or a budgetId for a budget card.
    subject: /\b(customer ?id|budget ?id|customers?|budgets?|cardholder)\b/i,
    state: new RegExp(
      String.raw`\b(required|missing|mandatory|needed|must be (provided|specified|given|supplied|set|passed|linked)|${NOT} (provided|specified|given|supplied|linked)|name-only)\b|\b(requires?|needs?|supply|provide) (an? |the )?(linked )?(customer|budget)`,
      'i',
    ),
    type: MissingCardholderError,
    hint: 'This program needs a verified customer: create one with client.customers.create() and pass its customerId (or pass budgetId for a budget card).',
  },
  {
    // A compliance rule: nationality, residence, sanctions, jurisdiction.
    subject:
      /\b(nationality|nationals?|citizens?|citizenship|countr(y|ies)|residen\w*|jurisdictions?|regions?|sanctions?|embargo\w*|compliance|aml)\b/i,
    state: new RegExp(
      String.raw`\b(sanction\w*|embargo\w*|compliance|high[- ]risk|restricted|restriction|prohibited|blocked|banned|ineligible|${NOT} (be )?(allowed|supported|eligible|permitted|accepted|available|onboarded|served)|cannot be (onboarded|served|accepted))\b`,
      'i',
    ),
    type: ComplianceRestrictionError,
    hint: 'The program does not allow this cardholder or action; choose another program from client.cards.types() or contact bfinance.',
  },
  {
    // A balance (card, organization, budget) too low for the amount.
    subject: /\b(funds?|balances?|money|amount|budget)\b/i,
    state: new RegExp(
      String.raw`\b(insufficient|not (enough|sufficient)|(does ${NOT}|doesn't|do not|don't) have (enough|sufficient)|(balance|funds) (is |are )?too low|low balance|lacks?( sufficient)? (funds|balance|money)|underfunded|exceeds? (the )?(available |current )?(card |organi[sz]ation |budget |account )?(balance|funds)|(greater|higher|larger|more) than (the )?(available |current )?(card |organi[sz]ation |budget )?(balance|funds)|no (available )?funds|(balance|funds) (is |are )?(lower|less|smaller) than|(lower|less|smaller) than (the )?(requested |required )?amount)\b`,
      'i',
    ),
    type: InsufficientFundsError,
    hint: 'Check client.funds.balance() (or the card balance for a withdrawal) and move a smaller amount or add funds first.',
  },
  {
    // A budget card's bare id sent to a card top-up or withdrawal (status class; funds wins a tie).
    subject: /\bbudget[- ]?cards?\b/i,
    state: /\b(top|withdraw|fund(ed|ing)?\b|load|credit|debit|directly|support|allow|permit|possible)/i,
    hint: 'Budget cards spend from their budget: fund it with client.funds.topUpBudget(budgetId, { amount }).',
    operations: ['funds.topUp', 'funds.withdraw'],
  },
  {
    // A dispute that is no longer pending cannot be changed.
    subject: /\b(disputes?|chargebacks?)\b/i,
    state: new RegExp(
      String.raw`\b(${NOT} pending|only\b[^.]*\bpending|in review|already (been )?(cancell?ed|closed|resolved|accepted|rejected|reviewed|under review)|(is|was|has been) (closed|resolved|cancell?ed|accepted|rejected|under review|being reviewed)|cannot (be )?(cancell?ed|changed|modified|withdrawn|withdraw)|under review|(status|state) (does ${NOT}|doesn't) allow)\b`,
      'i',
    ),
    type: DisputeStateError,
    hint: 'Only pending disputes can be changed; read it with client.disputes.status() and file a new dispute if needed.',
  },
  {
    // The card's state (frozen, blocked, expired, deleted…) does not allow the action.
    subject: /\bcards?\b/i,
    state: new RegExp(
      String.raw`\b(frozen|unfrozen|blocked|deleted|expired|closed|terminated|suspended|locked|inactive|cancell?ed|${NOT} (be )?(active|frozen)|only active|not in (an? )?(active|valid) (state|status)|(status|state) (is )?(invalid|not valid|wrong)|cannot be (frozen|unfrozen|reactivated|unblocked)|(status|state) (does ${NOT}|doesn't|prohibits|forbids|won't)( allow| permit)?)\b`,
      'i',
    ),
    type: CardStateError,
    hint: 'Read the card with client.cards.retrieve() and act on its status: unfreeze a frozen card, issue a new card for a blocked, expired or deleted one.',
  },
];

const STATUS_HINTS: Readonly<Record<number, string>> = {
  400: 'The API rejected the request; check the parameters named in the message.',
  401: 'Check the apiToken option (or BFINANCE_API_TOKEN): it is missing, invalid or expired.',
  403: 'The token may not do this; ask bfinance to enable the endpoint or product for your account.',
  404: 'Check the id: the resource does not exist or belongs to another account.',
  409: 'The request conflicts with the current state, or its Idempotency-Key was used with another body; re-read the resource first.',
  422: 'The request breaks a business rule; read the message and change the request.',
  429: 'Too many requests; slow down or retry after the delay given.',
};

function classFor(status: number): ApiErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    default:
      return status >= 500 ? ServerError : ApiError;
  }
}

/** The documented cause a server message names, if any (see {@link CAUSES}). */
function recognise(message: string, operation: string): Cause | undefined {
  let best: Cause | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const cause of CAUSES) {
    if (cause.operations !== undefined && !cause.operations.includes(operation)) continue;
    const at = cause.subject.exec(message)?.index;
    if (at !== undefined && at < bestAt && cause.state.test(message)) {
      best = cause;
      bestAt = at;
    }
  }
  return best;
}

/** What the transport learned from an error response. */
export interface ErrorResponse {
  status: number;
  /** The server's message, already redacted. */
  message: string | undefined;
  errorId: string | undefined;
  requestId: string | undefined;
  operation: string;
  retryAfterMs?: number | undefined;
}

/**
 * The typed error for an error response: a domain class when the message names a known cause, an
 * {@link IdempotencyKeyReusedError} with `keyReusedHint` when the answer says the key was reused.
 */
export function errorFromResponse(res: ErrorResponse, keyReusedHint?: string): ApiError {
  const serverMessage = res.message ?? `HTTP ${res.status}`;
  // A `status: "error"` envelope in a 2xx reply: the request did not fail, bfinance refused it.
  const refused = `${res.operation}: bfinance refused the request`;
  const text =
    res.status < 200 || res.status >= 300
      ? `${res.operation} failed (HTTP ${res.status}): ${serverMessage}`
      : res.message === undefined
        ? `${refused} without giving a reason.`
        : `${refused}: ${res.message}`;
  const init: ApiErrorInit = {
    status: res.status,
    errorId: res.errorId,
    requestId: res.requestId,
    operation: res.operation,
    hint: '',
  };
  if (keyReusedHint !== undefined)
    return new IdempotencyKeyReusedError(text, { ...init, hint: keyReusedHint });
  if (res.status === 429) {
    return new RateLimitError(text, {
      ...init,
      hint: STATUS_HINTS[429] ?? '',
      retryAfterMs: res.retryAfterMs,
    });
  }
  if (res.status !== 401 && res.status < 500 && res.message !== undefined) {
    const cause = recognise(serverMessage, res.operation);
    if (cause) return new (cause.type ?? classFor(res.status))(text, { ...init, hint: cause.hint });
  }
  const hint =
    STATUS_HINTS[res.status] ??
    (res.status >= 500
      ? 'bfinance had a server error; retry later, and for a money movement settle the outcome first.'
      : 'The API reported an error; read the message and errorId.');
  return new (classFor(res.status))(text, { ...init, hint });
}
