import { type ErrorCause, type ErrorResponse, errorFromResponse } from './error-map.js';
import {
  type ApiError,
  type CardsError,
  ConnectionError,
  OutcomeUnknownError,
  RedirectError,
  RequestAbortedError,
  type ResendOptions,
  type ResponseIssue,
  ResponseValidationError,
  TimeoutError,
  type ValidationError,
} from './errors.js';
import type { OutcomeSubject, Reconciliation } from './outcome/contract.js';
import { reconcileSettled } from './outcome/settle.js';
import { redact } from './redact/index.js';
import { invalid } from './refuse.js';
import type { RequestSpec } from './spec.js';

/** When a call ran, for an `OutcomeUnknownError`. */
export interface CallRecord {
  idempotencyKey: string;
  attempts: number;
  startedAt: number;
}

/**
 * Builds every error that holds a string from outside the SDK (a server body or header, a custom
 * fetch's error): each such string passes the redactor, with the client's secrets, before it is
 * stored, so no call site can forget it. The exported error constructors stay plain.
 */
export class ErrorFactory {
  readonly #secrets: Iterable<string>;
  readonly #sandbox: boolean;
  readonly #causes: readonly ErrorCause[];

  /**
   * `secrets`: the tokens seen so far; `sandbox`: the client talks to the sandbox's base URL;
   * `causes`: the domain's table of causes an error message can name.
   */
  constructor(secrets: Iterable<string>, sandbox: boolean, causes: readonly ErrorCause[]) {
    this.#secrets = secrets;
    this.#sandbox = sandbox;
    this.#causes = causes;
  }

  /** This factory, also masking `extra`: the secrets one call sends. */
  withSecrets(extra: readonly string[]): ErrorFactory {
    const client = this.#secrets;
    return new ErrorFactory(
      {
        *[Symbol.iterator]() {
          yield* client;
          yield* extra;
        },
      },
      this.#sandbox,
      this.#causes,
    );
  }

