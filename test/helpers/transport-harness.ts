import { ErrorFactory } from '../../src/core/error-factory.js';
import { AuditTrail } from '../../src/core/hooks/audit.js';
import type { Sender, SendRequest } from '../../src/core/http/types.js';
import { createLogSink, type Logger, type LogLevel } from '../../src/core/logger.js';
import { path } from '../../src/core/path.js';
import * as z from '../../src/core/reader.js';
import type { RequestSpec } from '../../src/core/spec.js';
import { Transport, type TransportConfig } from '../../src/core/transport.js';
import { ERROR_CAUSES } from '../../src/resources/domain-errors.js';

/** The token every harness transport sends unless told otherwise. */
export const TOKEN = 'tok_harness_6f1c2d9e8b7a';

/** One call the SDK made to the user's logger. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A transport wired for tests, with everything it did recorded. */
export interface Harness {
  transport: Transport;
  /** Backoff waits the transport asked for, in order. */
  delays: number[];
  /** Every attempt as handed to the sender (the client side, so it counts refused connections too). */
  attempts: SendRequest[];
  /** Every event the logger received. */
  lines: LogLine[];
  secrets: Set<string>;
  /** `Idempotency-Key` of every attempt. */
  keys(): Array<string | undefined>;
}

/** Options of {@link makeTransport}: any transport setting, plus the log level. */
export type HarnessOptions = Partial<TransportConfig> & {
  baseUrl: string;
  sender: Sender;
  logLevel?: LogLevel;
};

/** A transport with instant, recorded backoff, `random() = 0.5`, a capturing debug logger. */
export function makeTransport(options: HarnessOptions): Harness {
  const { logLevel = 'debug', sender, ...rest } = options;
  const delays: number[] = [];
  const attempts: SendRequest[] = [];
  const lines: LogLine[] = [];
  const secrets = new Set<string>();
  const capture =
    (level: LogLine['level']) =>
    (...args: unknown[]): void => {
      lines.push({ level, fields: args[0] as Record<string, unknown>, message: String(args[1]) });
    };
  const logger: Logger = {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const transport = new Transport({
    token: TOKEN,
    timeoutMs: 5_000,
    maxRetries: 2,
    maxResponseBytes: 64 * 1024,
    headers: {},
    userAgent: 'bfinance-cards-test',
    retryUnknownOutcomes: false,
    log: createLogSink(logger, logLevel, () => secrets),
    audit: new AuditTrail(undefined, () => secrets),
    errors: new ErrorFactory(secrets, false, ERROR_CAUSES),
    secrets,
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...rest,
    sender: async (req) => {
      attempts.push(req);
      return sender(req);
    },
  });
  return {
    transport,
    delays,
    attempts,
    lines,
    secrets,
    keys: () => attempts.map((a) => a.headers['idempotency-key']),
  };
}

/** The data every successful harness call returns. */
export const item = z.object({ id: z.string(), balance: z.number() });
export type Item = z.Infer<typeof item>;

/** A well-formed success for {@link item}. */
export const OK = { status: 200, body: { status: 'success', data: { id: 'card_1', balance: 10 } } } as const;

/** A spec without `converge`, so tests can spread it into a spec of another result type. */
export type BaseSpec = Omit<RequestSpec<Item>, 'converge'>;

/** A `read` call: GET /cards/:id. */

export function readSpec(id = 'card_1'): BaseSpec {
  return {
    operation: 'cards.retrieve',
    method: 'GET',
    path: path`/cards/${id}`,
    schema: item,
    retry: 'safe-to-repeat',
  };
}

/** A `state` call: POST /cards/:id/freeze. */
export function stateSpec(id = 'card_1'): BaseSpec {
  return {
    operation: 'status.freeze',
    method: 'POST',
    path: path`/cards/${id}/freeze`,
    schema: item,
    retry: 'converges',
  };
}

/** A `create` call (a money movement): POST /cards/:id/topup. */
export function createSpec(id = 'card_1'): BaseSpec {
  return {
    operation: 'funds.topUp',
    method: 'POST',
    path: path`/cards/${id}/topup`,
    body: { amount: 10 },
    schema: item,
    retry: 'must-not-repeat',
  };
}

/** The rejection of `promise`; fails the test when it resolves. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** UUID v4 as `crypto.randomUUID()` makes them. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
