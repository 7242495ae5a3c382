import { SandboxApiError } from './errors.js';
import { isFaultKind } from './fault-table.js';
import { routeNotFoundMessage } from './messages.js';
import type { SandboxFaultOptions } from './options.js';
import { closestRoutes } from './route-suggest.js';
import {
  CONTROL_PREFIX,
  type SandboxControlHandler,
  type SandboxHttpResponse,
  type SandboxRequest,
} from './router-types.js';
import type { SandboxCore } from './sandbox-api.js';
import type { SandboxCustomerStatus, SandboxTransactionInit } from './types.js';

type Body = Record<string, unknown>;

/** One control route: what bfinance or a cardholder does, served at `/__sandbox` + `path`. */
export interface ControlRoute {
  /** The HTTP method the route answers. */
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Relative to `/__sandbox`; `:id` marks the id segment. */
  readonly path: string;
  /** One line for `--help` and the README. */
  readonly summary: string;
  /** Carries the route out on the sandbox's state; returns the `data` of the answer. */
  readonly run: (core: SandboxCore, id: string, body: Record<string, unknown>) => unknown;
}

class BadControlRequest extends Error {}

const CUSTOMER_STATUSES: readonly string[] = ['pending', 'active', 'rejected', 'needs_information'];

function strings(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new BadControlRequest(`${field} must be an array of strings`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadControlRequest(`${field} must be a string`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new BadControlRequest(`${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function customer(core: SandboxCore, id: string): unknown {
  return core.state().customers.find((c) => c.id === id);
}

function faultOptions(body: Body): SandboxFaultOptions {
  const match = body.match as Body | undefined;
  if (match !== undefined && (typeof match !== 'object' || match === null))
    throw new BadControlRequest('match must be an object');
  const numberField = (name: string): number | undefined => {
    const value = body[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'number') throw new BadControlRequest(`${name} must be a number`);
    return value;
  };
  const method = optionalString(match?.method, 'match.method');
  const path = optionalString(match?.path, 'match.path');
  const retryAfter = optionalString(body.retryAfter, 'retryAfter');
  const fields = {
    times: numberField('times'),
    ms: numberField('ms'),
    status: numberField('status'),
    bytes: numberField('bytes'),
  };
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(method !== undefined || path !== undefined
      ? { match: { ...(method !== undefined ? { method } : {}), ...(path !== undefined ? { path } : {}) } }
      : {}),
  };
}

/** The control routes, in the order `--help` lists them. */
export const CONTROL_ROUTES: readonly ControlRoute[] = [
  {
    method: 'POST',
    path: '/customers/:id/verify',
    summary:
      'decide verification: {"status":"active"|"rejected"|"needs_information"|"pending","reasons":[…]}',
    run: (core, id, body) => {
      const status = oneOf(body.status, CUSTOMER_STATUSES, 'active', 'status') as SandboxCustomerStatus;
      core.customers.setStatus(id, status, strings(body.reasons, 'reasons') ?? []);
      return customer(core, id);
    },
  },
  {
    method: 'POST',
    path: '/customers/:id/access',
    summary:
      'decide product access: {"status":"granted"|"rejected","type":"cards","cardType":"…","reasons":[…]}',
    run: (core, id, body) => {
      const status = oneOf(body.status, ['granted', 'rejected'], 'granted', 'status');
      const type = oneOf(body.type, ['cards', 'virtual-account'], 'cards', 'type');
      const cardType = optionalString(body.cardType, 'cardType');
      if (status === 'granted') core.access.grant(id, type, cardType);
      else core.access.reject(id, type, strings(body.reasons, 'reasons'), cardType);
      return customer(core, id);
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/transactions',
    summary: 'a merchant charge (or refund) that moves the balance: {"amount":30,"merchant":"Hotel"}',
    run: (core, id, body) => core.transactions.add(id, body as unknown as SandboxTransactionInit),
  },
  {
    method: 'POST',
    path: '/cards/:id/block',
    summary: 'block the card, as the issuer does after fraud',
    run: (core, id) => {
      core.cards.block(id);
      return core.state().cards.find((c) => c.id === id);
    },
  },
  {
    method: 'POST',
    path: '/cards/:id/expire',
    summary: 'expire the card',
    run: (core, id) => {
      core.cards.expire(id);
      return core.state().cards.find((c) => c.id === id);
    },
  },
  {
    method: 'POST',
    path: '/disputes/:id/resolve',
    summary: 'the reviewer\'s decision: {"status":"accepted"|"rejected"|"closed","response":"…"}',
    run: (core, id, body) => {
      const status = oneOf(body.status, ['accepted', 'rejected', 'closed'], 'accepted', 'status');
      core.disputes.resolve(id, status, optionalString(body.response, 'response'));
      return core.state().disputes.find((d) => d.id === id);
    },
  },
  {
    method: 'POST',
    path: '/faults',
    summary:
      'queue a fault: {"kind":"status-503","times":2,"match":{"method":"POST","path":"/cards/ID/topup"}}',
    run: (core, _id, body) => {
      if (!isFaultKind(body.kind)) throw new BadControlRequest('kind must be a sandbox fault kind');
      core.faults.next(body.kind, faultOptions(body));
      return { pending: core.faults.pending() };
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    summary: 'drop every queued fault',
    run: (core) => {
      core.faults.clear();
      return { pending: 0 };
    },
  },
  {
    method: 'POST',
    path: '/webhooks',
    summary:
      'send webhooks to a URL, best effort: {"url":"http://127.0.0.1:3000/hook","drop":0.3,"duplicate":0.2,"delayMs":50}',
    run: (core, _id, body) => {
      const url = optionalString(body.url, 'url');
      if (url === undefined) throw new BadControlRequest('url is required');
      const faults = Object.fromEntries(
        ['drop', 'duplicate', 'delayMs'].filter((k) => body[k] !== undefined).map((k) => [k, body[k]]),
      );
      core.webhooks.subscribe(url, faults);
      return { url };
    },
  },
  {
    method: 'DELETE',
    path: '/webhooks',
    summary: 'stop sending webhooks',
    run: (core) => {
      core.webhooks.clear();
      return {};
    },
  },
  {
    method: 'GET',
    path: '/requests',
    summary: 'the request log: method, path, status, idempotency key, time (never bodies)',
    run: (core) => ({ requests: core.requests() }),
  },
  {
    method: 'GET',
    path: '/state',
    summary: 'the whole state without card secrets, plus the program and budget ids',
    run: (core) => ({ ...core.state(), cardTypeIds: core.cardTypeIds, budgetIds: core.budgetIds }),
  },
  {
    method: 'POST',
    path: '/reset',
    summary: 'back to the start: state, idempotency cache, faults and request log',
    run: (core) => {
      core.reset();
      return {};
    },
  },
];

function json(status: number, body: unknown): SandboxHttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

const failure = (status: number, message: string): SandboxHttpResponse =>
  json(status, { status: 'error', message });

function find(method: string, path: string): { route: ControlRoute; id: string } | undefined {
  const segments = path.split('/');
  for (const route of CONTROL_ROUTES) {
    const pattern = route.path.split('/');
    if (route.method !== method || pattern.length !== segments.length) continue;
    let id = '';
    const ok = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part !== ':id') return part === segment;
      id = segment;
      return segment !== '';
    });
    if (ok) return { route, id };
  }
  return undefined;
}

function parse(bodyText: string): Body {
  if (bodyText.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    throw new BadControlRequest('Request body must be valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new BadControlRequest('Request body must be a JSON object');
  return parsed as Body;
}

/** The control routes over one sandbox; they take the same bearer token as the API. */
export function createControlHandler(core: SandboxCore): SandboxControlHandler {
  return (req: SandboxRequest) => {
    const auth = Object.entries(req.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    if (auth !== `Bearer ${core.token}`) return failure(401, 'Unauthorized');
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const method = req.method.toUpperCase();
    const found = find(method, path);
    if (found === undefined) {
      const closest = closestRoutes(method, path, CONTROL_ROUTES).map(
        (r) => `${r.method} ${CONTROL_PREFIX}${r.path}`,
      );
      return failure(404, routeNotFoundMessage(closest, 'Control route not found'));
    }
    try {
      const id = decodeURIComponent(found.id);
      return json(200, { status: 'success', data: found.route.run(core, id, parse(req.bodyText)) ?? null });
    } catch (error) {
      if (error instanceof SandboxApiError) return failure(error.status, error.message);
      if (error instanceof BadControlRequest || error instanceof RangeError || error instanceof URIError)
        return failure(400, error.message);
      return failure(500, 'Internal server error');
    }
  };
}
