import { SANDBOX_MESSAGES, type SandboxMessageKey } from './messages.js';

/** A refusal by the sandbox's rules, answered with the API's error envelope. */
export class SandboxApiError extends Error {
  /** HTTP status the refusal is answered with. */
  readonly status: number;
  /**
   * bfinance answers this refusal with HTTP 200 and `status: "error"` when quirks are on (state
   * transitions and PIN rules do this on the real API).
   */
  readonly soft: boolean;

  constructor(status: number, message: string, options: RefusalOptions = {}) {
    super(message);
    this.name = 'SandboxApiError';
    this.status = status;
    this.soft = options.soft ?? false;
  }
}

/** How a refusal is answered. */
export interface RefusalOptions {
  /** Answered with HTTP 200 and `status: "error"` when quirks are on; see {@link SandboxApiError.soft}. */
  soft?: boolean;
}

/** Throws the refusal named by `key` with `status`. */
export function fail(status: number, key: SandboxMessageKey, options: RefusalOptions = {}): never {
  throw new SandboxApiError(status, SANDBOX_MESSAGES[key], options);
}

/** Converts a major-unit amount to integer cents, or undefined when it is not a finite number. */
function toCents(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.round(value * 100);
}

/** True when the number has more than 2 decimals (binary noise such as 1.1 * 100 is tolerated). */
function hasExtraDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) > 1e-6;
}

/** Parses a positive money amount (`amount` fields) into cents. */
export function parseAmount(value: unknown): number {
  const cents = toCents(value);
  if (cents === undefined || (value as number) <= 0) fail(400, 'AMOUNT_INVALID');
  if (hasExtraDecimals(value as number)) fail(400, 'AMOUNT_DECIMALS');
  return cents;
}

/** Parses a required non-negative `initialBalance` into cents. */
export function parseInitialBalance(value: unknown): number {
  if (value === undefined || value === null) fail(400, 'INITIAL_BALANCE_REQUIRED');
  const cents = toCents(value);
  if (cents === undefined || (value as number) < 0 || hasExtraDecimals(value as number)) {
    fail(400, 'INITIAL_BALANCE_INVALID');
  }
  return cents;
}

/** Integer cents back to a JSON major-unit number. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** A trimmed non-empty string field, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
