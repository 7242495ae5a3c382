import type { ZodMiniType } from 'zod/mini';
import { safeParse } from 'zod/mini';
import { errorDetails, parseJson, unwrap } from './envelope.js';
import { errorFromResponse } from './error-map.js';
import {
  type ApiError,
  AuthenticationError,
  type CardsError,
  ConnectionError,
  OutcomeUnknownError,
  RequestAbortedError,
  type ResponseIssue,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from './errors.js';
import { AttemptSignal } from './http/attempt-signal.js';
import { SendError, type Sender, type SendResponse } from './http/types.js';
import type { LogSink } from './logger.js';
import type { RequestPath } from './path.js';
import { type OutcomeSpec, type OutcomeSubject, reconcileSettled } from './reconcile.js';
import { redact } from './redact.js';
import { backoffMs, type OperationClass, parseRetryAfter, RETRYABLE_STATUSES, sleep } from './retry.js';

/** Per-call options every SDK method takes as its last argument. */
export interface RequestOptions {
  /** Cancels the call, including retries and backoff waits. */
  signal?: AbortSignal;
  /** Timeout of each attempt, in milliseconds (client default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt (client default 2); 0 disables retries. */
  maxRetries?: number;
  /** `Idempotency-Key` for the call; generated for calls that issue cards or move money. */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Everything a resource says about one endpoint call; the transport does the rest. */
export interface RequestSpec<T> {
  /** Public name of the operation, e.g. `funds.topUp`. */
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: RequestPath;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Schema of the unwrapped response data. */
  schema: ZodMiniType<T>;
  /** Decides the retry policy and whether an `Idempotency-Key` is always sent. */
  kind: OperationClass;
  /**
   * `create` calls: what the call acts on and how its outcome is settled when it is unknown (the
   * hint, and a reconciler that reads public API state). Copied onto the `OutcomeUnknownError`.
   */
  outcome?: OutcomeSpec;
  /**
   * `state` calls: when a retry is refused after an earlier attempt may have been applied (e.g.
   * "Card is not active" on a retried freeze), reads the resource and returns the result to report
   * if it is already in the target state (a value of the call's result type); undefined keeps the
   * refusal. Typed loosely so that specs can be spread into specs of another result type.
   */
  converge?: (refusal: CardsError, options: RequestOptions) => Promise<unknown>;
}

/** A token, or a function returning one (called per call, so tokens can rotate). */
export type TokenSource = string | (() => string | Promise<string>) | undefined;

/** The transport's resolved configuration. */
export interface TransportConfig {
  baseUrl: string;
  token: TokenSource;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  headers: Record<string, string>;
  userAgent: string;
  retryUnknownOutcomes: boolean;
  sender: Sender;
  log: LogSink;
  /** Secrets to mask in messages and logs (the tokens seen so far). */
  secrets: Set<string>;
  /** Injected in tests for deterministic backoff. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Why an attempt failed, and whether another attempt may fix it. */
interface Failure {
  error: CardsError;
  retryable: boolean;
  /** The request may have been applied (no definite answer). */
  maybeApplied: boolean;
  retryAfterMs?: number | undefined;
}

function checkCount(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${field} must be a whole number from ${min} to ${max}.`, {
      field,
      rule: 'range',
      hint: `Set ${field} to a whole number between ${min} and ${max}.`,
    });
  }
  return value;
}

/** The one place that talks to the network: builds, sends, retries, unwraps and validates calls. */
export class Transport {
  readonly #config: TransportConfig;

  /** Creates a transport from resolved configuration. */
  constructor(config: TransportConfig) {
    this.#config = config;
  }

  /**
   * Runs one logical call with its retries and returns the validated response data.
   *
   * @throws {CardsError} a subclass for every failure; see the README's error table.
   */
  async request<T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<T> {
    const config = this.#config;
    // `=== undefined`, not `??`: a null from JavaScript is a bad value, as it is for the client.
    const maxRetries = checkCount(
      options.maxRetries === undefined ? config.maxRetries : options.maxRetries,
      'maxRetries',
      0,
      10,
    );
    const timeoutMs = checkCount(
      options.timeoutMs === undefined ? config.timeoutMs : options.timeoutMs,
      'timeoutMs',
      1,
      600_000,
    );
    const idempotencyKey =
      options.idempotencyKey ?? (spec.kind === 'create' ? globalThis.crypto.randomUUID() : undefined);
    // A key no HTTP stack can send fails inside the sender, which reads as "may have been sent".
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]+$/.test(idempotencyKey)) {
      throw new ValidationError(
        'idempotencyKey must be non-empty visible ASCII (no spaces or line breaks).',
        {
          field: 'idempotencyKey',
          rule: 'format',
          hint: 'Use a UUID or another printable ASCII id, and re-use it unchanged for the safe retry.',
        },
      );
    }
    const signal = options.signal;
    if (signal?.aborted) throw this.#aborted(spec, false);
    const headers = this.#headers(await this.#token(spec), idempotencyKey, options.headers);
    const url = this.#url(spec);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const pause = config.sleep ?? sleep;
    const startedAt = Date.now();
    // An earlier attempt may have been applied, so a refusal now may only mean "already done".
    let mayHaveApplied = false;
    const fields = {
      operation: spec.operation,
      method: spec.method,
      path: spec.path.template,
      idempotencyKey,
    };

    for (let attempt = 1; ; attempt++) {
      // The signal may fire while an async token source or a backoff wait runs; an already-aborted
      // signal never fires its 'abort' listener, so the attempt would be sent uncancellable.
      if (signal?.aborted) throw this.#aborted(spec, false);
      const started = Date.now();
      // Guarded so a call with debug off (the default) builds no log event at all.
      if (config.log.enabled('debug')) config.log.log('debug', 'request', { ...fields, attempt });
      const outcome = await this.#attempt(spec, { url, headers, body, timeoutMs, signal });
      const durationMs = Date.now() - started;
      if (outcome.ok) {
        if (config.log.enabled('debug')) {
          config.log.log('debug', 'response', { ...fields, attempt, status: outcome.status, durationMs });
        }
        return outcome.value;
      }
      const failure = outcome.failure;
      const retriesLeft = attempt <= maxRetries;
      const mayRetry =
        failure.retryable &&
        retriesLeft &&
        (spec.kind !== 'create' || !failure.maybeApplied || config.retryUnknownOutcomes);
      if (mayRetry) {
        const delayMs = failure.retryAfterMs ?? backoffMs(attempt - 1, config.random);
        config.log.log('warn', 'retrying', {
          ...fields,
          attempt,
          durationMs,
          delayMs,
          reason: failure.error.name,
        });
        try {
          await pause(delayMs, signal);
        } catch {
          throw this.#aborted(spec, false);
        }
        mayHaveApplied ||= failure.maybeApplied;
        continue;
      }
      if (spec.converge && spec.kind === 'state' && mayHaveApplied) {
        const done = await this.#converge(spec, failure.error, options);
        if (done !== undefined) {
          config.log.log('info', 'converged', { ...fields, attempt, durationMs, reason: failure.error.name });
          return done.value;
        }
      }
      const error =
        spec.kind === 'create' && failure.maybeApplied && idempotencyKey !== undefined
          ? this.#outcomeUnknown(spec, failure.error, { idempotencyKey, attempts: attempt, startedAt })
          : failure.error;
      config.log.log('error', 'failed', {
        ...fields,
        attempt,
        durationMs,
        error: error.name,
        status: (failure.error as Partial<ApiError>).status,
        errorId: (failure.error as Partial<ApiError>).errorId,
      });
      throw error;
    }
  }

  /** Reads whether a refused state call is already done; undefined when it is not, or the read fails. */
  async #converge<T>(
    spec: RequestSpec<T>,
    refusal: CardsError,
    options: RequestOptions,
  ): Promise<{ value: T } | undefined> {
    try {
      const value = await spec.converge?.(refusal, options);
      // The resource that set `converge` returns its own result type.
      return value === undefined ? undefined : { value: value as T };
    } catch {
      return undefined;
    }
  }

  #outcomeUnknown(
    spec: RequestSpec<unknown>,
    cause: CardsError,
    call: { idempotencyKey: string; attempts: number; startedAt: number },
  ): OutcomeUnknownError {
    const endedAt = Date.now();
    const outcome = spec.outcome;
    const settle = outcome?.reconcile;
    const window = {
      operation: spec.operation,
      idempotencyKey: call.idempotencyKey,
      startedAt: call.startedAt,
      endedAt,
    };
    const subject: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outcome?.subject ?? {})) {
      subject[key] = typeof value === 'string' ? redact(value, this.#config.secrets) : value;
    }
    return new OutcomeUnknownError(
      `${spec.operation}: the request was sent but no definite answer came back (${cause.name}); it may or may not have been applied.`,
      {
        ...(subject as OutcomeSubject),
        operation: spec.operation,
        idempotencyKey: call.idempotencyKey,
        attempts: call.attempts,
        startedAt: call.startedAt,
        endedAt,
        cause,
        hint:
          outcome?.hint ??
          'Re-send with the same idempotencyKey: it is the safe retry for a call that may have been applied.',
        reconcile: settle ? (options) => reconcileSettled(window, options, settle) : undefined,
      },
    );
  }

  async #attempt<T>(
    spec: RequestSpec<T>,
    req: {
      url: string;
      headers: Record<string, string>;
      body: string | undefined;
      timeoutMs: number;
      signal: AbortSignal | undefined;
    },
  ): Promise<{ ok: true; value: T; status: number } | { ok: false; failure: Failure }> {
    // Not an AbortController: on Node a real AbortSignal costs ~6% of a request (attempt-signal.ts).
    const controller = new AttemptSignal();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs);
    const onAbort = (): void => controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    let res: SendResponse;
    try {
      res = await this.#config.sender({
        method: spec.method,
        url: req.url,
        headers: req.headers,
        body: req.body,
        signal: controller,
        maxResponseBytes: this.#config.maxResponseBytes,
      });
    } catch (error) {
      return { ok: false, failure: this.#sendFailure(spec, error, timedOut, req.timeoutMs) };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
    return this.#interpret(spec, res);
  }

  #sendFailure(spec: RequestSpec<unknown>, error: unknown, timedOut: boolean, timeoutMs: number): Failure {
    const sendError =
      error instanceof SendError ? error : new SendError('The request failed.', 'UNKNOWN', 'sent');
    const operation = spec.operation;
    if (timedOut) {
      const timeout = new TimeoutError(`${operation}: no complete response within ${timeoutMs} ms.`, {
        operation,
        hint: 'Retry later or raise timeoutMs; for a money movement settle the outcome before re-sending.',
      });
      return { error: timeout, retryable: true, maybeApplied: true };
    }
    if (sendError.code === 'ABORTED') {
      // The caller cancelled: never retried, but a create call may already have been applied.
      return { error: this.#aborted(spec, true), retryable: false, maybeApplied: true };
    }
    if (sendError.code === 'TOO_LARGE') {
      return {
        error: this.#invalid(spec, 200, [{ path: '', code: 'too_large' }], undefined),
        retryable: false,
        maybeApplied: true,
      };
    }
    const connection = new ConnectionError(`${operation}: ${sendError.message}`, {
      operation,
      hint: 'Check the network and baseUrl; the SDK already retried what was safe to retry.',
      cause: { code: sendError.code, phase: sendError.phase },
    });
    return { error: connection, retryable: true, maybeApplied: sendError.phase === 'sent' };
  }

  #interpret<T>(
    spec: RequestSpec<T>,
    res: SendResponse,
  ): { ok: true; value: T; status: number } | { ok: false; failure: Failure } {
    const requestId = res.header('x-request-id') ?? res.header('request-id');
    const parsed = parseJson(res.body);
    const envelope = parsed.ok ? unwrap(parsed.value) : undefined;
    if (res.status >= 300 || (envelope && !envelope.ok)) {
      const retryAfterMs = parseRetryAfter(res.header('retry-after'));
      const details = parsed.ok ? errorDetails(parsed.value) : { message: undefined, errorId: undefined };
      const error = errorFromResponse({
        status: res.status,
        message: details.message ? redact(details.message, this.#config.secrets) : undefined,
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
    if (!parsed.ok || !envelope?.ok) {
      const issues = parsed.ok ? [] : [parsed.issue];
      return {
        ok: false,
        failure: {
          error: this.#invalid(spec, res.status, issues, requestId),
          retryable: false,
          maybeApplied: true,
        },
      };
    }
    // A card issued or money moved counts only on an explicit success envelope: a bare 2xx body
    // (a proxy's `{"error": …}`, a mangled `status`) may come from anything but bfinance.
    if (spec.kind === 'create' && (parsed.value as { status?: unknown } | null)?.status !== 'success') {
      return {
        ok: false,
        failure: {
          error: this.#invalid(spec, res.status, [{ path: 'status', code: 'missing_envelope' }], requestId),
          retryable: false,
          maybeApplied: true,
        },
      };
    }
    const result = safeParse(spec.schema, envelope.data);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
      return {
        ok: false,
        failure: {
          error: this.#invalid(spec, res.status, issues, requestId),
          retryable: false,
          maybeApplied: true,
        },
      };
    }
    return { ok: true, value: result.data, status: res.status };
  }

  #invalid(
    spec: RequestSpec<unknown>,
    status: number,
    issues: ResponseIssue[],
    requestId: string | undefined,
  ): ResponseValidationError {
    const where = issues.map((i) => `${i.path || '(body)'}: ${i.code}`).join(', ');
    return new ResponseValidationError(
      `${spec.operation}: the response does not match the API contract (${where}).`,
      {
        operation: spec.operation,
        status,
        issues,
        requestId,
        hint: 'Upgrade bfinance-cards; if the newest version fails too, report the field paths (not the values) as an issue.',
      },
    );
  }

  #aborted(spec: RequestSpec<unknown>, inFlight: boolean): RequestAbortedError {
    return new RequestAbortedError(
      `${spec.operation}: the call was aborted${inFlight ? ' while in flight' : ''}.`,
      {
        operation: spec.operation,
        hint: 'The AbortSignal passed in options fired; nothing to do unless the abort was unexpected.',
      },
    );
  }

  async #token(spec: RequestSpec<unknown>): Promise<string> {
    const source = this.#config.token;
    const missing = (why: string): AuthenticationError =>
      new AuthenticationError(`${spec.operation}: ${why}`, {
        status: 401,
        operation: spec.operation,
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
    this.#config.secrets.add(token);
    return token;
  }

  #headers(
    token: string,
    idempotencyKey: string | undefined,
    extra: Record<string, string> | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': this.#config.userAgent,
    };
    for (const source of [this.#config.headers, extra ?? {}]) {
      for (const [name, value] of Object.entries(source)) headers[name.toLowerCase()] = value;
    }
    headers.authorization = `Bearer ${token}`;
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    return headers;
  }

  #url(spec: RequestSpec<unknown>): string {
    let url = this.#config.baseUrl + spec.path.path;
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
}
