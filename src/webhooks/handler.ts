import { ValidationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { readLimited } from './body.js';
import { inAny, parseRange, type Range } from './cidr.js';
import { parseEvent, type WebhookEvent } from './event.js';
import { sourceAddress } from './forwarded.js';
import { memoryEventStore, type WebhookEventStore } from './store.js';

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * Addresses and CIDR ranges (IPv4 and IPv6) deliveries may come from: the list bfinance's
   * account manager gives you. An empty list refuses everything.
   */
  allow: readonly string[];
  /**
   * Your own proxies (addresses or CIDR ranges), default none. Only when the socket peer is one
   * of them is `X-Forwarded-For` read, right to left, and its first untrusted entry is the source.
   */
  trustedProxies?: readonly string[];
  /** Largest body accepted, in bytes; default 256 KiB. */
  maxBodyBytes?: number;
  /**
   * Persists (or processes) the event. It is awaited before the 2xx answer; when it throws, the
   * answer is 500 and the event's id is released, so a redelivery is processed.
   */
  onEvent: (event: WebhookEvent) => unknown;
  /** De-duplication; default {@link memoryEventStore} (this process only). */
  store?: WebhookEventStore;
  /**
   * The de-duplication key of an event; default the SHA-256 of the exact body, since a payload's
   * own `id` may be a transaction's, shared by its pending and settled events.
   */
  eventId?: (event: WebhookEvent) => string | Promise<string>;
  /** Gets one line per refused or failed delivery (status and reason, never the body). */
  logger?: Logger;
}

/** Where a request came from, when the runtime knows it (Node's socket, Bun's `requestIP`…). */
export interface WebhookRequestContext {
  /** The socket peer's address. */
  remoteAddress?: string | undefined;
}

/** A fetch-style handler: Workers, Deno, Bun, Next.js route handlers, Hono. */
export type WebhookHandler = (request: Request, context?: WebhookRequestContext) => Promise<Response>;

const DEFAULT_MAX_BODY = 256 * 1024;

function ranges(list: unknown, field: string): Range[] {
  if (!Array.isArray(list))
    throw new ValidationError(`${field} must be an array of addresses or CIDR ranges.`, {
      field,
      rule: 'type',
      hint: `Pass ${field} as an array such as ['203.0.113.0/24', '2001:db8::1'].`,
    });
  return list.map((entry: unknown, i) => {
    const range = typeof entry === 'string' ? parseRange(entry) : undefined;
    if (range === undefined)
      throw new ValidationError(`${field}[${i}] is not an IPv4/IPv6 address or CIDR range.`, {
        field: `${field}[${i}]`,
        rule: 'format',
        hint: 'Write addresses as 203.0.113.9 or 2001:db8::1 and ranges as 203.0.113.0/24.',
      });
    return range;
  });
}

function answer(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status: text }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Builds a webhook receiver for bfinance's unsigned, best-effort deliveries. Answers: 403 for a
 * source not on the allowlist or unknown (before the body is read), 405 for a method other than
 * POST, 413 over `maxBodyBytes`, 400 for a body that is not a JSON object, 200 once `onEvent`
 * resolved, 200 without calling `onEvent` for a duplicate, 500 (no details) when `onEvent` threw.
 *
 * @throws {ValidationError} for a malformed `allow` or `trustedProxies` entry, a bad
 * `maxBodyBytes` or a missing `onEvent`.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const allow = ranges(options?.allow, 'allow');
  const trusted = ranges(options.trustedProxies ?? [], 'trustedProxies');
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (!Number.isSafeInteger(max) || max < 1)
    throw new ValidationError('maxBodyBytes must be a whole number of 1 or more.', {
      field: 'maxBodyBytes',
      rule: 'range',
      hint: 'Leave maxBodyBytes out for 256 KiB.',
    });
  if (typeof options.onEvent !== 'function')
    throw new ValidationError('onEvent must be a function.', {
      field: 'onEvent',
      rule: 'type',
      hint: 'Pass onEvent(event), which persists the event before the delivery is acknowledged.',
    });
  const store = options.store ?? memoryEventStore();
  const { onEvent, eventId, logger } = options;
  const refuse = (status: number, reason: string): Response => {
    logger?.warn(`bfinance-cards webhooks: ${status} ${reason}`);
    return answer(status, reason, status === 405 ? { allow: 'POST' } : {});
  };

  return async (request, context) => {
    const source = sourceAddress(context?.remoteAddress, request.headers.get('x-forwarded-for'), trusted);
    if (source === undefined || !inAny(source, allow)) return refuse(403, 'source not allowed');
    if (request.method.toUpperCase() !== 'POST') return refuse(405, 'method not allowed');
    const bytes = await readLimited(request, max);
    if (bytes === undefined) return refuse(413, 'body too large');
    const digest = await sha256Hex(bytes);
    const event = parseEvent(bytes, digest);
    if (event === undefined) return refuse(400, 'body is not a JSON object');
    let claimed: string | undefined;
    try {
      const key = eventId === undefined ? digest : await eventId(event);
      if (!(await store.claim(key))) return answer(200, 'duplicate');
      claimed = key;
      await onEvent(event);
      return answer(200, 'received');
    } catch (error) {
      // Only an id this delivery claimed is freed: another delivery may hold it.
      if (claimed !== undefined) await Promise.resolve(store.release(claimed)).catch(() => undefined);
      const name = error instanceof Error ? error.name : typeof error;
      logger?.error(`bfinance-cards webhooks: 500 the event was not processed (${name})`);
      return answer(500, 'error');
    }
  };
}
