import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  IdempotencyKeyReusedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from './errors.js';

/** A class of API error: one of the status table's, or a domain's cause class. */
export type ApiErrorClass = new (
  message: string,
  init: ApiErrorInit & { retryAfterMs?: number | undefined },
) => ApiError;

/**
 * A cause an error message can name, `[class, subject, state, hint, operations]`: the message names
 * `subject` (a card, a dispute…) and says `state` about it. No class: the status's class, with this
 * hint; no operations: any. The domain supplies the table (regular expressions without the g flag).
 */
export type ErrorCause = readonly [ApiErrorClass | undefined, RegExp, RegExp, string, (readonly string[])?];

// The class and hint of each status; 500 stands for every 5xx, and any other status is an ApiError.
const BY_STATUS: Readonly<Record<number, readonly [ApiErrorClass, string]>> = {
  400: [BadRequestError, 'Fix what the message names.'],
  401: [AuthenticationError, 'Check apiToken (or BFINANCE_API_TOKEN).'],
  403: [PermissionDeniedError, 'Ask bfinance to allow this.'],
  404: [NotFoundError, 'Check the id and token.'],
  409: [ConflictError, 'Re-read the resource first.'],
  422: [UnprocessableEntityError, 'Change what the message names.'],
  429: [RateLimitError, 'Slow down, then retry.'],
  500: [ServerError, 'Retry later; reconcile a money movement first.'],
};

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
 * The typed error for an error response: the class of the cause its message names (a 401, a 429 or
 * a 5xx names none), else of its status; with `keyReusedHint`, an {@link IdempotencyKeyReusedError}.
 */
export function errorFromResponse(
  res: ErrorResponse,
  causes: readonly ErrorCause[],
  keyReusedHint?: string,
): ApiError {
  const { status, message, operation } = res;
  // A `status: "error"` envelope in a 2xx reply: the request did not fail, bfinance refused it.
  const refused = `${operation}: bfinance refused the request`;
  const text =
    status < 200 || status >= 300
      ? `${operation} failed (HTTP ${status}): ${message ?? `HTTP ${status}`}`
      : message === undefined
        ? `${refused} without giving a reason.`
        : `${refused}: ${message}`;
  const [type, hint] = BY_STATUS[Math.min(status, 500)] ?? [ApiError, 'Give bfinance the errorId.'];
  const init = {
    status,
    errorId: res.errorId,
    requestId: res.requestId,
    operation,
    retryAfterMs: res.retryAfterMs,
  };
  if (keyReusedHint !== undefined)
    return new IdempotencyKeyReusedError(text, { ...init, hint: keyReusedHint });
  const cause =
    message !== undefined && status < 500 && status !== 401 && status !== 429
      ? recognise(message, operation, causes)
      : undefined;
  return new (cause?.[0] ?? type)(text, { ...init, hint: cause?.[3] ?? hint });
}

// The API has no error codes, only free text: a cause is recognised from its meaning, a subject and
// what is wrong with it, so a message naming only one half stays the status error. When several
// match, the subject that comes first in the message wins ("Card is not active for this customer"
// is about the card); on a tie, the earlier row (the more specific subject) wins.
function recognise(
  message: string,
  operation: string,
  causes: readonly ErrorCause[],
): ErrorCause | undefined {
  let best: ErrorCause | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const cause of causes) {
    const at = cause[1].exec(message)?.index;
    if (
      at !== undefined &&
      at < bestAt &&
      (cause[4]?.includes(operation) ?? true) &&
      cause[2].test(message)
    ) {
      best = cause;
      bestAt = at;
    }
  }
  return best;
}