  /** Redacts a string from outside the SDK. */
  text(value: string): string;
  text(value: string | undefined): string | undefined;
  text(value: string | undefined): string | undefined {
    return value === undefined ? undefined : redact(value, this.#secrets);
  }

  /**
   * The typed error of an error status or a `status: "error"` envelope; with `keyReusedHint`, an
   * `IdempotencyKeyReusedError` (the answer says the key was used for a different request).
   */
  fromStatus(operation: string, res: Omit<ErrorResponse, 'operation'>, keyReusedHint?: string): ApiError {
    return errorFromResponse(
      {
        status: res.status,
        message: this.text(res.message),
        errorId: this.text(res.errorId),
        requestId: this.text(res.requestId),
        operation,
        retryAfterMs: res.retryAfterMs,
      },
      this.#causes,
      keyReusedHint,
    );
  }

  /** The client was about to send one `Idempotency-Key` with a different request than before. */
  keyReusedLocally(operation: string): ValidationError {
    return invalid(
      'idempotencyKey',
      'reused',
      `${operation}: idempotencyKey already sent with another request; nothing sent.`,
      'Use a new idempotencyKey for each new operation.',
      operation,
    );
  }

  /** A 3xx, or an answer from another origin; never followed. */
  redirect(
    operation: string,
    status: number,
    requestId: string | undefined,
    foreign: boolean,
  ): RedirectError {
    return new RedirectError(
      `${operation}: ${foreign ? 'answer from another origin' : 'redirect'} (HTTP ${status}).`,
      {
        status,
        operation,
        requestId: this.text(requestId),
        hint: 'Check baseUrl; do not follow redirects.',
      },
    );
  }

  /** A 2xx body that does not match the contract; `applied` when bfinance confirmed the call. */
  invalid(
    operation: string,
    status: number,
    issues: ResponseIssue[],
    requestId: string | undefined,
    applied?: { resourceId: string | undefined },
  ): ResponseValidationError {
    const safe = issues.map((i) => ({ path: this.text(i.path), code: this.text(i.code) }));
    const where = safe.map((i) => `${i.path || 'body'}: ${i.code}`).join(', ');
    const resourceId = this.text(applied?.resourceId);
    const report = 'report the paths to us';
    return new ResponseValidationError(
      `${operation}${applied ? ' was applied, but its reply' : ': the response'} breaks the API contract (${where}).`,
      {
        operation,
        status,
        issues: safe,
        requestId: this.text(requestId),
        applied: applied !== undefined,
        resourceId,
        hint: applied
          ? `Do not re-send: it was applied${resourceId ? ` (id ${resourceId})` : ''}; ${report}.`
          : `Upgrade bfinance-cards, or ${report}.`,
      },
    );
  }

  /** No complete response within `timeoutMs`. */
  timeout(operation: string, timeoutMs: number): TimeoutError {
    return new TimeoutError(`${operation}: no response within ${timeoutMs} ms.`, {
      operation,
      hint: 'Raise timeoutMs or retry.',
    });
  }

  /** The caller's signal fired. */
  aborted(operation: string, inFlight: boolean): RequestAbortedError {
    return new RequestAbortedError(`${operation}: aborted${inFlight ? ' in flight' : ''}.`, {
      operation,
      hint: 'Your AbortSignal fired.',
    });
  }

  /** A failed connection, or a request the HTTP stack refused to send. */
  connection(
    operation: string,
    failure: { message: string; code: string; phase: 'connect' | 'sent' | 'local' },
    retried: boolean,
  ): ConnectionError {
    const code = this.text(failure.code);
    const hint =
      failure.phase === 'local'
        ? 'Nothing was sent: check headers, userAgent, fetch and dispatcher.'
        : this.#sandbox
          ? 'Use sandbox.client().'
          : `Check the network and baseUrl${retried ? '' : ' (not retried)'}.`;
    // "funds.topUp: the connection failed", not "…: The connection failed" (acronyms keep their case).
    const what = this.text(failure.message).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
    return new ConnectionError(`${operation}: ${what}`, {
      operation,
      hint,
      cause: { code, phase: failure.phase },
    });
  }

  /**
   * A call that must not be repeated whose outcome is unknown; `hint` overrides the spec's (a
   * 409's meaning decides what to do next).
   */
  outcomeUnknown(
    spec: RequestSpec<unknown>,
    cause: CardsError,
    call: CallRecord,
    hint?: string,
    onSettled?: (answer: Reconciliation) => void,
    resend?: (options: ResendOptions) => Promise<unknown>,
  ): OutcomeUnknownError {
    const endedAt = Date.now();
    const outcome = spec.outcome;
    const settle = outcome?.reconcile;
    const subject: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(spec.subject ?? {})) {
      subject[key] = typeof value === 'string' ? this.text(value) : value;
    }
    const window = {
      operation: spec.operation,
      idempotencyKey: call.idempotencyKey,
      startedAt: call.startedAt,
      endedAt,
    };
    return new OutcomeUnknownError(
      `${spec.operation}: no definite answer (${cause.name}); it may have been applied.`,
      {
        ...(subject as OutcomeSubject),
        operation: spec.operation,
        idempotencyKey: call.idempotencyKey,
        attempts: call.attempts,
        startedAt: call.startedAt,
        endedAt,
        cause,
        hint:
          hint ??
          // A de-duplicated operation's own hint offers resend(), which this client turned off.
          (resend === undefined && spec.deduplicated === true
            ? 'De-duplicated by Idempotency-Key, but retryUnknownOutcomes is false: call error.reconcile() first.'
            : outcome?.hint) ??
          `Call ${resend ? 'error.resend() (same Idempotency-Key) or ' : ''}error.reconcile() before re-sending.`,
        resend,
        reconcile: settle
          ? async (options) => {
              const answer = await reconcileSettled(window, options, settle);
              onSettled?.(answer);
              return answer;
            }
          : undefined,
      },
    );
  }
}
