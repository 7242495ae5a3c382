import type { SandboxFaultKind } from './fault-table.js';
import type { SandboxCardModel } from './types.js';

/** Narrows a fault to some requests; every given field must match. */
export interface SandboxFaultMatch {
  /** HTTP method, compared case-insensitively. */
  method?: string;
  /** Path relative to the API base (`/cards/abc/topup`, no query): exact string, or a RegExp tested on it. */
  path?: string | RegExp;
}

/** Options of one queued fault. */
export interface SandboxFaultOptions {
  /** How many matching requests the fault hits before it is used up; defaults to 1. */
  times?: number;
  /** Which requests the fault hits; all requests when omitted. */
  match?: SandboxFaultMatch;
  /** Delay for `latency`, in milliseconds; defaults to 200. */
  ms?: number;
  /** `Retry-After` header value for `status-429` (and `status-503` when given); defaults to `1` for 429. */
  retryAfter?: string;
  /** HTTP status of the `html-page` answer; defaults to 502 (a proxy's error page). */
  status?: number;
  /** Body size of `oversized-body`, in bytes; defaults to 5 MiB + 1. */
  bytes?: number;
}

/** One fault of the `faults` option: a kind plus its {@link SandboxFaultOptions}. */
export interface SandboxFaultSpec extends SandboxFaultOptions {
  /** What goes wrong. */
  kind: SandboxFaultKind;
}

/** A card program the sandbox offers (GET /cards/types lists the active ones). */
export interface SandboxCardTypeInit {
  /** Program id (`typeId`); generated when omitted. */
  id?: string;
  /** Display name. */
  name: string;
  /** Card currency, ISO 4217 upper case. */
  cardCurrency: string;
  /** Issuance price as the API shows it (a string); informational only, never charged. */
  price?: string;
  /** Card brand; defaults to `visa`. */
  brand?: string;
  /** Which issue endpoint the program belongs to. */
  model: SandboxCardModel;
  /** Inactive programs are not listed and cannot issue; defaults to true. */
  active?: boolean;
  /** Refuses name-only issuance: a `customerId` of a verified customer with granted cards access is needed. */
  requiresCustomer?: boolean;
}

/** A budget to seed the sandbox with. */
export interface SandboxBudgetInit {
  /** Budget id; generated when omitted. */
  id?: string;
  /** Display name. */
  name?: string;
  /** Initial balance in major units (USD). */
  balance: number;
  /** The budget program this budget is bound to; defaults to the first active budget program. */
  typeId?: string;
}

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** Makes ids, PANs, CVCs and activation codes deterministic. */
  seed?: number | string;
  /** Bearer token the sandbox accepts; defaults to `SANDBOX_TOKEN` (`sandbox_test_token`). */
  token?: string;
  /** Starting organization balance per currency in major units; defaults to 100,000 USD and 100,000 EUR. */
  organizationBalance?: {
    /** USD balance in major units. */
    usd?: number;
    /** EUR balance in major units. */
    eur?: number;
  };
  /** Replaces the default card programs. */
  cardTypes?: readonly SandboxCardTypeInit[];
  /** Replaces the default budget (one budget of 50,000 USD bound to the budget program). */
  budgets?: readonly SandboxBudgetInit[];
  /**
   * Follows bfinance's documented `Idempotency-Key` contract (defaults to true): a card top-up or
   * withdrawal repeated with the same key and body is applied once (the first success is replayed);
   * the same key with a different request is refused with 409; a refused request stores no key.
   * Other calls are not de-duplicated, as bfinance documents none for them. False ignores keys.
   */
  honorIdempotencyKey?: boolean;
  /** Delay added to every request, in milliseconds. */
  latencyMs?: number;
  /** Faults queued from the start. */
  faults?: readonly SandboxFaultSpec[];
  /** Reproduces bfinance's wire quirks (misspelled keys, unwrapped bodies, 200 errors…); defaults to true. */
  quirks?: boolean;
  /**
   * API base that `sandbox.fetch` answers and the msw handlers intercept; defaults to
   * `SANDBOX_BASE_URL` (`https://api.bfinance-cards.test/external/api`, a reserved test host that
   * never resolves). The HTTP server always serves under `/external/api`.
   */
  baseUrl?: string;
  /**
   * bfinance decides in the cardholder's favour by itself: a new customer reads as `active` from
   * its first read after creation (so `waitUntilVerified` resolves) and access requests are granted
   * as they are made. Defaults to false (decisions come from the controls).
   */
  autoVerify?: boolean;
  /**
   * Enforces the API reference page's stricter reading of `POST /cards/issue`: `externalId`,
   * `firstName` and `lastName` required (even with a `customerId`) and `initialBalance` an integer.
   * Defaults to false: the integration guide's rule (names or a `customerId`, 2 decimals).
   */
  strictIssuance?: boolean;
}
