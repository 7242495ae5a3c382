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
  pattern: RegExp;
  type: ApiErrorClass;
  hint: string;
}

/**
 * The documented failure causes, matched on the server's free-text `message` (the API has no
 * error codes). First match wins, so the more specific patterns come first.
 */
const CAUSES: readonly Cause[] = [
  {
    pattern:
      /card ?type.*(not found|inactive|invalid|not active)|(invalid|inactive|unknown).*type ?id|type ?id.*(invalid|inactive|not found)/i,
    type: InvalidCardTypeError,
    hint: 'Call client.cards.types() and issue with one of the typeId values it lists.',
  },
  {
    pattern: /(customer ?id|budget ?id).*(required|missing)|(requires?|missing).*(customer ?id|budget ?id)/i,
    type: MissingCardholderError,
    hint: 'This program needs a verified customer: create one with client.customers.create() and pass its customerId (or pass budgetId for a budget card).',
  },
  {
    pattern:
      /not verified|verification (is )?(pending|required|not)|access (has )?not (been )?granted|no granted access|(has|have) no access/i,
    type: CustomerNotVerifiedError,
    hint: 'Wait with client.customers.waitUntilVerified(), then client.customers.requestAccess() and retry once access is granted.',
  },
  {
    pattern: /nationality|sanction|compliance|restrict/i,
    type: ComplianceRestrictionError,
    hint: 'The program does not allow this cardholder or action; choose another program from client.cards.types() or contact bfinance.',
  },
  {
    pattern: /insufficient|not enough (funds|balance)/i,
    type: InsufficientFundsError,
    hint: 'Check client.funds.balance() (or the card balance for a withdrawal) and move a smaller amount or add funds first.',
  },
  {
    pattern:
      /card is (not active|not frozen|frozen|blocked|deleted|expired)|card (status|state) (does not|doesn.t) allow|cannot be (frozen|unfrozen)/i,
    type: CardStateError,
    hint: 'Read the card with client.cards.retrieve() and act on its status: unfreeze a frozen card, issue a new card for a blocked, expired or deleted one.',
  },
  {
    pattern: /dispute.*(not pending|cannot be cancel)|not pending/i,
    type: DisputeStateError,
    hint: 'Only pending disputes can be changed; read it with client.disputes.status() and file a new dispute if needed.',
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

/** The typed error for an error response: a domain class when the message names a known cause. */
export function errorFromResponse(res: ErrorResponse): ApiError {
  const serverMessage = res.message ?? `HTTP ${res.status}`;
  const text = `${res.operation} failed (HTTP ${res.status}): ${serverMessage}`;
  const init: ApiErrorInit = {
    status: res.status,
    errorId: res.errorId,
    requestId: res.requestId,
    operation: res.operation,
    hint: '',
  };
  if (res.status === 429) {
    return new RateLimitError(text, {
      ...init,
      hint: STATUS_HINTS[429] ?? '',
      retryAfterMs: res.retryAfterMs,
    });
  }
  if (res.status !== 401 && res.status < 500 && res.message !== undefined) {
    const cause = CAUSES.find((c) => c.pattern.test(serverMessage));
    if (cause) return new cause.type(text, { ...init, hint: cause.hint });
  }
  const hint =
    STATUS_HINTS[res.status] ??
    (res.status >= 500
      ? 'bfinance had a server error; retry later, and for a money movement settle the outcome first.'
      : 'The API reported an error; read the message and errorId.');
  return new (classFor(res.status))(text, { ...init, hint });
}
