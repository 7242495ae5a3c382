import { fail, SandboxApiError } from './errors.js';
import type { FaultQueue, QueuedFault } from './faults.js';
import { fingerprint, IdempotencyCache } from './idempotency.js';
import { SANDBOX_MESSAGES, type SandboxMessageKey } from './messages.js';
import type { Route, RouteAnswer, RouteContext } from './route.js';
import type { SandboxHttpResponse, SandboxReply, SandboxRequest } from './router-types.js';
import { BUDGET_ROUTES } from './routes-budgets.js';
import { CARD_ROUTES } from './routes-cards.js';
import { CUSTOMER_ROUTES } from './routes-customers.js';
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
/** One byte over the SDK's default response cap of 5 MiB. */
const OVERSIZED_BYTES = 5 * 1024 * 1024 + 1;

/** A valid JSON success envelope of exactly `bytes` bytes (at least its 30-byte frame). */
function oversized(bytes: number): string {
  const head = '{"status":"success","data":"';
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
`;

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

// Static segments come before parameters in each table, so the first match is the right one.
const ROUTES: readonly CompiledRoute[] = [...CUSTOMER_ROUTES, ...CARD_ROUTES, ...BUDGET_ROUTES].map(compile);

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

  function run(apply: () => RouteAnswer): SandboxHttpResponse {
    try {
      const answer = apply();
      return json(answer.status, answer.body);
    } catch (error) {
      if (!(error instanceof SandboxApiError)) return refusal('INTERNAL_ERROR', 500);
      return errorAnswer(options.quirks && error.soft ? 200 : error.status, error.message);
    }
  }

  /** Authenticates, routes, de-duplicates and applies one request. Synchronous, so requests never interleave. */
  function apply(method: string, path: string, req: SandboxRequest): SandboxHttpResponse {
    if (header(req, 'authorization') !== `Bearer ${options.token}`) return refusal('UNAUTHORIZED', 401);
    let params: string[] | undefined;
    const found = routes.find(({ route, pattern }) => {
      const m = route.method === method ? pattern.exec(path) : null;
      if (m !== null) params = m.slice(1);
      return m !== null;
    });
    if (found === undefined || params === undefined) return refusal('ROUTE_NOT_FOUND', 404);
    let decoded: string[];
    try {
      decoded = params.map((p) => decodeURIComponent(p));
    } catch {
      return refusal('ROUTE_NOT_FOUND', 404);
    }
    const values = new Map(found.names.map((name, i) => [name, decoded[i] ?? '']));
    const key = header(req, 'idempotency-key');
    const dedupe = key !== undefined && options.honorIdempotencyKey && method !== 'GET';
    const print = dedupe ? fingerprint(method, path, req.bodyText) : '';
    if (dedupe) {
      const prior = idempotency.lookup(key, print);
      if (prior === 'mismatch') return refusal('IDEMPOTENCY_MISMATCH', 409);
      if (prior !== undefined)
        return { ...prior, headers: { ...prior.headers, 'idempotent-replayed': 'true' } };
    }
    const response = store.withIdempotencyKey(key, () =>
      run(() => {
        const ctx: RouteContext = {
          store,
          quirks: options.quirks,
          query: req.query,
          body: parseBody(method, req.bodyText),
          param: (name) => values.get(name) ?? '',
        };
        return found.route.handler(ctx);
      }),
    );
    if (dedupe) idempotency.save(key, print, response);
    return response;
  }

  function preApplyFault(fault: QueuedFault | undefined): SandboxReply | undefined {
    switch (fault?.kind) {
      case 'reset-before-apply':
        return { fault: 'reset' };
      case 'status-500':
        return refusal('INTERNAL_ERROR', 500);
      case 'status-502':
        return refusal('BAD_GATEWAY', 502);
      case 'status-503':
        return refusal(
          'SERVICE_UNAVAILABLE',
          503,
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        );
      case 'status-429':
        return refusal('TOO_MANY_REQUESTS', 429, { 'retry-after': fault.retryAfter ?? '1' });
      case 'html-page':
        return {
          status: fault.status ?? 502,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: HTML_PAGE,
        };
      case 'status-400':
        return refusal('BAD_REQUEST', 400);
      case 'status-408':
        return refusal('REQUEST_TIMEOUT', 408);
      case 'status-409':
        return refusal('REQUEST_IN_PROGRESS', 409);
      case 'status-504':
        return refusal('GATEWAY_TIMEOUT', 504);
      case 'error-envelope':
        return refusal('REQUEST_FAILED', 200);
      default:
        return undefined;
    }
  }

  function postApplyFault(fault: QueuedFault | undefined, response: SandboxHttpResponse): SandboxReply {
    switch (fault?.kind) {
      case 'reset-after-apply':
        return { fault: 'reset' };
      case 'hang-after-apply':
        return { fault: 'hang' };
      case 'malformed-json':
        return { status: 200, headers: { ...JSON_HEADERS }, body: '{"status":"success","data":' };
      case 'truncated-body':
        return { fault: 'truncate', ...response };
      case 'short-body':
        return { fault: 'short', ...response };
      case 'stall-body':
        return { fault: 'stall', ...response };
      case 'empty-body':
        return { status: 200, headers: { ...JSON_HEADERS }, body: '' };
      case 'wrong-content-type':
        return { ...response, headers: { ...response.headers, 'content-type': 'text/plain; charset=utf-8' } };
      case 'oversized-body':
        return { status: 200, headers: { ...JSON_HEADERS }, body: oversized(fault.bytes ?? OVERSIZED_BYTES) };
      default:
        return response;
    }
  }

  const handle: SandboxHandler = async (req) => {
    const method = req.method.toUpperCase();
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const fault = faults.take(method, path);
    const delay =
      options.latencyMs + (fault?.kind === 'latency' ? (fault.ms ?? DEFAULT_FAULT_LATENCY_MS) : 0);
    if (delay > 0) await sleep(delay, req.signal);
    // A client that gave up during the delay never reached the application.
    if (req.signal?.aborted) return { fault: 'reset' };
    const early = preApplyFault(fault);
    if (early !== undefined) return early;
    return postApplyFault(fault, apply(method, path, req));
  };
  return { handle, refuse: refusal };
}
