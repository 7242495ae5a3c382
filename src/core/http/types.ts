import type { AttemptSignal } from './attempt-signal.js';

/** What aborts one attempt: an `AbortController`, or on Node the lighter {@link AttemptSignal}. */
export interface AttemptController {
  abort(): void;
  readonly signal: AbortSignal | AttemptSignal;
}

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
 * Where a failed attempt stopped, as a fact the sender saw. `local`: the HTTP stack refused the
 * request before writing anything (a bad argument); re-sending the same request fails the same
 * way. `connect`: the request provably never reached the server (the sender saw no byte written,
 * or the failure names the connect step), so even a money movement may be re-sent. `sent`:
 * anything else; it may have reached the server.
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

/**
 * An undici `Dispatcher` (an `Agent`, `Pool`, `ProxyAgent`, `MockAgent`…), as far as the SDK uses
 * one: declared here so that a program without undici installed still compiles.
 */
export interface UndiciDispatcher {
  /** undici's `Dispatcher.dispatch`. */
  dispatch(options: object, handler: object): boolean;
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

// A stable error code: upper-case letters, digits and underscores. Anything else a custom fetch
// put in `code` (which could be a token or a body) is replaced, never stored.
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

function read(value: unknown, key: 'code' | 'cause' | 'name' | 'syscall'): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** Each error of a `cause` chain (fetch wraps the socket error: `TypeError: fetch failed` → cause). */
function* chain(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    yield current;
    current = read(current, 'cause');
  }
}

/**
 * True when the failure names the connect step itself: the `connect` or `getaddrinfo` system
 * call, or undici's connect timeout. An error code alone (`EHOSTUNREACH`, `ECONNRESET`) is not
 * enough: a connected socket fails with the same codes after the request was written.
 */
function namesConnectStep(error: unknown): boolean {
  for (const link of chain(error)) {
    const syscall = read(link, 'syscall');
    if (syscall === 'connect' || syscall === 'getaddrinfo') return true;
    if (read(link, 'code') === 'UND_ERR_CONNECT_TIMEOUT') return true;
  }
  return false;
}

/**
 * Turns whatever a runtime threw into a {@link SendError}, keeping only its code. The phase is a
 * fact, never a guess from the code: only a failure that names the connect step is `connect`, and
 * everything else `sent` (the undici sender, which sees whether a byte was written, knows more).
 * Never reads more than `code`, `name`, `syscall` and `cause`, and survives throwing getters.
 */
export function toSendError(error: unknown, signal: { readonly aborted: boolean }): SendError {
  if (error instanceof SendError) return error;
  if (signal.aborted) return new SendError('The request was aborted.', 'ABORTED', 'sent');
  let code: string | undefined;
  for (const link of chain(error)) {
    const candidate = read(link, 'code');
    if (typeof candidate === 'string') {
      code = candidate;
      break;
    }
    if (read(link, 'name') === 'NotSupportedError') {
      code = 'UND_ERR_NOT_SUPPORTED';
      break;
    }
  }
  const safeCode = code !== undefined && CODE.test(code) ? code : 'NETWORK_ERROR';
  return new SendError(
    `The connection failed (${safeCode}).`,
    safeCode,
    namesConnectStep(error) ? 'connect' : 'sent',
  );
}

/**
 * What a failed body read means once the status line arrived: after a 2xx or 409 the call may
 * have been applied (a {@link SendError} in phase `sent`); any other status is answered as that
 * status with an empty body, so the transport classifies it as the status would be.
 */
export function bodyFailed(
  error: unknown,
  status: number,
  header: SendResponse['header'],
  signal: { readonly aborted: boolean },
): SendResponse {
  if (error instanceof SendError || (status >= 200 && status < 300) || status === 409) {
    throw reachedError(error, signal);
  }
  return { status, header, body: '' };
}

/** A failure after the request may have reached the server: always phase `sent`. */
export function reachedError(error: unknown, signal: { readonly aborted: boolean }): SendError {
  const failure = toSendError(error, signal);
  return failure.phase === 'sent' ? failure : new SendError(failure.message, failure.code, 'sent');
}

/** Fails fast when a declared Content-Length is already over the cap. */
export function checkDeclaredLength(value: string | null | undefined, max: number): void {
  if (value && Number(value) > max) throw tooLarge(max);
}

function tooLarge(max: number): SendError {
  return new SendError(`The response body is larger than ${max} bytes.`, 'TOO_LARGE', 'sent');
}

/** Collects body chunks up to `max` bytes and decodes them as UTF-8. */
export async function readCapped(chunks: AsyncIterable<Uint8Array>, max: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge(max);
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
