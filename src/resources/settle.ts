import { NotFoundError } from '../core/errors.js';
import type { CallWindow, ReconcileOptions, Reconciliation } from '../core/reconcile.js';
import { describeFailure, stillUnknown } from '../core/reconcile.js';
import type { RequestOptions, Transport } from '../core/transport.js';
import { cardPath, type ResolvedCard } from './card-ref.js';
import { type Card, cardSchema } from './card-schemas.js';

// Helpers shared by the resources to settle calls whose outcome is unknown, and to confirm a state
// change a retry was refused for. They only read public endpoints, through the caller's transport.

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
export function readCard(transport: Transport, card: ResolvedCard, options: RequestOptions): Promise<Card> {
  return transport.request(
    {
      operation: 'cards.retrieve',
      method: 'GET',
      path: cardPath(card, ''),
      schema: cardSchema(card.model),
      kind: 'read',
    },
    options,
  );
}

/** The card's status, or undefined when it cannot be read. */
export async function cardStatus(
  transport: Transport,
  card: ResolvedCard,
  options: RequestOptions,
): Promise<string | undefined> {
  try {
    return (await readCard(transport, card, options)).status;
  } catch {
    return undefined;
  }
}

/**
 * Settles a call by reading one resource: `decide` maps what the read returned (or `undefined`
 * for a 404) to an answer; any other read failure leaves the outcome unknown.
 */
export async function settleByRead<R>(
  call: CallWindow,
  operation: string,
  read: () => Promise<R>,
  decide: (found: R | undefined) => Omit<Reconciliation, 'operation' | 'idempotencyKey'>,
): Promise<Reconciliation> {
  let found: R | undefined;
  try {
    found = await read();
  } catch (error) {
    if (!(error instanceof NotFoundError)) {
      return stillUnknown(call, `Reading ${operation} failed, so the outcome is still unknown.`, {
        reads: [operation],
        error: describeFailure(error),
      });
    }
  }
  return { ...decide(found), operation: call.operation, idempotencyKey: call.idempotencyKey };
}
