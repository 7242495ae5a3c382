import { sendAttempt } from './attempt.js';
import { withCallSecrets } from './call-secrets.js';
import { type AttemptFailure, classify, type Verdict } from './classify.js';
import {
  type CardsError,
  OutcomeUnknownError,
  type ResendOptions,
  ResponseValidationError,
} from './errors.js';
import { checkHeaders } from './headers.js';
import type { AuditOutcome, AuditTrail } from './hooks/audit.js';
import type { Sender } from './http/types.js';
import type { LogSink } from './logger.js';
import type { Reconciliation } from './outcome/contract.js';
import { callFields, type PrepareConfig, type PreparedCall, prepareCall } from './prepare.js';
import { RecentKeys } from './recent-keys.js';
import { readResponse, requestIdOf } from './response.js';
import { backoffMs, sleep } from './retry.js';
import { reportSettled } from './settled.js';
import type { Requester, RequestOptions, RequestSpec } from './spec.js';

/** The transport's resolved configuration: what a call is checked with, and how it is sent. */
export interface TransportConfig extends PrepareConfig {
  /**
   * Which calls that may have been applied are re-sent with the same key and body: `'documented'`
   * those bfinance documents as de-duplicated (card top-up and withdraw), `true` all, `false` none.
   */
  retryUnknownOutcomes: boolean | 'documented';
  sender: Sender;
  log: LogSink;
  audit: AuditTrail;
  /**
   * Reports drift of a parsed response (fields the schema does not know, documented ones absent).
   * Called before the call resolves, so it must only schedule its work (see drift-report.ts).
   */
  drift?: ((spec: RequestSpec<unknown>, data: unknown) => void) | undefined;
  /** Injected in tests for deterministic backoff. */
  random?: (() => number) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

interface CallState {
  /** This call recorded its key first (so a definite refusal may release it). */
  keyClaimed: boolean;
  attempt: number;
  mayHaveApplied: boolean;
  mayHaveReached: boolean;
  /** Some attempt was handed to the sender and not refused locally: the call reached the network. */
  sent: boolean;
  requestId: string | undefined;
}

/** The one place that sends: runs each call's attempts, retries and outcome reporting. */
export class Transport implements Requester {
  readonly #config: TransportConfig;
  readonly #origin: string;
  // Shared with the masking views of calls that send secrets (see #masking).
  #keys = new RecentKeys();

  /**
   * Creates a transport from resolved configuration.
   *
   * @throws {ValidationError} for client headers HTTP cannot carry or that the SDK owns.
   */
  constructor(config: TransportConfig) {
    this.#config = { ...config, headers: checkHeaders(config.headers, 'headers') };
    this.#origin = new URL(config.baseUrl).origin;
  }

  /**
   * Runs one logical call with its retries and returns the validated response data.
   *
   * @throws {CardsError} a subclass for every failure; see the README's error table.
   */
  request<T>(given: RequestSpec<T>, options?: RequestOptions): Promise<T> {
    // Own fields only: what an endpoint leaves out (deduplicated, converge…) is never inherited.
    const spec: RequestSpec<T> = Object.assign(Object.create(null), given);
    // A call that sends a PIN or an activation code runs on a view that masks it in what it builds.
    if (spec.secrets !== undefined && spec.secrets.length > 0)
      return this.#masking(spec.secrets).#run(spec, options, undefined);
    return this.#run(spec, options, undefined);
  }

