import { checkBaseUrl, DEFAULT_BASE_URL, SANDBOX_BASE_URL, SANDBOX_TOKEN } from './core/base-url.js';
import { createDriftReporter } from './core/drift-report.js';
import { ErrorFactory } from './core/error-factory.js';
import type { ErrorCause } from './core/error-map.js';
import { checkHeaderValue, checkToken } from './core/headers.js';
import { type AuditEvent, type AuditHook, AuditTrail } from './core/hooks/audit.js';
import { DEFAULT_SENDER } from './core/http/default-sender.js';
import { createFetchSender } from './core/http/fetch-sender.js';
import type { UndiciDispatcher } from './core/http/types.js';
import { createLogSink, LOG_LEVELS, type Logger, type LogLevel } from './core/logger.js';
import { bounded, checkNames } from './core/options.js';
import { refuse } from './core/refuse.js';
import { readEnv, runtimeName } from './core/runtime.js';
import { isPlainObject, snapshot } from './core/snapshot.js';
import type { TokenSource } from './core/spec.js';
import { Transport } from './core/transport.js';
import type { PinPolicy, PinPreset } from './pins/rules.js';
import { CARD_CAUSES } from './resources/domain-errors.js';
import { VERSION } from './version.js';

/** Options of {@link CardsClient}; every one has a default. */
export interface CardsClientOptions {
  /**
   * The bfinance API token, or a function returning it (called once per call, so tokens can
   * rotate). Defaults to the `BFINANCE_API_TOKEN` environment variable.
   */
  apiToken?: string | (() => string | Promise<string>);
  /** API base URL; `https:` unless the host is loopback. Default: the production API. */
  baseUrl?: string;
  /** Timeout of each attempt in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Retries after the first attempt, where retrying is safe. Default 2. */
  maxRetries?: number;
  /**
   * Receives structured, redacted events: the global `console` gets one line per event, pino and
   * other `(fields, message)` loggers get objects. Nothing a logger does (throw, reject, take
   * long) changes or delays a call.
   */
  logger?: Logger;
  /** How much to log. Default `warn` when a `logger` is given (retries, failures, drift), else `off`. */
  logLevel?: LogLevel;
  /**
   * Called once per call that reached the network and issued a card, moved money, changed a card,
   * or created, cancelled or deleted a customer, access request or dispute, when its outcome is
   * known; again when `OutcomeUnknownError.reconcile()` settles it. Redacted like logs; a hook that
   * throws or is slow never changes or delays the call. It may return a promise: see
   * {@link CardsClient.auditSettled}.
   */
  onAudit?: (event: AuditEvent) => unknown;
  /** A custom `fetch`; the SDK then sends every request through it. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** An undici dispatcher (proxy agent, pool, mock agent) for the Node transport. */
  dispatcher?: UndiciDispatcher;
  /** Extra headers sent on every request. */
  headers?: Record<string, string>;
  /** Appended to the SDK's User-Agent, e.g. `my-app/1.2`. */
  userAgent?: string;
  /** PIN rules `pins.set` enforces before sending. Default `recommended`, 4 digits. */
  pinPolicy?: PinPreset | PinPolicy;
  /** Largest response body read, in bytes. Default 5 MiB. */
  maxResponseBytes?: number;
  /**
   * Which calls are re-sent, with the same `Idempotency-Key` and an identical body, after an
   * attempt that may have reached bfinance (a timeout, a lost connection, a 5xx):
   * - `'documented'` (default): card top-ups and withdrawals, which bfinance documents it processes
   *   once per key (docs.bfinance.app/api-integration/en/idempotency-key);
   * - `true`: every call that issues a card or moves money (assumes the server de-duplicates all);
   * - `false`: none (for a proxy that strips the header, or a server that ignores keys).
   * Other calls end in an `OutcomeUnknownError` instead, with `reconcile()`.
   */
  retryUnknownOutcomes?: boolean | 'documented';
}

const CLIENT_OPTIONS: ReadonlySet<string> = new Set(
  'apiToken baseUrl timeoutMs maxRetries logger logLevel onAudit fetch dispatcher headers userAgent pinPolicy maxResponseBytes retryUnknownOutcomes'.split(
    ' ',
  ),
);

// A logger is behaviour the caller may watch (its own state): it is kept, not copied.
const BY_REFERENCE: ReadonlySet<string> = new Set(['logger']);

/**
 * Copies the options once (own keys only, see {@link snapshot}), checks the option names and the
 * types the constructor itself cannot coerce, and returns the copy the client is built from.
 */
