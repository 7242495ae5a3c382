import type { AttemptRequest } from './attempt.js';
import { SANDBOX_TOKEN } from './base-url.js';
import type { ErrorFactory } from './error-factory.js';
import { AuthenticationError } from './errors.js';
import { checkToken } from './headers.js';
import type { LogFields } from './logger.js';
import { type CallOptions, checkCallOptions } from './options.js';
import { invalid } from './refuse.js';
import type { OperationClass, RequestOptions, RequestSpec, TokenSource } from './spec.js';

/** A call checked and ready to send: everything its attempts share. */
export interface PreparedCall {
  retry: OperationClass;
  request: AttemptRequest;
  maxRetries: number;
  idempotencyKey: string | undefined;
  /** The SDK generated the key for this call (nobody else can have sent it). */
  keyGenerated: boolean;
  /** The copy of the caller's options, for the confirming reads of converging calls. */
  options: RequestOptions;
  startedAt: number;
}

/** What {@link prepareCall} needs of the client's configuration. */
export interface PrepareConfig {
  baseUrl: string;
  token: TokenSource;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  /** Client headers (checked when the transport is made). */
  headers: Record<string, string>;
  userAgent: string;
  /** Secrets to mask in messages and logs (the tokens seen so far). */
  secrets: Set<string>;
  errors: ErrorFactory;
  /** True when baseUrl is the production API: the sandbox's token is refused there. */
  production?: boolean;
}

async function resolveToken(
  source: TokenSource,
  operation: string,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  if (typeof source !== 'function') return source;
  const failed = (): AuthenticationError =>
    new AuthenticationError(`${operation}: the apiToken function failed to return a token.`, {
      status: 401,
      operation,
      hint: 'Pass the apiToken option or set BFINANCE_API_TOKEN.',
    });
  // What the function threw may hold anything, the token included: it is never kept.
  const pending = (async () => source())().catch(() => {
    throw failed();
  });
  if (!signal) return pending;
  // A token function that never returns must not hold an aborted call.
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Checks a call before anything is sent: options, key, token and headers; builds its URL and body.
 *
 * @throws {ValidationError} for bad options or headers, or the sandbox token on production.
 * @throws {AuthenticationError} when there is no token.
 * @throws {RequestAbortedError} when the signal already fired.
 */
export function prepareCall(
  spec: RequestSpec<unknown>,
  options: RequestOptions | undefined,
  config: PrepareConfig,
): PreparedCall | Promise<PreparedCall> {
  const retry = spec.retry;
  const opts = checkCallOptions(options, config);
  if (opts.signal?.aborted) throw config.errors.aborted(spec.operation, false);
  // A static token needs no await: the common case stays synchronous (one promise less per call).
  if (typeof config.token !== 'function') return complete(spec, config, retry, opts, config.token);
  return resolveToken(config.token, spec.operation, opts.signal).then(
    (raw) => complete(spec, config, retry, opts, raw),
    (error: unknown) => {
      if (opts.signal?.aborted) throw config.errors.aborted(spec.operation, false);
      throw error;
    },
  );
}

function complete(
  spec: RequestSpec<unknown>,
  config: PrepareConfig,
  retry: OperationClass,
  opts: CallOptions,
  raw: unknown,
): PreparedCall {
  const keyGenerated = opts.idempotencyKey === undefined && retry === 'must-not-repeat';
  const idempotencyKey = opts.idempotencyKey ?? (keyGenerated ? globalThis.crypto.randomUUID() : undefined);
  const token = checkToken(raw, spec.operation);
  config.secrets.add(token);
  if (config.production && token === SANDBOX_TOKEN) {
    throw invalid(
      'apiToken',
      'sandbox_token',
      'The sandbox token was given with the production base URL.',
      "Use sandbox.client() from 'bfinance-cards/testing'.",
      spec.operation,
    );
  }
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'user-agent': config.userAgent,
    ...config.headers,
    ...opts.headers,
  };
  headers.authorization = `Bearer ${token}`;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  return {
    retry,
    request: {
      method: spec.method,
      url: buildUrl(config.baseUrl, spec),
      headers,
      // Own fields only: what an endpoint leaves out is never taken from a polluted prototype.
      body: Object.hasOwn(spec, 'body') && spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
      timeoutMs: opts.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      signal: opts.signal,
    },
    maxRetries: opts.maxRetries,
    idempotencyKey,
    keyGenerated,
    options: opts.given,
    startedAt: Date.now(),
  };
}

/**
 * The log fields every event of a call carries: no values, only the ids bfinance issued. Built
 * only when an event is logged, not for every call.
 */
export function callFields(spec: RequestSpec<unknown>, idempotencyKey: string | undefined): LogFields {
  const subject = spec.subject;
  return {
    operation: spec.operation,
    method: spec.method,
    path: spec.path.template,
    idempotencyKey,
    cardId: subject?.cardId,
    budgetId: subject?.budgetId,
    customerId: subject?.customerId,
    disputeId: subject?.disputeId,
  };
}

/** Base URL + encoded path + query (undefined values left out). */
function buildUrl(baseUrl: string, spec: RequestSpec<unknown>): string {
  let url = baseUrl + spec.path.path;
  if (Object.hasOwn(spec, 'query') && spec.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const query = params.toString();
    if (query) url += `?${query}`;
  }
  return url;
}
