import {
  type CallWindow,
  checkedMs,
  DEFAULT_CLOCK_SKEW_MS,
  type EvidenceItem,
  type ReconcileEvidence,
  type ReconcileOptions,
  type ReconcileStatus,
  type Reconciliation,
} from '../core/outcome/contract.js';
import { readFailed } from '../core/outcome/settle-by-read.js';
import type { Card } from './card-results.js';
import { type ListingRead, type PageReader, readListing } from './movement-listing.js';
import { listingCurrency, type MovementEntry, type MovementQuery, matchEntry } from './movement-match.js';
import { movementKind } from './reconcile-words.js';

/** Page size the movement readers ask for (a server may answer with fewer per page). */
export const MOVEMENT_PAGE_SIZE = 50;

/** Where a call's movement would show: a listing, and for a card movement the card itself. */
export interface MovementReads {
  /** The operation read, e.g. `cards.transactions`. */
  operation: string;
  /** Reads one page of the listing. */
  page: PageReader<MovementEntry>;
  /** The card, read after the listing for its currency and balance. */
  card?: (() => Promise<Card>) | undefined;
}

// A listing read for one call, over the call's window (epoch milliseconds, widened by the skew).
interface MovementListing extends ListingRead {
  operation: string;
  window: { from: number; to: number };
}

function evidenceItem(entry: MovementEntry, doubts: string[], query: MovementQuery): EvidenceItem {
  const item: EvidenceItem = { kind: 'transaction', id: entry.id };
  if (typeof entry.amount === 'number') item.amount = entry.amount;
  for (const field of ['type', 'currency', 'date', 'note', 'status'] as const) {
    const value = entry[field];
    if (typeof value === 'string') item[field] = query.redactNote(value);
    // Type, date and note say so when the listing nulls them.
    else if (value === null && field !== 'currency' && field !== 'status') item[field] = null;
  }
  if (doubts.length > 0) item.doubt = doubts.join('; ');
  return item;
}

/**
 * Decides from a listing read whether the call's movement is there. `applied` only for exactly
 * one certain match in a listing read to its end; `not-applied` only when the listing was read to
 * its end, shows funding movements, and holds nothing that might be the movement; otherwise
 * `still-unknown`, with the reason in the summary and the evidence. Without the call's currency,
 * the currency every surely-other entry shares stands in for it (see {@link listingCurrency}).
 */
function decideMovement(call: CallWindow, listing: MovementListing, query: MovementQuery): Reconciliation {
  const { operation, window, entries, complete, reason } = listing;
  const span = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
  if (listing.error !== undefined) {
    return readFailed(call, operation, listing.error, { window: span, examined: entries.length });
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
    if (match.verdict === 'certain') certain.push(evidenceItem(entry, [], query));
    if (match.verdict === 'possible') {
      possible.push(evidenceItem(entry, match.doubts, query));
      for (const doubt of match.doubts) doubts.add(doubt);
    }
    if (movementKind(entry.type) !== undefined) fundingSeen = true;
  }
  const matches = [...certain, ...possible];
  // Only a note the call sent, listed back, tells its movement from another caller's.
  const advice =
    certain.length > 1 || [...doubts].some((d) => d.includes('note'))
      ? query.takesNote
        ? ' Send each top-up with a unique note.'
        : ' This call takes no note to tell it apart.'
      : '';
  if (matches.length > 1) doubts.add(`${matches.length} entries look like it`);
  const what = query.kind === 'topup' ? 'top-up' : 'withdrawal';
  let status: ReconcileStatus = 'still-unknown';
  let summary = `${operation} does not list the ${what}.`;
  // A possible match has a doubt, so without doubts there is one certain match or none.
  if (doubts.size > 0) {
    summary = `${operation} may list the ${what}, but not surely: ${[...doubts].join('; ')}.${advice}`;
  } else if (certain.length === 1) {
    summary = `${operation} lists the ${what}.`;
    if (complete) status = 'applied';
  } else if (complete && fundingSeen) {
    status = 'not-applied';
    summary = `${operation} does not list the ${what}, read to its end: ${reason}.`;
  } else if (complete) {
    summary = `${operation} lists no top-ups or withdrawals, so it cannot show this ${what}.`;
  }
  const evidence: ReconcileEvidence = {
    reads: [operation],
    window: span,
    examined: entries.length,
    pages: listing.pages,
    complete,
    matches,
  };
  if (!complete) {
    evidence.incomplete = reason;
    summary += ` It was not read to its end, so more may follow: ${reason}.`;
  }
  return { status, operation: call.operation, idempotencyKey: call.idempotencyKey, summary, evidence };
}

/**
 * Searches a transaction listing for the movement a call would have made, within the call's time
 * window widened by the clock skew, bounded as {@link readListing} says; decides as
 * `decideMovement` says. For a card movement the card is read after the listing: without the
 * call's currency its currency tells a converted amount from another movement, and its balance
 * goes into the evidence (it never decides on its own).
 */
export async function findMovement(
  call: CallWindow,
  options: ReconcileOptions,
  read: MovementReads,
  query: MovementQuery,
): Promise<Reconciliation> {
  const skew = checkedMs(options.clockSkewMs, DEFAULT_CLOCK_SKEW_MS);
  // Up to now, not to the failure: a request the client gave up on can still be applied later.
  const window = { from: call.startedAt - skew, to: Math.max(Date.now(), call.endedAt) + skew };
  const listing = await readListing(read.page, window.from);
  let card: Card | undefined;
  try {
    card = await read.card?.();
  } catch {
    // Without the card the search is only more cautious.
  }
  const currency = query.currency ?? card?.balance?.currency ?? card?.currency ?? undefined;
  const answer = decideMovement(
    call,
    { operation: read.operation, window, ...listing },
    { ...query, currency },
  );
  if (card?.balance) {
    answer.evidence.balance = card.balance;
    answer.evidence.reads.push('cards.retrieve');
  }
  return answer;
}
