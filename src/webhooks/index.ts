/**
 * A receiver for bfinance's webhooks, which are unsigned and best effort: a source-IP allowlist
 * (CIDR, IPv6, trusted proxies), a body limit, de-duplication and an answer only after your
 * `onEvent` persisted the event. Pair it with `bfinance-cards/feed`, which makes lost deliveries
 * harmless.
 *
 * @module bfinance-cards/webhooks
 */

export { RawWebhookBody, type WebhookEvent } from './event.js';
export {
  createWebhookHandler,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookRequestContext,
} from './handler.js';
export { type NodeRequestLike, type NodeResponseLike, toNodeListener } from './node.js';
export type {
  CardStatusEventData,
  CustomerStatusEventData,
  ProductAccessEventData,
  TransactionEventData,
  WebhookEventType,
  WebhookPayload,
} from './shapes.js';
export { memoryEventStore, type WebhookEventStore } from './store.js';
