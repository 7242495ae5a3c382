/**
 * A receiver for bfinance's webhooks, which are unsigned and best effort: a source-IP allowlist
 * (CIDR, IPv6, trusted proxies), a body limit, de-duplication and an answer only after your
 * `onEvent` persisted the event. Pair it with `bfinance-cards/feed`, which makes lost deliveries
 * harmless.
 *
 * @module bfinance-cards/webhooks
 */
export * from '../webhooks/index.js';
