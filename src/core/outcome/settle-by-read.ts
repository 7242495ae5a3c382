import { branded } from '../errors/brand.js';
import type { CallWindow, EvidenceItem, ReconcileEvidence, Reconciliation } from './contract.js';
import { undecided } from './undecided.js';

// Reconcilers that settle a call from one read of one record (a card, a customer): the read's
// evidence, and what a failed read leaves.

/** The `error` field of evidence for a read that failed; only SDK errors, whose text is redacted. */
export function describeFailure(error: unknown): string {
  if (branded(error)) return `${error.name}: ${error.message}`;
  return 'the read failed';
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
    // A 404 (by name: this module does not import the error classes, see errors/brand.ts).
    if (!branded(error) || error.name !== 'NotFoundError') {
      return undecided(call, `Reading ${operation} failed, so the outcome is still unknown.`, {
        reads: [operation],
        error: describeFailure(error),
      });
    }
  }
  return { ...decide(found), operation: call.operation, idempotencyKey: call.idempotencyKey };
}
