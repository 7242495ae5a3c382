import { AuthenticationError, ValidationError } from './errors.js';

// RFC 9110 token characters: what a header name may hold.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible Latin-1 and spaces/tabs inside; no CR, LF, NUL or other control characters. Values
// outside Latin-1 make undici and fetch throw before sending, which would read as "maybe sent".
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Headers the SDK sets itself or that break HTTP framing: a caller setting one is refused,
 * never silently overridden.
 */
const RESERVED: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'authorization',
  'idempotency-key',
  'proxy-authorization',
  'proxy-connection',
]);

function refuse(field: string, rule: string, message: string, hint: string): never {
  throw new ValidationError(message, { field, rule, hint });
}

/**
 * Checks one header value; the message never shows the value.
 *
 * @throws {ValidationError} for a value that is not a string or holds characters HTTP cannot carry.
 */
export function checkHeaderValue(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    refuse(field, 'type', `${field} must be a string.`, `Pass ${field} as a string.`);
  }
  if (!VALUE.test(value) || value !== value.trim()) {
    refuse(
      field,
      'header_value',
      `${field} holds characters an HTTP header cannot carry (line breaks, control characters, non-Latin-1 text or surrounding spaces).`,
      `Use printable ASCII in ${field}.`,
    );
  }
  return value;
}

/**
 * Checks a caller's extra headers and returns them with lower-case names.
 *
 * @throws {ValidationError} for a malformed name or value, or a header the SDK owns.
 */
export function checkHeaders(headers: unknown, field: string): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    refuse(
      field,
      'type',
      `${field} must be an object of header names to strings.`,
      `Pass ${field} as { 'x-name': 'value' }.`,
    );
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!NAME.test(name)) {
      refuse(
        `${field}.${name.replace(/[^\x21-\x7e]/g, '?')}`,
        'header_name',
        `${field} has a header name HTTP cannot carry.`,
        "Header names are letters, digits and -_.!#$%&'*+^`|~ only.",
      );
    }
    if (RESERVED.has(lower)) {
      refuse(
        `${field}.${lower}`,
        'reserved_header',
        `${field} may not set ${lower}: the SDK sets it, or it would break HTTP framing.`,
        lower === 'idempotency-key'
          ? 'Pass the key as the idempotencyKey option instead.'
          : lower === 'authorization'
            ? 'Pass the token as the apiToken client option instead.'
            : `Leave ${lower} out: the HTTP stack sets it.`,
      );
    }
    out[lower] = checkHeaderValue(value, `${field}.${lower}`);
  }
  return out;
}

/**
 * Checks the token a token source produced.
 *
 * @throws {AuthenticationError} when there is none (names `apiToken` and `BFINANCE_API_TOKEN`).
 * @throws {ValidationError} for a token that is not a string or holds characters HTTP cannot carry.
 */
export function checkToken(token: unknown, operation: string): string {
  if (token === undefined || token === null || (typeof token === 'string' && token.trim() === '')) {
    throw new AuthenticationError(
      `${operation}: no API token is configured: pass apiToken to new CardsClient({ apiToken }) or set BFINANCE_API_TOKEN.`,
      {
        status: 401,
        operation,
        hint: 'Pass apiToken to new CardsClient({ apiToken }) or set the BFINANCE_API_TOKEN environment variable.',
      },
    );
  }
  if (typeof token !== 'string') {
    throw new ValidationError('apiToken must be a string (or a function returning one).', {
      field: 'apiToken',
      rule: 'type',
      operation,
      hint: 'Pass the token string bfinance issued, e.g. apiToken: process.env.BFINANCE_API_TOKEN.',
    });
  }
  // The header is built as `Bearer <token>`: a pasted header value would send `Bearer Bearer …`.
  if (/^\s*bearer\s/i.test(token)) {
    throw new ValidationError('apiToken starts with "Bearer ": pass the token without the Bearer prefix.', {
      field: 'apiToken',
      rule: 'bearer_prefix',
      operation,
      hint: 'Pass only the token bfinance issued: the SDK adds "Bearer " itself.',
    });
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ValidationError(
      'apiToken holds spaces, line breaks, control or non-ASCII characters, which an HTTP header cannot carry.',
      {
        field: 'apiToken',
        rule: 'header_value',
        operation,
        hint: 'Copy the token again without surrounding spaces or line breaks.',
      },
    );
  }
  return token;
}
