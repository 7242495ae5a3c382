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
