import { reconcileSettled } from '../outcomes/settle.js';
import type { OutcomeSubject } from '../outcomes/types.js';
import {
  type ApiError,
  type CardsError,
  ConnectionError,
  OutcomeUnknownError,
  RequestAbortedError,
  TimeoutError,
  ValidationError,
} from './errors.js';
import { AttemptSignal } from './http/attempt-signal.js';
import { SendError, type Sender, type SendResponse } from './http/types.js';
import type { LogSink } from './logger.js';
import { redact } from './redact.js';
import { buildHeaders, buildUrl, checkCount, resolveToken } from './request-parts.js';
import { type AttemptResult, type Failure, interpretResponse, invalidResponse } from './response.js';
import { backoffMs, sleep } from './retry.js';
import {
  type Requester,
  type RequestOptions,
  type RequestSpec,
  retryClass,
  type TokenSource,
} from './spec.js';

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

/** The one place that sends: runs each call's attempts, retries and outcome reporting. */
export class Transport implements Requester {
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
      options.idempotencyKey ??
      (retryClass(spec.kind) === 'must-not-repeat' ? globalThis.crypto.randomUUID() : undefined);
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
    const token = await resolveToken(config.token, spec.operation, config.secrets);
    const headers = buildHeaders(config.userAgent, token, idempotencyKey, [config.headers, options.headers]);
    const url = buildUrl(config.baseUrl, spec);
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
        (retryClass(spec.kind) !== 'must-not-repeat' || !failure.maybeApplied || config.retryUnknownOutcomes);
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
      if (spec.converge && retryClass(spec.kind) === 'converges' && mayHaveApplied) {
        const done = await this.#converge(spec, failure.error, options);
        if (done !== undefined) {
          config.log.log('info', 'converged', { ...fields, attempt, durationMs, reason: failure.error.name });
          return done.value;
        }
      }
      const error =
        retryClass(spec.kind) === 'must-not-repeat' && failure.maybeApplied && idempotencyKey !== undefined
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
    for (const [key, value] of Object.entries(spec.subject ?? outcome?.subject ?? {})) {
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
  ): Promise<AttemptResult<T>> {
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
    return interpretResponse(spec, res, this.#config.secrets);
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
        error: invalidResponse(spec.operation, 200, [{ path: '', code: 'too_large' }], undefined),
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

  #aborted(spec: RequestSpec<unknown>, inFlight: boolean): RequestAbortedError {
    return new RequestAbortedError(
      `${spec.operation}: the call was aborted${inFlight ? ' while in flight' : ''}.`,
      {
        operation: spec.operation,
        hint: 'The AbortSignal passed in options fired; nothing to do unless the abort was unexpected.',
      },
    );
  }
}
