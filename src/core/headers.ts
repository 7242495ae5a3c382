import { AuthenticationError } from './errors.js';
import { refuse } from './refuse.js';

// RFC 9110 token characters: what a header name may hold.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible Latin-1 and spaces/tabs inside; no CR, LF, NUL or other control characters. Values
// outside Latin-1 make undici and fetch throw before sending, which would read as "maybe sent".
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

// Headers the SDK sets itself or that break HTTP framing: a caller setting one is refused, never
// silently overridden. The two the SDK fills from an option name that option.
const RESERVED: ReadonlySet<string> = new Set(
  'host content-length transfer-encoding connection keep-alive upgrade te trailer expect authorization idempotency-key proxy-authorization proxy-connection'.split(
    ' ',
  ),
);
const OPTION_OF: Readonly<Record<string, string>> = {
  authorization: 'apiToken',
  'idempotency-key': 'idempotencyKey',
};

/**
 * Checks one header value; the message never shows the value.
 *
 * @throws {ValidationError} for a value that is not a string or holds characters HTTP cannot carry.
 */
export function checkHeaderValue(value: unknown, field: string): string {
  if (typeof value !== 'string')
    refuse(field, 'type', `${field} must be a string.`, `Pass ${field} as a string.`);
  if (!VALUE.test(value) || value !== value.trim()) {
    refuse(
      field,
      'header_value',
      `${field} holds characters a header cannot carry.`,
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
    const at = `${field}.${lower}`;
    if (!NAME.test(name)) {
      refuse(
        `${field}.${name.replace(/[^\x21-\x7e]/g, '?')}`,
        'header_name',
        `${field} has a header name HTTP cannot carry.`,
        "Use letters, digits and -_.!#$%&'*+^`|~.",
      );
    }
    if (RESERVED.has(lower)) {
      const option = OPTION_OF[lower];
      refuse(
        at,
        'reserved_header',
        `${field} may not set ${lower}: the SDK sets it.`,
        option ? `Pass the ${option} option instead.` : `Leave ${lower} out.`,
      );
    }
    out[lower] = checkHeaderValue(value, at);
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
    throw new AuthenticationError(`${operation}: no API token: pass apiToken or set BFINANCE_API_TOKEN.`, {
      status: 401,
      operation,
      hint: 'Pass the apiToken option or set BFINANCE_API_TOKEN.',
    });
  }
  const field = 'apiToken';
  if (typeof token !== 'string')
    refuse(
      field,
      'type',
      'apiToken must be a string (or a function returning one).',
      'Pass the token bfinance issued.',
      operation,
    );
  // The header is built as `Bearer <token>`: a pasted header value would send `Bearer Bearer …`.
  if (/^\s*bearer\s/i.test(token)) {
    refuse(
      field,
      'bearer_prefix',
      'apiToken: pass the token without the Bearer prefix.',
      'Pass only the token: the SDK adds "Bearer " itself.',
      operation,
    );
  }
  if (!/^[\x21-\x7e]+$/.test(token))
    refuse(
      field,
      'header_value',
      'apiToken holds characters a header cannot carry.',
      'Copy the token again without spaces or line breaks.',
      operation,
    );
  return token;
}
