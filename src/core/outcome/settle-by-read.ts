import { branded } from '../errors/brand.js';
import type {
  CallWindow,
  EvidenceItem,
  ReconcileEvidence,
  ReconcileStatus,
  Reconciliation,
} from './contract.js';
import { undecided } from './undecided.js';

// Reconcilers that settle a call from one read of one record (a card, a customer): the read's
// evidence, and what a failed read leaves.

/**
 * The answer when a read failed: still unknown, with the failure in the evidence (only an SDK
 * error's name and message, whose text is redacted).
 */
export function readFailed(
  call: CallWindow,
  operation: string,
  error: unknown,
  evidence?: Partial<ReconcileEvidence>,
): Reconciliation {
  return undecided(call, `Reading ${operation} failed.`, {
    reads: [operation],
    ...evidence,
    error: branded(error) ? `${error.name}: ${error.message}` : 'the read failed',
  });
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
 * for a 404) to a status and what the read showed, which the summary puts after the operation's
 * name; the evidence is the record found (see {@link recordEvidence}) unless `decide` gives its
 * own. Any other read failure leaves the outcome unknown.
 */
export async function settleByRead<R extends FoundRecord>(
  call: CallWindow,
  operation: string,
  kind: EvidenceItem['kind'],
  read: () => Promise<R>,
  decide: (found: R | undefined) => [ReconcileStatus, string, ReconcileEvidence?],
): Promise<Reconciliation> {
  let found: R | undefined;
  try {
    found = await read();
  } catch (error) {
    // A 404 (by name: this module does not import the error classes, see errors/brand.ts).
    if (!branded(error) || error.name !== 'NotFoundError') return readFailed(call, operation, error);
  }
  const [status, shown, evidence = recordEvidence(operation, kind, found)] = decide(found);
  const { operation: op, idempotencyKey } = call;
  return { status, operation: op, idempotencyKey, summary: `${operation} ${shown}.`, evidence };
}
