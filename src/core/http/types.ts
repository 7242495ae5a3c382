import type { AttemptSignal } from './attempt-signal.js';

/** One HTTP attempt as the transport hands it to a sender. */
export interface SendRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Fires on the caller's abort or the attempt's timeout; the transport tells them apart. */
  signal: AbortSignal | AttemptSignal;
  /** Largest body to read; a larger one fails with a `too-large` {@link SendError}. */
  maxResponseBytes: number;
}

/** A complete HTTP response with its body read as text. */
export interface SendResponse {
  status: number;
  header(name: string): string | undefined;
  body: string;
  /** The URL the response came from, when the sender knows it (empty or absent: the request URL). */
  url?: string | undefined;
  /** True when the sender followed a redirect to get this response. */
  redirected?: boolean | undefined;
}

/**
 * Where a failed attempt stopped. `local`: the HTTP stack refused the request before sending
 * anything (a bad argument); re-sending the same request fails the same way. `connect`: the
 * request provably never reached the server (DNS, refused, TLS, connect timeout), so even a money
 * movement may be re-sent. `sent`: it may have reached the server.
 */
export type SendPhase = 'connect' | 'sent' | 'local';

/** A sanitised transport failure: a code and a phase, nothing that could hold a header or body. */
export class SendError extends Error {
  override readonly name: string = 'SendError';
  /** A stable code such as `ECONNREFUSED`, `UND_ERR_SOCKET`, `ABORTED`, `TOO_LARGE`. */
  readonly code: string;
  readonly phase: SendPhase;

  /** Builds a send error; `message` must not contain request data. */
  constructor(message: string, code: string, phase: SendPhase) {
    super(message);
    this.code = code;
    this.phase = phase;
  }
}

/** Sends one attempt. Throws {@link SendError} only. */
export type Sender = ((request: SendRequest) => Promise<SendResponse>) & {
  /**
   * True for the SDK's own senders over undici or the global fetch, which settle as soon as the
   * attempt's signal fires; the transport then needs no race of its own to enforce the timeout.
   */
  readonly honoursSignal?: boolean;
};

/** Marks one of the SDK's own senders as honouring its signal (see {@link Sender}). */
export function trusted(send: (request: SendRequest) => Promise<SendResponse>): Sender {
  return Object.assign(send, { honoursSignal: true as const });
}

const CONNECT_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

// Raised by the HTTP stack for a bad argument before any byte leaves (undici, Node's http).
const LOCAL_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_URL',
  'ERR_HTTP_INVALID_HEADER_VALUE',
]);

// A stable error code: upper-case letters, digits and underscores. Anything else a custom fetch
// put in `code` (which could be a token or a body) is replaced, never stored.
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

// fetch rejects bad arguments with a bare TypeError before the request starts; a network failure
// is a TypeError too ("fetch failed" with a cause on undici, "Failed to fetch" in browsers, "error
// sending request" on Deno), so only wording that names an argument counts as local.
const LOCAL_TYPE_ERROR =
  /header|byte ?string|invalid (url|method|argument|name|value)|not a valid|malformed|forbidden method|cannot (be constructed|have body)/i;
const NETWORK_TYPE_ERROR =
  /fetch failed|failed to fetch|network|error sending|connection|socket|dns|timed? ?out/i;

function read(value: unknown, key: 'code' | 'cause' | 'name' | 'message'): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

function isLocalTypeError(error: unknown): boolean {
  if (!(error instanceof TypeError) || read(error, 'cause') !== undefined) return false;
  const message = read(error, 'message');
  return typeof message === 'string' && LOCAL_TYPE_ERROR.test(message) && !NETWORK_TYPE_ERROR.test(message);
}

/**
 * Turns whatever a runtime threw into a {@link SendError}, keeping only its code. Walks `cause`
 * because fetch wraps the socket error (`TypeError: fetch failed` → `cause.code`). Never reads
 * more than `code`, `name`, `message` and `cause`, and survives values whose getters throw.
 */
export function toSendError(error: unknown, signal: { readonly aborted: boolean }): SendError {
  if (error instanceof SendError) return error;
  if (signal.aborted) return new SendError('The request was aborted.', 'ABORTED', 'sent');
  let code: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = read(current, 'code');
    if (typeof candidate === 'string') {
      code = candidate;
      break;
    }
    if (read(current, 'name') === 'NotSupportedError') {
      code = 'UND_ERR_NOT_SUPPORTED';
      break;
    }
    current = read(current, 'cause');
  }
  if (code === undefined && isLocalTypeError(error)) code = 'ERR_INVALID_ARG_VALUE';
  const safeCode = code !== undefined && CODE.test(code) ? code : 'NETWORK_ERROR';
  const phase: SendPhase = LOCAL_CODES.has(safeCode)
    ? 'local'
    : CONNECT_CODES.has(safeCode) || safeCode.startsWith('ERR_TLS')
      ? 'connect'
      : 'sent';
  return new SendError(`The connection failed (${safeCode}).`, safeCode, phase);
}

/** Fails fast when a declared Content-Length is already over the cap. */
export function checkDeclaredLength(value: string | null | undefined, max: number): void {
  if (value && Number(value) > max) {
    throw new SendError(`The response body is larger than ${max} bytes.`, 'TOO_LARGE', 'sent');
  }
}

/** Collects body chunks up to `max` bytes and decodes them as UTF-8. */
export async function readCapped(chunks: AsyncIterable<Uint8Array>, max: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > max)
      throw new SendError(`The response body is larger than ${max} bytes.`, 'TOO_LARGE', 'sent');
    parts.push(chunk);
  }
  if (parts.length === 1 && parts[0]) return new TextDecoder().decode(parts[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(all);
}
