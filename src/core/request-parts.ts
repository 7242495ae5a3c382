import { AuthenticationError, ValidationError } from './errors.js';
import type { RequestSpec, TokenSource } from './spec.js';

/**
 * Checks a retry count or timeout.
 *
 * @throws {ValidationError} outside `min`..`max` or not a whole number.
 */
export function checkCount(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${field} must be a whole number from ${min} to ${max}.`, {
      field,
      rule: 'range',
      hint: `Set ${field} to a whole number between ${min} and ${max}.`,
    });
  }
  return value;
}

/**
 * Resolves the token for one call and remembers it as a secret to redact.
 *
 * @throws {AuthenticationError} when there is no usable token; nothing has been sent.
 */
export async function resolveToken(
  source: TokenSource,
  operation: string,
  secrets: Set<string>,
): Promise<string> {
  const missing = (why: string): AuthenticationError =>
    new AuthenticationError(`${operation}: ${why}`, {
      status: 401,
      operation,
      hint: 'Pass apiToken to new CardsClient({ apiToken }) or set the BFINANCE_API_TOKEN environment variable.',
    });
  let token: unknown;
  try {
    token = typeof source === 'function' ? await source() : source;
  } catch {
    throw missing('the apiToken function failed to return a token.');
  }
  if (typeof token !== 'string' || token.trim() === '') throw missing('no API token is configured.');
  if (/[\r\n]/.test(token)) throw missing('the API token contains a line break.');
  secrets.add(token);
  return token;
}

/** The request headers; the caller's headers never override auth or the idempotency key. */
export function buildHeaders(
  userAgent: string,
  token: string,
  idempotencyKey: string | undefined,
  extras: readonly (Record<string, string> | undefined)[],
): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'user-agent': userAgent,
  };
  for (const source of extras) {
    for (const [name, value] of Object.entries(source ?? {})) headers[name.toLowerCase()] = value;
  }
  headers.authorization = `Bearer ${token}`;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  return headers;
}

/** Base URL + encoded path + query (undefined values left out). */
export function buildUrl(baseUrl: string, spec: RequestSpec<unknown>): string {
  let url = baseUrl + spec.path.path;
  if (spec.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const query = params.toString();
    if (query) url += `?${query}`;
  }
  return url;
}