function checkOptions(options: unknown): CardsClientOptions {
  if (!isPlainObject(options)) {
    refuse(
      'options',
      'type',
      'CardsClient options must be an object.',
      'Pass new CardsClient({ apiToken, … }).',
    );
  }
  const given = snapshot(options, 'options', BY_REFERENCE) as CardsClientOptions;
  checkNames(given, CLIENT_OPTIONS, '', 'a CardsClient option');
  const { apiToken, logger, onAudit, fetch, retryUnknownOutcomes } = given;
  if (apiToken !== undefined && typeof apiToken !== 'function') checkToken(apiToken, 'CardsClient');
  if (logger !== undefined && (typeof logger !== 'object' || logger === null)) {
    refuse('logger', 'type', 'logger must be an object.', 'Pass console or a pino logger.');
  }
  for (const [field, value] of [
    ['onAudit', onAudit],
    ['fetch', fetch],
  ] as const) {
    if (value !== undefined && typeof value !== 'function') {
      refuse(field, 'type', `${field} must be a function.`, `Pass ${field} as a function.`);
    }
  }
  if (![undefined, true, false, 'documented'].includes(retryUnknownOutcomes)) {
    refuse(
      'retryUnknownOutcomes',
      'type',
      "retryUnknownOutcomes must be 'documented', true or false.",
      'Leave it out for the default.',
    );
  }
  return given;
}

/**
 * Internal test hook, not exported from the package: a client constructed with this key in its
 * options waits and draws jitter through it, so fault tests run on a fake clock.
 *
 * @internal
 */
export const CLIENT_CLOCK: unique symbol = Symbol('bfinance-cards.clock');

/** What {@link CLIENT_CLOCK} carries. @internal */
export interface ClientClock {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * What a client or a standalone resource class sends through: one transport, its audit trail and
 * the PIN policy option. Built once from the options; `CardsClient` shares one among its resources.
 *
 * @internal
 */
export class Connection {
  /** The one place that calls the network. */
  readonly transport: Transport;
  /** Where audit events go; `auditSettled()` waits on it. */
  readonly audit: AuditTrail;
  /** The `pinPolicy` option as given (checked by the PIN resource). */
  readonly pinPolicy: PinPreset | PinPolicy | undefined;

  /**
   * Checks the options and builds the transport. Nothing is sent. `causes`: the error causes its
   * calls can meet (default: those of card calls, see `CARD_CAUSES`).
   *
   * @throws {ValidationError} for options that are not a plain object, an unknown option, an
   * insecure or malformed `baseUrl` or a bad numeric option.
   */
  constructor(config: CardsClientOptions = {}, causes: readonly ErrorCause[] = CARD_CAUSES) {
    const options = checkOptions(config);
    const baseUrl = checkBaseUrl(options.baseUrl ?? readEnv('BFINANCE_BASE_URL') ?? DEFAULT_BASE_URL);
    const logLevel = options.logLevel ?? (options.logger ? 'warn' : 'off');
    if (!LOG_LEVELS.includes(logLevel)) {
      refuse(
        'logLevel',
        'enum',
        `logLevel must be one of ${LOG_LEVELS.join(', ')}.`,
        'Leave it out for the default.',
      );
    }
    const secrets = new Set<string>();
    const token: TokenSource = options.apiToken ?? readEnv('BFINANCE_API_TOKEN');
    if (typeof token === 'string' && token !== '') secrets.add(token);
    const production = baseUrl === DEFAULT_BASE_URL;
    if (production && token === SANDBOX_TOKEN) {
      refuse(
        'apiToken',
        'sandbox_token',
        'The sandbox token was given with the production base URL.',
        "Use sandbox.client() from 'bfinance-cards/testing'.",
      );
    }
    const userAgent =
      options.userAgent === undefined ? undefined : checkHeaderValue(options.userAgent, 'userAgent');
    const audit = new AuditTrail(options.onAudit as AuditHook | undefined, () => secrets);
    const transportName = options.fetch ? 'fetch' : DEFAULT_SENDER.transport;
    const clock = (config as { [CLIENT_CLOCK]?: ClientClock })[CLIENT_CLOCK];
    const log = createLogSink(options.logger, logLevel, () => secrets);
    const transport = new Transport({
      baseUrl,
      token,
      // The same bounds as the per-call options: a client that could never make a call fails here.
      timeoutMs: bounded(options.timeoutMs, 30_000, 'timeoutMs'),
      maxRetries: bounded(options.maxRetries, 2, 'maxRetries'),
      maxResponseBytes: bounded(options.maxResponseBytes, 5 * 1024 * 1024, 'maxResponseBytes'),
      headers: options.headers ?? {},
      userAgent: `bfinance-cards/${VERSION} (${runtimeName()}; ${transportName})${userAgent ? ` ${userAgent}` : ''}`,
      retryUnknownOutcomes: options.retryUnknownOutcomes ?? 'documented',
      sender: options.fetch ? createFetchSender(options.fetch) : DEFAULT_SENDER.create(options.dispatcher),
      log,
      drift: createDriftReporter(log),
      audit,
      errors: new ErrorFactory(secrets, baseUrl === SANDBOX_BASE_URL, causes),
      production,
      secrets,
      sleep: clock?.sleep,
      random: clock?.random,
    });
    this.transport = transport;
    this.audit = audit;
    this.pinPolicy = options.pinPolicy;
  }
}

/**
 * The connection behind a resource class's constructor argument: the one `CardsClient` shares, or
 * a new one built from options.
 *
 * @internal
 */
export function connectionOf(
  options: CardsClientOptions | undefined,
  causes?: readonly ErrorCause[],
): Connection {
  return options instanceof Connection ? options : new Connection(options, causes);
}