  /** This transport (its keys too) with `secrets` also masked in its errors, log lines and audit events. */
  #masking(secrets: readonly string[]): Transport {
    const view = new Transport(withCallSecrets(this.#config, secrets));
    view.#keys = this.#keys;
    return view;
  }

  /** Runs a call; `firstStartedAt` is set when it re-sends an earlier call with the same key. */
  async #run<T>(
    spec: RequestSpec<T>,
    options: RequestOptions | undefined,
    firstStartedAt: number | undefined,
  ): Promise<T> {
    const prepared = prepareCall(spec, options, this.#config);
    const call = prepared instanceof Promise ? await prepared : prepared;
    if (firstStartedAt !== undefined) call.startedAt = firstStartedAt;
    const { idempotencyKey, request } = call;
    const claim =
      idempotencyKey === undefined
        ? undefined
        : this.#keys.claim(idempotencyKey, request.method, request.url, request.body);
    if (claim === 'conflict') throw this.#config.errors.keyReusedLocally(spec.operation);
    const state: CallState = {
      keyClaimed: claim === 'new',
      attempt: 0,
      mayHaveApplied: false,
      mayHaveReached: false,
      sent: false,
      requestId: undefined,
    };
    const log = this.#config.log;
    while (true) {
      state.attempt++;
      if (call.request.signal?.aborted)
        throw this.#end(spec, call, state, this.#abortedBefore(spec, call, state));
      if (log.enabled('debug'))
        log.log('debug', 'request', { ...callFields(spec, call.idempotencyKey), attempt: state.attempt });
      const started = Date.now();
      const result = await sendAttempt(this.#config.sender, call.request);
      const durationMs = Date.now() - started;
      let failure: AttemptFailure;
      if (result.type === 'response') {
        const res = result.response;
        state.sent = true;
        state.requestId = requestIdOf(res);
        const reading = readResponse(spec, res, this.#origin, state.requestId);
        if (reading.type === 'ok') {
          this.#config.drift?.(spec as RequestSpec<unknown>, reading.data);
          if (log.enabled('debug')) {
            log.log('debug', 'response', {
              ...callFields(spec, call.idempotencyKey),
              attempt: state.attempt,
              status: res.status,
              durationMs,
            });
          }
          reportSettled(this.#config, spec, call, state, 'applied', undefined, reading.value);
          return reading.value;
        }
        failure = reading;
      } else {
        if (result.type !== 'send' || result.error.phase !== 'local') state.sent = true;
        failure =
          result.type === 'send'
            ? result
            : result.type === 'timeout'
              ? { type: 'timeout', timeoutMs: call.request.timeoutMs }
              : { type: 'aborted' };
      }
      const verdict = classify(failure, this.#context(spec, call, state), this.#config.errors);
      state.mayHaveApplied = verdict.mayHaveApplied;
      state.mayHaveReached = verdict.mayHaveReached;
      if (verdict.action === 'retry') {
        await this.#backoff(spec, call, state, verdict, durationMs);
        continue;
      }
      if (verdict.action === 'converge') {
        const done = await this.#converge(spec, verdict.error, call.options);
        if (done !== undefined) {
          log.log('info', 'converged', {
            ...callFields(spec, call.idempotencyKey),
            attempt: state.attempt,
            durationMs,
            reason: verdict.error.name,
          });
          reportSettled(this.#config, spec, call, state, 'applied', undefined, done.value);
          return done.value;
        }
      }
      const error =
        verdict.action === 'unknown'
          ? this.#unknown(spec, call, state, verdict.error, verdict.hint)
          : verdict.error;
      log.log('error', 'failed', {
        ...callFields(spec, call.idempotencyKey),
        attempt: state.attempt,
        durationMs,
        error: error.name,
        status: (verdict.error as { status?: number }).status,
        errorId: (verdict.error as { errorId?: string }).errorId,
        requestId: state.requestId,
      });
      throw this.#end(spec, call, state, error);
    }
  }

  #context(spec: RequestSpec<unknown>, call: PreparedCall, state: CallState): Parameters<typeof classify>[1] {
    return {
      operation: spec.operation,
      retry: call.retry,
      attempt: state.attempt,
      maxRetries: call.maxRetries,
      mayHaveApplied: state.mayHaveApplied,
      mayHaveReached: state.mayHaveReached,
      keyGenerated: call.keyGenerated,
      resendUnknown: this.#resends(spec),
    };
  }

  /** Whether an attempt of `spec` that may have been applied may be re-sent with its key. */
  #resends(spec: RequestSpec<unknown>): boolean {
    const policy = this.#config.retryUnknownOutcomes;
    return policy === true || (policy === 'documented' && spec.deduplicated === true);
  }

  async #backoff(
    spec: RequestSpec<unknown>,
    call: PreparedCall,
    state: CallState,
    verdict: Extract<Verdict, { action: 'retry' }>,
    durationMs: number,
  ): Promise<void> {
    const delayMs = verdict.retryAfterMs ?? backoffMs(state.attempt - 1, this.#config.random);
    this.#config.log.log('warn', 'retrying', {
      ...callFields(spec, call.idempotencyKey),
      attempt: state.attempt,
      durationMs,
      delayMs,
      reason: verdict.error.name,
    });
    try {
      await (this.#config.sleep ?? sleep)(delayMs, call.request.signal);
    } catch {
      throw this.#end(spec, call, state, this.#abortedBefore(spec, call, state));
    }
  }

  /** An abort between attempts: unknown when an earlier attempt of a one-shot call may have applied. */
  #abortedBefore(spec: RequestSpec<unknown>, call: PreparedCall, state: CallState): CardsError {
    const aborted = this.#config.errors.aborted(spec.operation, false);
    return call.retry === 'must-not-repeat' && state.mayHaveApplied
      ? this.#unknown(spec, call, state, aborted, undefined)
      : aborted;
  }

  /** Reads whether a refused state call is already done; undefined when it is not, or the read fails. */
  async #converge<T>(
    spec: RequestSpec<T>,
    refusal: CardsError,
    options: RequestOptions,
  ): Promise<{ value: T } | undefined> {
    try {
      const value = await spec.converge?.(refusal, options);
      return value === undefined ? undefined : { value };
    } catch {
      return undefined;
    }
  }

  #unknown(
    spec: RequestSpec<unknown>,
    call: PreparedCall,
    state: CallState,
    cause: CardsError,
    hint: string | undefined,
  ): OutcomeUnknownError {
    const record = {
      idempotencyKey: call.idempotencyKey ?? '',
      attempts: state.attempt,
      startedAt: call.startedAt,
    };
    const onSettled = (answer: Reconciliation): void => {
      if (answer.status === 'still-unknown') return;
      const outcome = answer.status === 'applied' ? 'applied' : 'not-applied';
      reportSettled(this.#config, spec, call, state, outcome, undefined, undefined, true);
    };
    // The identical request again: same key, same body, the caller's headers; new signal/timeouts.
    const { signal: _signal, ...sent } = call.options;
    const resend = this.#resends(spec)
      ? (options: ResendOptions) =>
          this.#run(spec, { ...sent, ...options, idempotencyKey: record.idempotencyKey }, call.startedAt)
      : undefined;
    return this.#config.errors.outcomeUnknown(spec, cause, record, hint, onSettled, resend);
  }

  /** Reports the end of a failed call (audit event, `info` line) and returns its error. */
  #end(spec: RequestSpec<unknown>, call: PreparedCall, state: CallState, error: CardsError): CardsError {
    // A confirmed call whose reply the schema refused was applied all the same; `refused` is only
    // for a call none of whose attempts may have been applied (a timed-out freeze is unknown).
    const outcome: AuditOutcome =
      error instanceof ResponseValidationError && error.applied
        ? 'applied'
        : error instanceof OutcomeUnknownError || state.mayHaveApplied
          ? 'unknown'
          : 'refused';
    // Nothing was done: the caller may mend the request and send it again under the same key.
    if (outcome === 'refused' && state.keyClaimed && call.idempotencyKey !== undefined)
      this.#keys.release(call.idempotencyKey);
    reportSettled(this.#config, spec, call, state, outcome, error.name, undefined);
    return error;
  }
}
