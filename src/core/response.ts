import { errorDetails, parseJson, unwrap } from './envelope.js';
import type { ResponseIssue } from './errors.js';
import type { SendResponse } from './http/types.js';
import { safeParse } from './reader.js';
import { parseRetryAfter } from './retry.js';
import type { RequestSpec } from './spec.js';

/**
 * What one complete response says, before any decision about retries: the validated data, an
 * error status, a redirect, or a body that does not match the contract. Server strings in it are
 * raw; the error factory redacts them when it builds an error.
 */
export type Reading<T> =
  | { type: 'ok'; value: T; status: number; data: unknown }
  | {
      type: 'status';
      status: number;
      message: string | undefined;
      errorId: string | undefined;
      requestId: string | undefined;
      retryAfterMs: number | undefined;
    }
  | { type: 'redirect'; status: number; requestId: string | undefined; foreign: boolean }
  | {
      type: 'unparsed';
      status: number;
      issues: ResponseIssue[];
      requestId: string | undefined;
      /** bfinance answered `{"status":"success"}`: the call was applied, only its data is off. */
      confirmed: boolean;
      /** The `id` the confirmed body still shows, if any. */
      resourceId: string | undefined;
    };

/**
 * True when the response did not come from `origin`: the sender followed a redirect, or its final
 * URL is on another origin. An empty URL (a constructed `Response`, a test double) counts as ours.
 */
function isForeign(res: SendResponse, origin: string): boolean {
  if (res.redirected === true) return true;
  if (!res.url) return false;
  try {
    return new URL(res.url).origin !== origin;
  } catch {
    return true;
  }
}

function idOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  for (const value of [record.id, (record.card as Record<string, unknown> | undefined)?.id]) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** The request id a response carries, when the server sends one. */
export function requestIdOf(res: SendResponse): string | undefined {
  return res.header('x-request-id') ?? res.header('request-id');
}

/** Reads a complete response (its `requestId` already taken): status, envelope, origin, schema. */
export function readResponse<T>(
  spec: RequestSpec<T>,
  res: SendResponse,
  origin: string,
  requestId: string | undefined,
): Reading<T> {
  // Status 0 is a browser's opaque redirect (`redirect: 'manual'`): a 3xx it will not show.
  if (res.status === 0 || (res.status >= 300 && res.status < 400) || isForeign(res, origin)) {
    return {
      type: 'redirect',
      status: res.status,
      requestId,
      foreign: res.status < 300 || res.status >= 400,
    };
  }
  const parsed = parseJson(res.body);
  const envelope = parsed.ok ? unwrap(parsed.value) : undefined;
  if (res.status >= 400 || res.status < 200 || (envelope && !envelope.ok)) {
    const details = errorDetails(parsed.ok ? parsed.value : undefined);
    return {
      type: 'status',
      status: res.status,
      message: details.message,
      errorId: details.errorId,
      requestId,
      retryAfterMs: parseRetryAfter(res.header('retry-after')),
    };
  }
  const confirmed = parsed.ok && (parsed.value as { status?: unknown } | null)?.status === 'success';
  const unparsed = (issues: ResponseIssue[], data?: unknown): Reading<T> => ({
    type: 'unparsed',
    status: res.status,
    issues,
    requestId,
    confirmed,
    resourceId: confirmed ? idOf(data) : undefined,
  });
  if (!parsed.ok || !envelope?.ok) return unparsed(parsed.ok ? [] : [parsed.issue]);
  // A card issued or money moved counts only on an explicit success envelope: a bare 2xx body
  // (a proxy's `{"error": …}`, a mangled `status`) may come from anything but bfinance.
  if (!confirmed && spec.retry === 'must-not-repeat') {
    return unparsed([{ path: 'status', code: 'missing_envelope' }]);
  }
  const result = safeParse(spec.schema, envelope.data);
  if (!result.ok) return unparsed(result.issues, envelope.data);
  return { type: 'ok', value: result.value, status: res.status, data: envelope.data };
}
