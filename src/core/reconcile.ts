import { type CardsError, isCardsError } from './errors.js';
import { sleep } from './retry.js';

/**
 * What {@link Reconciliation.status} says about a call whose outcome was unknown:
 * - `applied`: the API shows the effect of this call;
 * - `not-applied`: the API shows everything the call would have changed, and the effect is not there;
 * - `still-unknown`: the reads could not decide (a read failed, the evidence is ambiguous, or no
 *   public read shows this kind of change). Re-send with the same `idempotencyKey`, or ask bfinance.
 */
export type ReconcileStatus = 'applied' | 'not-applied' | 'still-unknown';

/** One thing a reconciliation read found that bears on the call: a transaction, a card, an access request. */
export interface EvidenceItem {
  /** What kind of record it is. */
  kind: 'transaction' | 'card' | 'customer' | 'access';
  /** The record's id. */
  id: string;
  /** Transaction or access type as the API sent it, e.g. `topup`. */
  type?: string | null | undefined;
  /** Amount in major units, for transactions. */
  amount?: number | undefined;
  /** Currency of `amount`. */
  currency?: string | undefined;
  /** When it happened, as the API sent it. */
  date?: string | null | undefined;
  /** The note stored with a top-up (redacted). */
  note?: string | null | undefined;
  /** The record's status, e.g. `deleted`, `requested`, `frozen`. */
  status?: string | undefined;
}

/** What the reconciliation reads showed. Holds no card data: ids, amounts, dates and statuses only. */
export interface ReconcileEvidence {
  /** The operations read, in order, e.g. `['cards.transactions']`. */
  reads: string[];
  /** The time span searched, ISO 8601, when the evidence is time-bound. */
  window?:
    | {
        /** Start of the span, ISO 8601. */
        from: string;
        /** End of the span, ISO 8601. */
        to: string;
      }
    | undefined;
  /** How many records were examined. */
  examined: number;
  /** The records that match the call. */
  matches: EvidenceItem[];
  /** True when everything the call could have changed was read (not cut short by paging limits). */
  complete: boolean;
  /** A balance read alongside, for the record (it never decides the answer on its own). */
  balance?:
    | {
        /** Balance in major units. */
        value: number;
        /** ISO 4217 currency code. */
        currency: string;
      }
    | undefined;
  /** Why a read failed: the SDK error's name and message (already redacted). */
  error?: string | undefined;
}

/** The answer of `OutcomeUnknownError.reconcile()`. */
export interface Reconciliation {
  /** Whether the call was applied, as far as the API shows. */
  status: ReconcileStatus;
  /** The operation of the call, e.g. `funds.topUp`. */
  operation: string;
  /** The `Idempotency-Key` of the call. */
  idempotencyKey: string;
  /** One sentence: what was read and what it showed. */
  summary: string;
  /** What was read and what matched. */
  evidence: ReconcileEvidence;
}

/** Options of `OutcomeUnknownError.reconcile()`. */
export interface ReconcileOptions {
  /** Cancels the reads. */
  signal?: AbortSignal;
  /**
   * How far the server's clock may be from this machine's, in milliseconds: the time window
   * searched for the call's effect is widened by this much on both sides. Default 60000. A wider
   * window can only make the answer more cautious (`still-unknown` when two movements look alike);
   * the sandbox shares this machine's clock, so tests may pass 0.
   */
  clockSkewMs?: number;
  /**
   * How long after the call failed a request it sent may still be applied, in milliseconds: it can
   * sit in a queue on the way, or the server can still be working on it, after the client gave up.
   * Default 10000. Until that much time has passed `reconcile()` never answers `not-applied`: when
   * the first reads find nothing it waits (the signal cancels the wait) and reads again.
   */
  settleMs?: number;
}

/** When the call ran: from before its first attempt to after its last failure. */
export interface CallWindow {
  operation: string;
  idempotencyKey: string;
  /** Epoch milliseconds before the first attempt. */
  startedAt: number;
  /** Epoch milliseconds after the last attempt failed. */
  endedAt: number;
}

/** Re-reads public API state to settle one call. Supplied by the resource that made the call. */
export type Reconciler = (call: CallWindow, options: ReconcileOptions) => Promise<Reconciliation>;

/** What a create/move call acts on: copied onto its `OutcomeUnknownError`. */
export interface OutcomeSubject {
  /** The card the call acted on. */
  cardId?: string | undefined;
  /** The budget the call acted on. */
  budgetId?: string | undefined;
  /** The customer the call acted on. */
  customerId?: string | undefined;
  /** Amount in major units. */
  amount?: number | undefined;
  /** The top-up note (redacted). */
  note?: string | undefined;
  /** The caller's `externalId` of a card being issued. */
  externalId?: string | undefined;
}

/** How a resource lets a create/move call be settled when its outcome is unknown. */
export interface OutcomeSpec {
  /** What the call acts on. */
  subject: OutcomeSubject;
  /** The error's hint: what to do, written for this operation. */
  hint: string;
  /** Reads public API state to decide; absent when no public read can show the effect. */
  reconcile?: Reconciler;
}

/** Default of {@link ReconcileOptions.clockSkewMs}. */
export const DEFAULT_CLOCK_SKEW_MS = 60_000;

/** Default of {@link ReconcileOptions.settleMs}. */
export const DEFAULT_SETTLE_MS = 10_000;

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

/** A reconciliation that could not decide. */
export function stillUnknown(
  call: CallWindow,
  summary: string,
  evidence: Partial<ReconcileEvidence> = {},
): Reconciliation {
  return {
    status: 'still-unknown',
    operation: call.operation,
    idempotencyKey: call.idempotencyKey,
    summary,
    evidence: { reads: [], examined: 0, matches: [], complete: false, ...evidence },
  };
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

/** A money movement as a transaction listing shows it. */
export interface MovementEntry {
  id: string;
  amount: number;
  currency?: string | undefined;
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
      amount: e.amount,
      currency: e.currency,
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
