import {
  type CallWindow,
  clockSkew,
  type EvidenceItem,
  type ReconcileEvidence,
  type ReconcileOptions,
  type Reconciliation,
} from '../core/outcome/contract.js';
import { describeFailure } from '../core/outcome/settle-by-read.js';
import { undecided } from '../core/outcome/undecided.js';
import { type ListingRead, type PageReader, readListing } from './movement-listing.js';
import {
  type EntryMatch,
  listingCurrency,
  type MovementEntry,
  type MovementQuery,
  matchEntry,
} from './movement-match.js';
import { movementKind } from './reconcile-words.js';

/** Page size the movement readers ask for (a server may answer with fewer per page). */
export const MOVEMENT_PAGE_SIZE = 50;

/** A listing read for one call: what was read, over which span. */
export interface MovementListing extends ListingRead {
  /** The operation read, e.g. `cards.transactions`. */
  operation: string;
  /** Epoch milliseconds: the call's window widened by the clock skew. */
  window: { from: number; to: number };
}

/** Reads the listing a call's movement would show in, bounded as {@link readListing} says. */
export async function readMovements(
  call: CallWindow,
  options: ReconcileOptions,
  read: { operation: string; page: PageReader<MovementEntry> },
): Promise<MovementListing> {
  const skew = clockSkew(options);
  const from = call.startedAt - skew;
  // Up to now, not to the failure: a request the client gave up on can still be applied later.
  const to = Math.max(Date.now(), call.endedAt) + skew;
  const listing = await readListing(read.page, from);
  return { operation: read.operation, window: { from, to }, ...listing };
}

function evidenceItem(entry: MovementEntry, match: EntryMatch, query: MovementQuery): EvidenceItem {
  const item: EvidenceItem = { kind: 'transaction', id: entry.id };
  if (entry.type !== undefined) item.type = entry.type === null ? null : query.redactNote(entry.type);
  if (typeof entry.amount === 'number') item.amount = entry.amount;
  if (typeof entry.currency === 'string') item.currency = query.redactNote(entry.currency);
  if (entry.date !== undefined) item.date = entry.date === null ? null : query.redactNote(entry.date);
  if (entry.note !== undefined) item.note = entry.note === null ? null : query.redactNote(entry.note);
  if (typeof entry.status === 'string') item.status = query.redactNote(entry.status);
  if (match.verdict === 'possible') item.doubt = match.doubts.join('; ');
  return item;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Decides from a listing read whether the call's movement is there. `applied` only for exactly
 * one certain match in a listing read to its end; `not-applied` only when the listing was read to
 * its end, shows funding movements, and holds nothing that might be the movement; otherwise
 * `still-unknown`, with the reason in the summary and the evidence. Without the call's currency,
 * the currency every surely-other entry shares stands in for it (see {@link listingCurrency}).
 */
export function decideMovement(
  call: CallWindow,
  listing: MovementListing,
  query: MovementQuery,
): Reconciliation {
  const { operation, window, entries } = listing;
  const span = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
  if (listing.error !== undefined) {
    return undecided(call, `Reading ${operation} failed, so the outcome is still unknown.`, {
      reads: [operation],
      window: span,
      examined: entries.length,
      error: describeFailure(listing.error),
    });
  }
  if (query.currency === undefined) {
    const inferred = listingCurrency(entries, query, window);
    if (inferred !== undefined) return decideMovement(call, listing, { ...query, currency: inferred });
  }
  const certain: EvidenceItem[] = [];
  const possible: EvidenceItem[] = [];
  const doubts = new Set<string>();
  let fundingSeen = false;
  for (const entry of entries) {
    const match = matchEntry(entry, query, window);
    if (match.verdict === 'certain') certain.push(evidenceItem(entry, match, query));
    if (match.verdict === 'possible') {
      possible.push(evidenceItem(entry, match, query));
      for (const doubt of match.doubts) doubts.add(doubt);
    }
    if (movementKind(entry.type) !== undefined) fundingSeen = true;
  }
  const evidence: ReconcileEvidence = {
    reads: [operation],
    window: span,
    examined: entries.length,
    pages: listing.pages,
    complete: listing.complete,
    matches: [...certain, ...possible],
  };
  if (!listing.complete) evidence.incomplete = listing.reason;
  const currency = /^[A-Za-z]{3}$/.test(query.currency ?? '') ? ` ${query.currency?.toUpperCase()}` : '';
  const what = `${query.kind === 'topup' ? 'top-up' : 'withdrawal'} of ${Math.round(query.amount * 100) / 100}${currency}`;
  const answer = (status: Reconciliation['status'], summary: string): Reconciliation => ({
    status,
    operation: call.operation,
    idempotencyKey: call.idempotencyKey,
    summary,
    evidence,
  });
  if (certain.length === 1 && possible.length === 0 && listing.complete) {
    return answer('applied', `${operation} lists the ${what} in the call's window.`);
  }
  // When the listing was also cut short, the summary says so too.
  const cut = listing.complete ? '' : ` The listing was not read to its end either: ${listing.reason}.`;
  if (certain.length > 1) {
    return answer(
      'still-unknown',
      `${operation} lists ${certain.length} movements that look like this ${what}; give each movement a unique note to tell them apart.${cut}`,
    );
  }
  if (possible.length > 0) {
    const besides = certain.length === 1 ? ', besides one that matches' : '';
    // Only a note the call sent, listed back, tells its movement from another caller's.
    const advice = ![...doubts].some((d) => d.includes('note'))
      ? ''
      : query.takesNote
        ? ' Send each top-up with a unique note, so that its movement can be told from any other.'
        : ' This call takes no note, so a listing cannot tell its movement from another of the same amount.';
    return answer(
      'still-unknown',
      `${operation} lists ${plural(possible.length, 'entry', 'entries')} that may be this ${what} but cannot be matched for sure${besides}: ${[...doubts].join('; ')}.${advice}${cut}`,
    );
  }
  if (!listing.complete) {
    const seen =
      certain.length === 1
        ? 'it lists the movement, but a look-alike may follow'
        : `the ${what} was not among the ${plural(entries.length, 'entry', 'entries')} read`;
    return answer('still-unknown', `${operation} was not read to its end: ${listing.reason}; ${seen}.`);
  }
  if (!fundingSeen) {
    return answer(
      'still-unknown',
      `${operation} lists no top-ups or withdrawals at all, so it cannot show whether this ${what} happened.`,
    );
  }
  return answer(
    'not-applied',
    `${operation} does not list the ${what} in the call's window; the listing was ${listing.reason}.`,
  );
}

/**
 * Searches a transaction listing for the movement a call would have made, within the call's time
 * window (see {@link readMovements} and {@link decideMovement}).
 */
export async function findMovement(
  call: CallWindow,
  options: ReconcileOptions,
  read: { operation: string; page: PageReader<MovementEntry> },
  query: MovementQuery,
): Promise<Reconciliation> {
  return decideMovement(call, await readMovements(call, options, read), query);
}
