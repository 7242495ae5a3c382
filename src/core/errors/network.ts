import { CardsError } from './base.js';

/** No response arrived: DNS, refused or reset connection, TLS failure. */
export class ConnectionError extends CardsError {
  /** Always `'ConnectionError'`, a literal that survives minification. */
  override readonly name: 'ConnectionError' | 'TimeoutError' = 'ConnectionError';
}

/** No complete response arrived within `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  /** Always `'TimeoutError'`, a literal that survives minification. */
  override readonly name: 'TimeoutError' = 'TimeoutError';
}

/** The caller's `AbortSignal` fired. */
export class RequestAbortedError extends CardsError {
  /** Always `'RequestAbortedError'`, a literal that survives minification. */
  override readonly name: 'RequestAbortedError' = 'RequestAbortedError';
}
