import { API_ROUTES } from './api-routes.js';
import { fail, SandboxApiError } from './errors.js';
import { FAULT_TABLE, type FaultContext } from './fault-table.js';
import type { FaultQueue, QueuedFault } from './faults.js';
import { fingerprint, IdempotencyCache } from './idempotency.js';
import { routeNotFoundMessage, SANDBOX_MESSAGES, type SandboxMessageKey } from './messages.js';
import { checkFields, type Route, type RouteAnswer, type RouteContext } from './route.js';
import { closestRoutes } from './route-suggest.js';
import type { SandboxHttpResponse, SandboxReply, SandboxRequest } from './router-types.js';
import type { SandboxStore } from './state.js';

/** Settings the router needs besides the state. */
export interface RouterOptions {
  token: string;
  quirks: boolean;
  honorIdempotencyKey: boolean;
  latencyMs: number;
}

/** The sandbox's request handler: `(request) => reply`, shared by every adapter. */
export type SandboxHandler = (req: SandboxRequest) => Promise<SandboxReply>;

/** What an adapter drives: the handler, plus the answer for paths outside the API prefix. */
export interface SandboxRouter {
  handle: SandboxHandler;
  /** An error envelope answered by the adapter itself (path outside the API base, oversized body). */
  refuse(key: SandboxMessageKey, status: number): SandboxHttpResponse;
}

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
});
const MAX_BODY_CHARS = 1_000_000;
const DEFAULT_FAULT_LATENCY_MS = 200;
/** Stands in for the application's answer where a fault answers before the request is applied. */
const NO_RESPONSE: SandboxHttpResponse = Object.freeze({ status: 0, headers: {}, body: '' });

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const ROUTES: readonly CompiledRoute[] = API_ROUTES.map(compile);

function header(req: SandboxRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(req.headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): SandboxHttpResponse {
  return { status, headers: { ...JSON_HEADERS, ...extra }, body: JSON.stringify(body) };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function parseBody(method: string, bodyText: string): Record<string, unknown> {
  if (method === 'GET' || method === 'HEAD' || bodyText.trim() === '') return {};
  if (bodyText.length > MAX_BODY_CHARS) throw new SandboxApiError(413, SANDBOX_MESSAGES.BODY_TOO_LARGE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return fail(400, 'INVALID_JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) fail(400, 'BODY_NOT_OBJECT');
  return parsed as Record<string, unknown>;
}

/** Builds the router over one state machine and one fault queue. */
export function createRouter(store: SandboxStore, faults: FaultQueue, options: RouterOptions): SandboxRouter {
  const idempotency = new IdempotencyCache();
  const routes = ROUTES.filter(({ route }) => route.when?.(options.quirks) ?? true);
  const served = routes.map(({ route }) => route);

  const errorAnswer = (
    status: number,
    text: string,
    extra: Record<string, string> = {},
  ): SandboxHttpResponse =>
    json(status, { status: 'error', message: text, errorId: store.random.errorId() }, extra);
  const refusal = (
    key: SandboxMessageKey,
    status: number,
    extra?: Record<string, string>,
  ): SandboxHttpResponse => errorAnswer(status, SANDBOX_MESSAGES[key], extra);

  /** The route's answer, and whether it applied (a refusal changes nothing). */
  function run(apply: () => RouteAnswer): { response: SandboxHttpResponse; applied: boolean } {
    try {
      const answer = apply();
      return { response: json(answer.status, answer.body), applied: true };
    } catch (error) {
      if (!(error instanceof SandboxApiError))
        return { response: refusal('INTERNAL_ERROR', 500), applied: false };
      const status = options.quirks && error.soft ? 200 : error.status;
      return { response: errorAnswer(status, error.message), applied: false };
    }
  }

  /**
   * Authenticates, routes, de-duplicates and applies one request. Synchronous, so requests never
   * interleave. `honorKey: false` ignores the `Idempotency-Key` (a server that does not de-duplicate).
   */
  function apply(method: string, path: string, req: SandboxRequest, honorKey: boolean): SandboxHttpResponse {
    if (header(req, 'authorization') !== `Bearer ${options.token}`) return refusal('UNAUTHORIZED', 401);
    let params: string[] | undefined;
    const found = routes.find(({ route, pattern }) => {
      const m = route.method === method ? pattern.exec(path) : null;
      if (m !== null) params = m.slice(1);
      return m !== null;
    });
    if (found === undefined || params === undefined) {
      const closest = closestRoutes(method, path, served).map((r) => `${r.method} ${r.path}`);
      return errorAnswer(404, routeNotFoundMessage(closest));
    }
    let decoded: string[];
    try {
      decoded = params.map((p) => decodeURIComponent(p));
    } catch {
      return refusal('ROUTE_NOT_FOUND', 404);
    }
    const values = new Map(found.names.map((name, i) => [name, decoded[i] ?? '']));
    const key = header(req, 'idempotency-key');
    const dedupe = key !== undefined && honorKey && found.route.deduplicated === true;
    const print = dedupe ? fingerprint(method, path, req.bodyText) : '';
    if (dedupe) {
      const prior = idempotency.lookup(key, print);
      if (prior === 'mismatch') return refusal('IDEMPOTENCY_MISMATCH', 409);
      if (prior !== undefined)
        return { ...prior, headers: { ...prior.headers, 'idempotent-replayed': 'true' } };
    }
    const { response, applied } = store.withIdempotencyKey(key, () =>
      run(() => {
        const body = parseBody(method, req.bodyText);
        checkFields(found.route, body);
        const ctx: RouteContext = {
          store,
          quirks: options.quirks,
          query: req.query,
          body,
          param: (name) => values.get(name) ?? '',
        };
        return found.route.handler(ctx);
      }),
    );
    // Like other APIs, a request refused before it was applied stores no key [INF].
    if (dedupe && applied) idempotency.save(key, print, response);
    return response;
  }

  function faultContext(fault: QueuedFault): FaultContext {
    return { refuse: refusal, retryAfter: fault.retryAfter, status: fault.status, bytes: fault.bytes };
  }

  const handle: SandboxHandler = async (req) => {
    const method = req.method.toUpperCase();
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const fault = faults.take(method, path);
    const row = fault === undefined ? undefined : FAULT_TABLE[fault.kind];
    const delay = options.latencyMs + (row?.stage === 'delay' ? (fault?.ms ?? DEFAULT_FAULT_LATENCY_MS) : 0);
    if (delay > 0) await sleep(delay, req.signal);
    // A client that gave up during the delay never reached the application.
    if (req.signal?.aborted) return { fault: 'reset' };
    if (fault !== undefined && row?.stage === 'before') return row.reply(faultContext(fault), NO_RESPONSE);
    const honorKey = options.honorIdempotencyKey && row?.stage !== 'ignore-key';
    const response = apply(method, path, req, honorKey);
    if (fault !== undefined && row?.stage === 'after') return row.reply(faultContext(fault), response);
    return response;
  };
  return { handle, refuse: refusal };
}
