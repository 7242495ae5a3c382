import { fail, SandboxApiError } from './errors.js';
import { fieldTypeMessage, SANDBOX_MESSAGES, type SandboxMessageKey } from './messages.js';
import type { SandboxStore } from './state.js';

/** What a route handler sees of a request. */
export interface RouteContext {
  readonly store: SandboxStore;
  readonly quirks: boolean;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  /** A path parameter by name (`:id` → `param('id')`), percent-decoded. */
  param(name: string): string;
}

/** A JSON answer before serialization. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

/** The JSON type of a body field, as the API takes it (amounts are numbers). */
export type BodyFieldType = 'string' | 'number' | 'object' | 'array';

/** One entry of the routing table. */
export interface Route {
  method: string;
  /** Pattern relative to the API base, `:name` marks a parameter segment. */
  path: string;
  handler: (ctx: RouteContext) => RouteAnswer;
  /**
   * The body fields the route reads, with their JSON types: the router refuses another type before
   * the handler runs, and `--help` and the README list them, so the two cannot disagree.
   */
  fields?: Readonly<Record<string, BodyFieldType>>;
  /**
   * bfinance processes this request once per `Idempotency-Key` (card top-up and withdraw, the
   * only ones it documents: docs.bfinance.app/api-integration/en/idempotency-key).
   */
  deduplicated?: true;
  /** Serves the route only when this returns true for the sandbox's `quirks` setting. */
  when?: (quirks: boolean) => boolean;
}

const HAS_TYPE: Readonly<Record<BodyFieldType, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  array: (value) => Array.isArray(value),
};

/**
 * Refuses a body whose declared field holds another JSON type. `null` passes as absent, so the
 * handler's own "required" or "invalid" refusal answers it as before.
 *
 * @throws {SandboxApiError} 400 naming the field and the expected type.
 */
export function checkFields(route: Route, body: Record<string, unknown>): void {
  for (const [field, type] of Object.entries(route.fields ?? {})) {
    const value = body[field];
    if (value !== undefined && value !== null && !HAS_TYPE[type](value))
      throw new SandboxApiError(400, fieldTypeMessage(field, type));
  }
}

/** `{ status: "success", data }`. */
export function data(value: unknown): RouteAnswer {
  return { status: 200, body: { status: 'success', data: value } };
}

/** `{ status: "success", message }`. */
export function message(key: SandboxMessageKey): RouteAnswer {
  return { status: 200, body: { status: 'success', message: SANDBOX_MESSAGES[key] } };
}

/** A bare JSON body, without the envelope (bfinance does this for budget-card details). */
export function raw(value: unknown): RouteAnswer {
  return { status: 200, body: value };
}

function positiveInt(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) fail(400, 'INVALID_PAGINATION');
  return Number(value);
}

/** `page` (default 1) and `limit` (default 10) from the query. */
export function pagination(query: URLSearchParams): { page: number; limit: number } {
  return { page: positiveInt(query.get('page'), 1), limit: positiveInt(query.get('limit'), 10) };
}

/** The items of one page. */
export function pageOf<T>(items: readonly T[], page: number, limit: number): T[] {
  return items.slice((page - 1) * limit, page * limit);
}

/** A list-valued query parameter: repeated keys and comma-separated values both work. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
