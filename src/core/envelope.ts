import type { ResponseIssue } from './errors.js';
import { isRecord } from './reader.js';

/** What a response body says once the `{status, data | message}` envelope is taken off. */
export type Unwrapped =
  | { ok: true; data: unknown }
  | { ok: false; message: string | undefined; errorId: string | undefined };

/**
 * Takes the envelope off a parsed body. A body is an envelope only when its `status` is
 * `"success"` or `"error"`: card objects carry their own `status` (`"active"`), and some endpoints
 * answer with the bare object. A success with only a `message` unwraps to `{ message }`.
 */
export function unwrap(body: unknown): Unwrapped {
  if (!isRecord(body) || (body.status !== 'success' && body.status !== 'error'))
    return { ok: true, data: body };
  if (body.status === 'error') return { ok: false, ...errorDetails(body) };
  if (body.data !== undefined) return { ok: true, data: body.data };
  return { ok: true, data: typeof body.message === 'string' ? { message: body.message } : {} };
}

/**
 * The `message` and `errorId` of an error body, enveloped or not (a proxy or an older endpoint may
 * answer a non-2xx status with a bare `{ "message": … }`).
 */
export function errorDetails(body: unknown): { message: string | undefined; errorId: string | undefined } {
  if (!isRecord(body)) return { message: undefined, errorId: undefined };
  return {
    message: typeof body.message === 'string' ? body.message : undefined,
    errorId: typeof body.errorId === 'string' ? body.errorId : undefined,
  };
}

/** Parses JSON text; returns an issue instead of throwing, and never echoes the text. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: ResponseIssue } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Only a failed parse asks why: trimming every body first copied it on each success.
    return { ok: false, issue: { path: '', code: text.trim() === '' ? 'empty_body' : 'invalid_json' } };
  }
}
