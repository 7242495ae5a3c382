import { safeParse } from 'zod/mini';
import { errorDetails, parseJson, unwrap } from './envelope.js';
import { errorFromResponse } from './error-map.js';
import { type CardsError, type ResponseIssue, ResponseValidationError } from './errors.js';
import type { SendResponse } from './http/types.js';
import { redact } from './redact.js';
import { parseRetryAfter, RETRYABLE_STATUSES } from './retry.js';
import { type RequestSpec, retryClass } from './spec.js';

/** Why an attempt failed, and whether another attempt may fix it. */
export interface Failure {
  error: CardsError;
  retryable: boolean;
  /** The request may have been applied (no definite answer). */
  maybeApplied: boolean;
  retryAfterMs?: number | undefined;
}

/** The outcome of one attempt: the validated data, or why it failed. */
export type AttemptResult<T> = { ok: true; value: T; status: number } | { ok: false; failure: Failure };

/** A 2xx body that does not match the contract; never carries the body itself. */
export function invalidResponse(
  operation: string,
  status: number,
  issues: ResponseIssue[],
  requestId: string | undefined,
): ResponseValidationError {
  const where = issues.map((i) => `${i.path || '(body)'}: ${i.code}`).join(', ');
  return new ResponseValidationError(
    `${operation}: the response does not match the API contract (${where}).`,
    {
      operation,
      status,
      issues,
      requestId,
      hint: 'Upgrade bfinance-cards; if the newest version fails too, report the field paths (not the values) as an issue.',
    },
  );
}

// A body that does not parse is never retried, and a create call behind it may have been applied.
function unparsed<T>(
  spec: RequestSpec<T>,
  status: number,
  issues: ResponseIssue[],
  requestId: string | undefined,
): AttemptResult<T> {
  return {
    ok: false,
    failure: {
      error: invalidResponse(spec.operation, status, issues, requestId),
      retryable: false,
      maybeApplied: true,
    },
  };
}

/**
 * Reads a complete response: maps error statuses and `status: "error"` envelopes to typed errors,
 * unwraps the envelope and validates the data with the spec's schema.
 */
export function interpretResponse<T>(
  spec: RequestSpec<T>,
  res: SendResponse,
  secrets: Iterable<string>,
): AttemptResult<T> {
  const requestId = res.header('x-request-id') ?? res.header('request-id');
  const parsed = parseJson(res.body);
  const envelope = parsed.ok ? unwrap(parsed.value) : undefined;
  if (res.status >= 300 || (envelope && !envelope.ok)) {
    const retryAfterMs = parseRetryAfter(res.header('retry-after'));
    const details = parsed.ok ? errorDetails(parsed.value) : { message: undefined, errorId: undefined };
    const error = errorFromResponse({
      status: res.status,
      message: details.message ? redact(details.message, secrets) : undefined,
      errorId: details.errorId,
      requestId,
      operation: spec.operation,
      retryAfterMs,
    });
    if (res.status === 429)
      return { ok: false, failure: { error, retryable: true, maybeApplied: false, retryAfterMs } };
    const unsettled = res.status >= 500 || res.status === 408 || res.status === 409;
    return {
      ok: false,
      failure: {
        error,
        retryable: RETRYABLE_STATUSES.has(res.status),
        maybeApplied: unsettled,
        retryAfterMs,
      },
    };
  }
  if (!parsed.ok || !envelope?.ok)
    return unparsed(spec, res.status, parsed.ok ? [] : [parsed.issue], requestId);
  // A card issued or money moved counts only on an explicit success envelope: a bare 2xx body
  // (a proxy's `{"error": …}`, a mangled `status`) may come from anything but bfinance.
  if (
    retryClass(spec.kind) === 'must-not-repeat' &&
    (parsed.value as { status?: unknown } | null)?.status !== 'success'
  ) {
    return unparsed(spec, res.status, [{ path: 'status', code: 'missing_envelope' }], requestId);
  }
  const result = safeParse(spec.schema, envelope.data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
    return unparsed(spec, res.status, issues, requestId);
  }
  return { ok: true, value: result.data, status: res.status };
}
