import type { ReconcileOptions } from '../core/outcome/contract.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import type { ResolvedCard } from './card-ref.js';
import type { Card } from './card-results.js';
import { retrieveCard } from './endpoints/cards.js';

// The card read that settles unknown outcomes and confirms refused state changes. It only reads
// public endpoints, through the caller's transport.

/** The options of a confirming read: the caller's signal and limits, never its idempotency key. */
export function readOptions(options: RequestOptions | ReconcileOptions | undefined): RequestOptions {
  const out: RequestOptions = {};
  if (options?.signal) out.signal = options.signal;
  const request = options as RequestOptions | undefined;
  if (request?.timeoutMs !== undefined) out.timeoutMs = request.timeoutMs;
  if (request?.maxRetries !== undefined) out.maxRetries = request.maxRetries;
  if (request?.headers !== undefined) out.headers = request.headers;
  return out;
}

/** `GET /cards/{id}` or `/budget-cards/{id}`: the card's details. */
export function readCard(transport: Requester, card: ResolvedCard, options: RequestOptions): Promise<Card> {
  return transport.request(retrieveCard(card), options);
}
