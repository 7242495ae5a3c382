import type { SandboxMessageKey } from './messages.js';
import type { SandboxHttpResponse, SandboxReply } from './router-types.js';

/** What a fault's answer is built from. */
export interface FaultContext {
  /** The API's error envelope for `key`, with `status` and extra headers. */
  refuse(key: SandboxMessageKey, status: number, headers?: Record<string, string>): SandboxHttpResponse;
  /** `Retry-After` given with the fault. */
  readonly retryAfter: string | undefined;
  /** HTTP status given with the fault (`html-page`). */
  readonly status: number | undefined;
  /** Body size given with the fault (`oversized-body`). */
  readonly bytes: number | undefined;
}

/**
 * When a fault strikes: `delay` waits before the request is handled; `before` answers instead of the
 * application (nothing changes); `after` spoils the answer of a request that was applied;
 * `ignore-key` applies the request as a server that ignores `Idempotency-Key` would.
 */
export type FaultStage = 'delay' | 'before' | 'after' | 'ignore-key';

/** One row of the fault table. */
export interface FaultDefinition {
  readonly stage: FaultStage;
  /** The answer; `response` is the application's own answer (`after` faults only). */
  readonly reply: (ctx: FaultContext, response: SandboxHttpResponse) => SandboxReply;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** One byte over the SDK's default response cap of 5 MiB. */
const OVERSIZED_BYTES = 5 * 1024 * 1024 + 1;

const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
`;

/** A valid JSON success envelope of exactly `bytes` bytes (at least its 30-byte frame). */
function oversized(bytes: number): string {
  const head = '{"status":"success","data":"';
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

const before = (reply: (ctx: FaultContext) => SandboxReply): FaultDefinition => ({ stage: 'before', reply });
const after = (
  reply: (ctx: FaultContext, response: SandboxHttpResponse) => SandboxReply,
): FaultDefinition => ({
  stage: 'after',
  reply,
});
const refusal = (key: SandboxMessageKey, status: number): FaultDefinition =>
  before((ctx) => ctx.refuse(key, status));
const jsonBody = (body: string): SandboxHttpResponse => ({
  status: 200,
  headers: { 'content-type': JSON_TYPE },
  body,
});

/**
 * Every fault the sandbox can inject, and what it does: the fault kind type, the set of valid kinds
 * and the router's behaviour all come from this one table.
 */
export const FAULT_TABLE = Object.freeze({
  latency: { stage: 'delay', reply: (_ctx, response) => response },
  'ignore-idempotency-key': { stage: 'ignore-key', reply: (_ctx, response) => response },
  'reset-before-apply': before(() => ({ fault: 'reset' })),
  'status-400': refusal('BAD_REQUEST', 400),
  'status-408': refusal('REQUEST_TIMEOUT', 408),
  'status-409': refusal('REQUEST_IN_PROGRESS', 409),
  'status-429': before((ctx) =>
    ctx.refuse('TOO_MANY_REQUESTS', 429, { 'retry-after': ctx.retryAfter ?? '1' }),
  ),
  'status-500': refusal('INTERNAL_ERROR', 500),
  'status-502': refusal('BAD_GATEWAY', 502),
  'status-503': before((ctx) =>
    ctx.refuse('SERVICE_UNAVAILABLE', 503, ctx.retryAfter ? { 'retry-after': ctx.retryAfter } : {}),
  ),
  'status-504': refusal('GATEWAY_TIMEOUT', 504),
  'html-page': before((ctx) => ({
    status: ctx.status ?? 502,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: HTML_PAGE,
  })),
  'error-envelope': refusal('REQUEST_FAILED', 200),
  'reset-after-apply': after(() => ({ fault: 'reset' })),
  'hang-after-apply': after(() => ({ fault: 'hang' })),
  'malformed-json': after(() => jsonBody('{"status":"success","data":')),
  'truncated-body': after((_ctx, response) => ({ fault: 'truncate', ...response })),
  'short-body': after((_ctx, response) => ({ fault: 'short', ...response })),
  'stall-body': after((_ctx, response) => ({ fault: 'stall', ...response })),
  'empty-body': after(() => jsonBody('')),
  'wrong-content-type': after((_ctx, response) => ({
    ...response,
    headers: { ...response.headers, 'content-type': 'text/plain; charset=utf-8' },
  })),
  'oversized-body': after((ctx) => jsonBody(oversized(ctx.bytes ?? OVERSIZED_BYTES))),
} satisfies Record<string, FaultDefinition>);

/**
 * Every fault the sandbox can inject; see `SandboxFaultSpec`.
 *
 * Before the request is applied (nothing changes): `reset-before-apply`, `status-400`, `-408`,
 * `-409`, `-429`, `-500`, `-502`, `-503`, `-504`, `html-page` and `error-envelope` (HTTP 200 with
 * `status: "error"`). After it is applied (the change stays): `reset-after-apply`,
 * `hang-after-apply`, `stall-body` (headers and half the body, then nothing), `truncated-body`
 * (half the body, then a reset), `short-body` (half the body, then a clean close), `malformed-json`,
 * `empty-body`, `wrong-content-type` (the real body as `text/plain`) and `oversized-body`.
 * `latency` delays the request (`ms`) and changes nothing else; `ignore-idempotency-key` applies
 * the request even when its key was seen before (a server or proxy that ignores the header).
 */
export type SandboxFaultKind = keyof typeof FAULT_TABLE;

/** Every fault kind, in table order. */
export const SANDBOX_FAULT_KINDS: readonly SandboxFaultKind[] = Object.freeze(
  Object.keys(FAULT_TABLE) as SandboxFaultKind[],
);

/** True for a known fault kind (e.g. one read from JSON). */
export function isFaultKind(value: unknown): value is SandboxFaultKind {
  return typeof value === 'string' && Object.hasOwn(FAULT_TABLE, value);
}
