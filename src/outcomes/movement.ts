import { stillUnknown } from './answer.js';
import { clockSkew, describeFailure } from './settle.js';
import type { CallWindow, ReconcileEvidence, ReconcileOptions, Reconciliation } from './types.js';

/** A money movement as a transaction listing shows it. */
export interface MovementEntry {
  id: string;
  /** Absent on a listing that omits it: such an entry can never match, so never proves absence. */
  amount?: number | null | undefined;
  currency?: string | null | undefined;
  type?: string | null | undefined;
  date?: string | null | undefined;
  note?: string | null | undefined;
}

/** Which kind of funding movement a call makes. */
export type MovementKind = 'topup' | 'withdraw';

// The API documents no value set for transaction `type`; these spellings cover the usual ones.
const FUNDING_TYPES: Readonly<Record<MovementKind | 'other', ReadonlySet<string>>> = {
  topup: new Set(['topup', 'deposit', 'load', 'fund', 'funding', 'cardtopup', 'budgettopup']),
  withdraw: new Set(['withdraw', 'withdrawal', 'unload', 'cardwithdraw', 'cardwithdrawal']),
  // Funding that no top-up or withdrawal call makes, e.g. a card's initial balance at issuance.
  other: new Set(['issue', 'issuance', 'initialbalance', 'initialload', 'reissue', 'transfer']),
};

/**
 * The funding kind of a listed transaction type: `topup`, `withdraw`, `other` for funding no
 * top-up or withdrawal call makes (an initial balance), undefined for spend, refunds and the rest.
 */
export function movementKind(type: string | null | undefined): MovementKind | 'other' | undefined {
  const normal = (type ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (FUNDING_TYPES.topup.has(normal)) return 'topup';
  if (FUNDING_TYPES.withdraw.has(normal)) return 'withdraw';
  if (FUNDING_TYPES.other.has(normal)) return 'other';
  return undefined;
}

/** One page of a newest-first listing. */
export type PageReader<E> = (page: number) => Promise<E[]>;

/** What the search for a movement is looking for. */
export interface MovementQuery {
  kind: MovementKind;
  /** Major units. */
  amount: number;
  /** The note sent with the call, in the form the listing shows notes (redacted). */
  note?: string | undefined;
  /** Redacts a note before it goes into evidence. */
  redactNote: (note: string) => string;
}

const PAGE_SIZE = 50;
const MAX_PAGES = 20;

/**
 * Searches a newest-first transaction listing for the movement a call would have made, within the
 * call's time window. Answers `applied` for exactly one match, `not-applied` only when the listing
 * provably shows funding movements and was read back past the window, and `still-unknown` otherwise
 * (two look-alike movements, undated matches, a listing that shows no funding at all, paging limits).
 */
export async function findMovement(
  call: CallWindow,
  options: ReconcileOptions,
  read: { operation: string; page: PageReader<MovementEntry> },
  query: MovementQuery,
): Promise<Reconciliation> {
  const skew = clockSkew(options);
  const from = call.startedAt - skew;
  // Up to now, not to the failure: a request the client gave up on can still be applied later.
  const to = Math.max(Date.now(), call.endedAt) + skew;
  const window = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const entries: MovementEntry[] = [];
  let complete = false;
  let fundingSeen = false;
  let descending = true;
  let lastTime = Number.POSITIVE_INFINITY;
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const items = await read.page(page);
      let reachedBefore = false;
      for (const item of items) {
        entries.push(item);
        if (movementKind(item.type) !== undefined) fundingSeen = true;
        const time = item.date ? Date.parse(item.date) : Number.NaN;
        if (Number.isNaN(time)) continue;
        if (time > lastTime) descending = false;
        lastTime = time;
        if (time < from) reachedBefore = true;
      }
      // The listing order is not documented: stop early only while it is provably newest first.
      if (items.length < PAGE_SIZE || (descending && reachedBefore && fundingSeen)) {
        complete = true;
        break;
      }
    }
  } catch (error) {
    return stillUnknown(call, `Reading ${read.operation} failed, so the outcome is still unknown.`, {
      reads: [read.operation],
      window,
      examined: entries.length,
      error: describeFailure(error),
    });
  }
  const cents = Math.round(query.amount * 100);
  const matches = entries.filter((e) => {
    if (typeof e.amount !== 'number') return false;
    if (movementKind(e.type) !== query.kind || Math.round(e.amount * 100) !== cents) return false;
    // A listing that shows a note settles it; one that shows none cannot rule the entry out.
    if (e.note !== undefined && e.note !== null && e.note !== query.note) return false;
    const time = e.date ? Date.parse(e.date) : Number.NaN;
    return Number.isNaN(time) || (time >= from && time <= to);
  });
  const evidence: ReconcileEvidence = {
    reads: [read.operation],
    window,
    examined: entries.length,
    complete,
    matches: matches.map((e) => ({
      kind: 'transaction',
      id: e.id,
      type: e.type,
      amount: e.amount ?? undefined,
      currency: e.currency ?? undefined,
      date: e.date,
      note: e.note ? query.redactNote(e.note) : e.note,
    })),
  };
  const what = `${query.kind === 'topup' ? 'top-up' : 'withdrawal'} of ${cents / 100}`;
  const base = { operation: call.operation, idempotencyKey: call.idempotencyKey, evidence };
  const undated = matches.some((e) => !e.date || Number.isNaN(Date.parse(e.date)));
  if (matches.length === 1 && !undated) {
    return {
      ...base,
      status: 'applied',
      summary: `${read.operation} lists the ${what} in the call's window.`,
    };
  }
  if (matches.length > 1 || undated) {
    return {
      ...base,
      status: 'still-unknown',
      summary: `${read.operation} lists ${matches.length} movements that look like this ${what}; give each movement a unique note to tell them apart.`,
    };
  }
  // An entry of this kind (or of no stated kind) that lacks its amount could be this very
  // movement: the listing cannot prove it absent.
  const unreadable = entries.some(
    (e) =>
      (movementKind(e.type) === query.kind && typeof e.amount !== 'number') ||
      ((e.type === undefined || e.type === null) &&
        (typeof e.amount !== 'number' || Math.round(e.amount * 100) === cents)),
  );
  if (unreadable) {
    return {
      ...base,
      status: 'still-unknown',
      summary: `${read.operation} lists entries without the type or amount needed to tell whether this ${what} happened.`,
    };
  }
  if (!fundingSeen) {
    return {
      ...base,
      status: 'still-unknown',
      summary: `${read.operation} lists no top-ups or withdrawals at all, so it cannot show whether this ${what} happened.`,
    };
  }
  if (!complete) {
    return {
      ...base,
      status: 'still-unknown',
      summary: `${read.operation} has more than ${MAX_PAGES * PAGE_SIZE} entries to search; the ${what} was not among them.`,
    };
  }
  return {
    ...base,
    status: 'not-applied',
    summary: `${read.operation} does not list the ${what} in the call's window.`,
  };
}

/** Page size {@link findMovement} expects its reader to use. */
export const MOVEMENT_PAGE_SIZE = PAGE_SIZE;
