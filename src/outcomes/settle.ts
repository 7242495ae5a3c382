import { type CardsError, isCardsError, NotFoundError } from '../core/errors.js';
import { sleep } from '../core/retry.js';
import { stillUnknown } from './answer.js';
import {
  type CallWindow,
  DEFAULT_CLOCK_SKEW_MS,
  DEFAULT_SETTLE_MS,
  type EvidenceItem,
  type ReconcileEvidence,
  type ReconcileOptions,
  type Reconciler,
  type Reconciliation,
} from './types.js';

/**
 * Runs a reconciler so that it never answers `not-applied` too early: an `applied` answer stands at
 * once; any other answer given before the call has settled (see {@link ReconcileOptions.settleMs})
 * is replaced by a fresh one read after that moment.
 */
export async function reconcileSettled(
  call: CallWindow,
  options: ReconcileOptions,
  reconciler: Reconciler,
): Promise<Reconciliation> {
  const first = await reconciler(call, options);
  if (first.status === 'applied') return first;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const wait =
    call.endedAt + (Number.isFinite(settleMs) && settleMs >= 0 ? settleMs : DEFAULT_SETTLE_MS) - Date.now();
  if (wait <= 0) return first;
  try {
    await sleep(wait, options.signal);
  } catch {
    return stillUnknown(call, 'The wait for the call to settle was aborted.', first.evidence);
  }
  return reconciler(call, options);
}

/** The `error` field of evidence for a read that failed; only SDK errors, whose text is redacted. */
export function describeFailure(error: unknown): string {
  if (isCardsError(error)) return `${(error as CardsError).name}: ${error.message}`;
  return 'the read failed';
}

/** The checked clock skew of reconcile options. */
export function clockSkew(options: ReconcileOptions): number {
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  return Number.isFinite(skew) && skew >= 0 ? skew : DEFAULT_CLOCK_SKEW_MS;
}

/** A record a single-record read found: what the evidence shows of it. */
export interface FoundRecord {
  id: string;
  status?: string | undefined;
}

/**
 * The evidence of one single-record read (a card, a customer, an access request): the read, and
 * the record it found, if any. Such a read sees everything it needs, so it is always complete.
 */
export function recordEvidence(
  read: string,
  kind: EvidenceItem['kind'],
  found: FoundRecord | undefined,
): ReconcileEvidence {
  return {
    reads: [read],
    examined: found ? 1 : 0,
    complete: true,
    matches: found
      ? [{ kind, id: found.id, ...(found.status === undefined ? {} : { status: found.status }) }]
      : [],
  };
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
