import { callSafely, warnOnce } from './hooks/safe-call.js';
import { redactValue } from './redact/index.js';

/** Any logger with the four usual methods: `console`, pino, winston and the like all fit. */
export interface Logger {
  /** Receives `debug` events (each call, its retries and timings). */
  debug(...args: unknown[]): unknown;
  /** Receives `info` events (`settled`: how a call that issued, moved money or changed a card ended). */
  info(...args: unknown[]): unknown;
  /** Receives `warn` events (a retry, a response that drifted from the documented shape). */
  warn(...args: unknown[]): unknown;
  /** Receives `error` events (a call that failed for good). */
  error(...args: unknown[]): unknown;
}

/** How much the SDK logs; `off` logs nothing. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Every level, from `off` to `debug`. */
export const LOG_LEVELS = Object.keys(RANK) as readonly LogLevel[];

/**
 * Structured fields of one log event: operation, templated path, attempt, timings, status, the
 * ids bfinance issued for what the call acted on (card, customer, budget, dispute) and the request
 * id of a failure. Never bodies, headers, names, notes, `externalId` or card data.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** The SDK's log sink: filters by level and redacts every event before the user's logger sees it. */
export interface LogSink {
  /** True when events at `level` reach the logger, so callers can skip building them. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
  /** Sends one event; fields pass through redaction first. Never throws, never waits. */
  log(level: Exclude<LogLevel, 'off'>, message: string, fields: LogFields): void;
}

function oneLine(fields: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(
      `${key}=${typeof value === 'string' && /[\s"=]/.test(value) ? JSON.stringify(value) : String(value)}`,
    );
  }
  return parts.join(' ');
}

/**
 * Builds the sink for a client. `secrets` returns the token values to mask. The global `console`
 * gets one line per event (`bfinance-cards: retrying operation=… attempt=1`); any other logger
 * gets `(fields, message)`, the signature of pino and its kin.
 */
export function createLogSink(
  logger: Logger | undefined,
  level: LogLevel,
  secrets: () => Iterable<string>,
): LogSink {
  const threshold = logger ? RANK[level] : 0;
  const isConsole = logger !== undefined && logger === (globalThis as { console?: unknown }).console;
  const report = warnOnce('the logger');
  return {
    enabled: (at) => RANK[at] <= threshold,
    log(at, message, fields) {
      if (!logger || RANK[at] > threshold) return;
      callSafely(() => {
        const safe = redactValue({ ...fields, message }, secrets()) as Record<string, unknown>;
        const text = `bfinance-cards: ${safe.message as string}`;
        delete safe.message;
        // A field that does not apply to this call is left out, not shown as undefined.
        for (const key of Object.keys(safe)) if (safe[key] === undefined) delete safe[key];
        return isConsole ? logger[at](`${text} ${oneLine(safe)}`.trimEnd()) : logger[at](safe, text);
      }, report);
    },
  };
}
