import { redactValue } from './redact.js';

/** Any logger with the four usual methods: `console`, pino, winston and the like all fit. */
export interface Logger {
  /** Receives `debug` events (each call, its retries and timings). */
  debug(...args: unknown[]): void;
  /** Receives `info` events. */
  info(...args: unknown[]): void;
  /** Receives `warn` events (a retry, a slow or refused call). */
  warn(...args: unknown[]): void;
  /** Receives `error` events (a call that failed for good). */
  error(...args: unknown[]): void;
}

/** How much the SDK logs; `off` (the default) logs nothing. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Structured fields of one log event; never bodies, headers or raw ids. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** The SDK's log sink: filters by level and redacts every event before the user's logger sees it. */
export interface LogSink {
  /** True when events at `level` reach the logger, so callers can skip building them. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
  /** Sends one event; fields pass through redaction first. */
  log(level: Exclude<LogLevel, 'off'>, message: string, fields: LogFields): void;
}

/** Builds the sink for a client. `secrets` returns the token values to mask. */
export function createLogSink(
  logger: Logger | undefined,
  level: LogLevel,
  secrets: () => Iterable<string>,
): LogSink {
  const threshold = logger ? RANK[level] : 0;
  return {
    enabled: (at) => RANK[at] <= threshold,
    log(at, message, fields) {
      if (!logger || RANK[at] > threshold) return;
      const safe = redactValue({ ...fields, message }, secrets()) as Record<string, unknown>;
      const text = safe.message as string;
      delete safe.message;
      // (fields, message) suits pino's signature and prints plainly through console.
      logger[at](safe, `bfinance-cards: ${text}`);
    },
  };
}
