import { isSecretKey, redact, Sensitive, type SensitiveKind } from '../core/redact/index.js';
import type { WebhookEventType } from './shapes.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const HIDDEN = '[webhook body]';

/**
 * The exact bytes of a delivery. Printing it in any way (`String`, `JSON.stringify`,
 * `util.inspect`, `console.log`) shows `[webhook body]`: a body may carry card data, so only
 * an explicit `text()` or `bytes()` reads it.
 */
export class RawWebhookBody {
  readonly #bytes: Uint8Array;

  /** Keeps `bytes` (not copied: the receiver hands over a buffer it no longer uses). */
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** A copy of the bytes as received. */
  bytes(): Uint8Array {
    return this.#bytes.slice();
  }

  /** The body as UTF-8 text. Never log it. */
  text(): string {
    return new TextDecoder().decode(this.#bytes);
  }

  /** `[webhook body]`. */
  toString(): string {
    return HIDDEN;
  }

  /** `[webhook body]`, so `JSON.stringify` never serialises the body. */
  toJSON(): string {
    return HIDDEN;
  }

  /** `[webhook body]` for `util.inspect` and `console.log`. */
  [INSPECT](): string {
    return HIDDEN;
  }
}

/** One delivery, read tolerantly: nothing but a JSON object is required. */
export interface WebhookEvent {
  /** The payload's own `id` (or `eventId`) when it has one, else the SHA-256 hex of the body. */
  id: string;
  /** The payload's `type` (or `event`, `eventType`); `unknown` when it has none. [INF] */
  type: WebhookEventType;
  /** The payload's `createdAt` (or `created_at`, `timestamp`) when it is a string. */
  createdAt?: string;
  /**
   * The payload's `data` object, or the whole payload when it has none; unknown fields kept. Card
   * data in it (values under keys such as `number`, `pan`, `cvc`, `expiry`, `pin`) is wrapped in
   * {@link Sensitive}, and card numbers inside other strings are masked.
   */
  data: Record<string, unknown>;
  /** Top-level fields other than `id`, `type`, `createdAt` and `data`, read like `data`. */
  extra: Record<string, unknown>;
  /** The exact bytes received, never printable. */
  raw: RawWebhookBody;
}

function kindOf(key: string): SensitiveKind {
  const name = key.toLowerCase();
  if (/cv|csc|security/.test(name)) return 'cvc';
  if (/exp/.test(name)) return 'expiry';
  if (/pin/.test(name)) return 'pin';
  if (/code|otp|password/.test(name)) return 'code';
  if (/number|pan/.test(name)) return 'pan';
  return 'token';
}

/** A copy with secrets wrapped in `Sensitive` and card numbers in other strings masked. */
function wrap(value: unknown, key: string | undefined, depth: number): unknown {
  if (key !== undefined && isSecretKey(key) && (typeof value === 'string' || typeof value === 'number'))
    return new Sensitive(String(value), kindOf(key));
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'number') {
    // A card number may arrive as a JSON number: masked like the same digits in a string.
    const masked = redact(String(value));
    return masked === String(value) ? value : masked;
  }
  if (value === null || typeof value !== 'object') return value;
  // Deeper than any payload needs: cut rather than pass unread values through (`raw` keeps all).
  if (depth > 32) return '[Truncated]';
  if (Array.isArray(value)) return value.map((item) => wrap(item, key, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) out[name] = wrap(item, name, depth + 1);
  return out;
}

function firstString(payload: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

const ID_KEYS = ['id', 'eventId', 'event_id'];
const TYPE_KEYS = ['type', 'event', 'eventType', 'event_type'];
const TIME_KEYS = ['createdAt', 'created_at', 'timestamp'];
const ENVELOPE = new Set([...ID_KEYS, ...TYPE_KEYS, ...TIME_KEYS, 'data']);

/** Parses a body into an event; undefined when it is not a JSON object. */
export function parseEvent(bytes: Uint8Array, digest: string): WebhookEvent | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const body = payload as Record<string, unknown>;
  const inner = body.data;
  const hasData = typeof inner === 'object' && inner !== null && !Array.isArray(inner);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!ENVELOPE.has(key)) extra[key] = value;
  const createdAt = firstString(body, TIME_KEYS);
  return {
    id: firstString(body, ID_KEYS) ?? digest,
    type: firstString(body, TYPE_KEYS) ?? 'unknown',
    ...(createdAt !== undefined ? { createdAt } : {}),
    data: wrap(hasData ? inner : body, undefined, 0) as Record<string, unknown>,
    extra: hasData ? (wrap(extra, undefined, 0) as Record<string, unknown>) : {},
    raw: new RawWebhookBody(bytes),
  };
}
