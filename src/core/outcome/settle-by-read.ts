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
 * A read of one record, and the redactor for the server text it shows: the caller's, so that the
 * code loaded on first use imports no redactor (a bundler would have to wrap it for lazy loading).
 */
export interface RecordRead<R> {
  read: () => Promise<R>;
  redact: (text: string) => string;
}

/** What evidence shows of a record read: its id, and its status redacted (it is server text). */
export function recordItem(
  kind: EvidenceItem['kind'],
  record: FoundRecord,
  redact: (text: string) => string,
): EvidenceItem {
  const { id, status } = record;
  return { kind, id, status: typeof status === 'string' ? redact(status) : undefined };
}

/**
 * Settles a call by reading one resource: `decide` maps what the read returned (or `undefined`
 * for a 404) to a status and what the read showed, which the summary puts after the operation's
 * name; the evidence is the record found (see {@link recordItem}) unless `decide` gives its own.
 * Any other read failure leaves the outcome unknown.
 */
export async function settleByRead<R extends FoundRecord>(
  call: CallWindow,
  operation: string,
  kind: EvidenceItem['kind'],
  source: RecordRead<R>,
  decide: (found: R | undefined) => [ReconcileStatus, string, ReconcileEvidence?],
): Promise<Reconciliation> {
  let found: R | undefined;
  try {
    found = await source.read();
  } catch (error) {
    // A 404 (by name: this module does not import the error classes, see errors/brand.ts).
    if (!branded(error) || error.name !== 'NotFoundError') return readFailed(call, operation, error);
  }
  // A single-record read sees everything it needs, so its evidence is complete.
  const [
    status,
    shown,
    evidence = {
      reads: [operation],
      examined: found ? 1 : 0,
      complete: true,
      matches: found ? [recordItem(kind, found, source.redact)] : [],
    },
  ] = decide(found);
  const { operation: op, idempotencyKey } = call;
  return { status, operation: op, idempotencyKey, summary: `${operation} ${shown}.`, evidence };
}
