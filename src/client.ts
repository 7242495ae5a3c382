import type { Dispatcher } from 'undici';
import { checkBaseUrl, DEFAULT_BASE_URL } from './core/base-url.js';
import { ValidationError } from './core/errors.js';
import { type DefaultSender, FETCH_DEFAULT_SENDER } from './core/http/default-sender.js';
import { createFetchSender } from './core/http/fetch-sender.js';
import { createLogSink, type Logger, type LogLevel } from './core/logger.js';
import { readEnv, runtimeName } from './core/runtime.js';
import type { TokenSource } from './core/spec.js';
import { Transport } from './core/transport.js';
import type { PinPolicy, PinPreset } from './pins/rules.js';
import { CardsResource } from './resources/cards.js';
import { CustomersResource } from './resources/customers.js';
import { DisputesResource } from './resources/disputes.js';
import { FundsResource } from './resources/funds.js';
import { PinsResource } from './resources/pins.js';
import { StatusResource } from './resources/status.js';
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
  /** Receives structured, redacted events (console and pino both fit). */
  logger?: Logger;
  /** How much to log. Default `off`. */
  logLevel?: LogLevel;
  /** A custom `fetch`; the SDK then sends every request through it. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** An undici dispatcher (proxy agent, pool, mock agent) for the Node transport. */
  dispatcher?: Dispatcher;
  /** Extra headers sent on every request. */
  headers?: Record<string, string>;
  /** Appended to the SDK's User-Agent, e.g. `my-app/1.2`. */
  userAgent?: string;
  /** PIN rules `pins.set` enforces before sending. Default `recommended`, 4 digits. */
  pinPolicy?: PinPreset | PinPolicy;
  /** Largest response body read, in bytes. Default 5 MiB. */
  maxResponseBytes?: number;
  /**
   * Retry card issuance and money movements even after the request may have reached the server.
   * Only safe when bfinance de-duplicates on `Idempotency-Key`. Default false.
   */
  retryUnknownOutcomes?: boolean;
}

const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

function whole(
  value: number | undefined,
  fallback: number,
  field: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new ValidationError(`${field} must be a whole number ${range}.`, {
      field,
      rule: 'range',
      hint: `Set ${field} to a whole number ${range}, or leave it out for the default.`,
    });
  }
  return value;
}

/**
 * Internal test hook, not exported from the package: a client constructed with this key in its
 * options waits and draws jitter through it, so fault tests run on a fake clock.
 *
 * @internal
 */
export const CLIENT_CLOCK: unique symbol = Symbol('bfinance-cards.clock');

/**
 * Internal, not exported from the package: the sender a client builds when given no `fetch`. The
 * Node entry's `CardsClient` (client.node.ts) sets it to the undici sender; without it a client
 * uses the portable fetch sender, as the edge entry does.
 *
 * @internal
 */
export const CLIENT_DEFAULT_SENDER: unique symbol = Symbol('bfinance-cards.default-sender');

/** What {@link CLIENT_CLOCK} carries. @internal */
export interface ClientClock {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * The bfinance Cards API client.
 *
 * @example
 * ```ts
 * const client = new CardsClient({ apiToken: process.env.BFINANCE_API_TOKEN });
 * const types = await client.cards.types();
 * const card = await client.cards.issue({ model: 'card', typeId: types[0].id, initialBalance: 50, firstName: 'Ada', lastName: 'Lovelace' });
 * console.log(card.last4);
 * ```
 */
export class CardsClient {
  /** Customers, their verification and product access. */
  readonly customers: CustomersResource;
  /** Card programs, issuance, details, sensitive data, transactions, limits, contact data, physical cards. */
  readonly cards: CardsResource;
  /** PIN checks and PIN setting. */
  readonly pins: PinsResource;
  /** Top-ups, withdrawals, budget funding and balances. */
  readonly funds: FundsResource;
  /** Freeze, unfreeze and delete. */
  readonly status: StatusResource;
  /** Transaction disputes. */
  readonly disputes: DisputesResource;

  /**
   * Creates a client. Nothing is sent until the first call.
   *
   * @throws {ValidationError} for an insecure or malformed `baseUrl` or a bad numeric option.
   */
  constructor(options: CardsClientOptions = {}) {
    const baseUrl = checkBaseUrl(options.baseUrl ?? readEnv('BFINANCE_BASE_URL') ?? DEFAULT_BASE_URL);
    const logLevel = options.logLevel ?? 'off';
    if (!LOG_LEVELS.includes(logLevel)) {
      throw new ValidationError('logLevel must be off, error, warn, info or debug.', {
        field: 'logLevel',
        rule: 'enum',
        hint: "Use one of 'off', 'error', 'warn', 'info', 'debug'.",
      });
    }
    const secrets = new Set<string>();
    const token: TokenSource = options.apiToken ?? readEnv('BFINANCE_API_TOKEN');
    if (typeof token === 'string' && token !== '') secrets.add(token);
    const platform =
      (options as { [CLIENT_DEFAULT_SENDER]?: DefaultSender })[CLIENT_DEFAULT_SENDER] ?? FETCH_DEFAULT_SENDER;
    const transportName = options.fetch ? 'fetch' : platform.transport;
    const clock = (options as { [CLIENT_CLOCK]?: ClientClock })[CLIENT_CLOCK];
    const transport = new Transport({
      baseUrl,
      token,
      // The same bounds as the per-call options: a client that could never make a call fails here.
      timeoutMs: whole(options.timeoutMs, 30_000, 'timeoutMs', 1, 600_000),
      maxRetries: whole(options.maxRetries, 2, 'maxRetries', 0, 10),
      maxResponseBytes: whole(options.maxResponseBytes, 5 * 1024 * 1024, 'maxResponseBytes', 1),
      headers: { ...options.headers },
      userAgent: `bfinance-cards/${VERSION} (${runtimeName()}; ${transportName})${options.userAgent ? ` ${options.userAgent}` : ''}`,
      retryUnknownOutcomes: options.retryUnknownOutcomes ?? false,
      sender: options.fetch ? createFetchSender(options.fetch) : platform.create(options.dispatcher),
      log: createLogSink(options.logger, logLevel, () => secrets),
      secrets,
      ...(clock?.sleep ? { sleep: clock.sleep } : {}),
      ...(clock?.random ? { random: clock.random } : {}),
    });
    this.customers = new CustomersResource(transport);
    this.cards = new CardsResource(transport);
    this.pins = new PinsResource(transport, options.pinPolicy);
    this.funds = new FundsResource(transport);
    this.status = new StatusResource(transport);
    this.disputes = new DisputesResource(transport);
  }
}
