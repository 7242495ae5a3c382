/**
 * What {@link Reconciliation.status} says about a call whose outcome was unknown:
 * - `applied`: the API shows the effect of this call;
 * - `not-applied`: two complete reads, a settle window apart, show everything the call would have
 *   changed, and the effect is in neither;
 * - `still-unknown`: the reads could not decide (a read failed, the evidence is ambiguous, a word
 *   the SDK does not know, or no public read shows this kind of change). See the error's hint.
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
  /**
   * Why this record might be the call's effect but cannot be matched for sure (another currency,
   * a type the SDK does not know, a date without a time zone, a rewritten note…); absent on
   * certain matches.
   */
  doubt?: string | undefined;
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
  /** Pages of a listing read, for listing searches. */
  pages?: number | undefined;
  /** Why a listing was not read to its end (a page or time bound, a server repeating pages). */
  incomplete?: string | undefined;
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
  /**
   * How many times the reads were made: `not-applied` needs two in a row that agree, made a
   * settle window ({@link ReconcileOptions.settleMs}) apart.
   */
  rounds?: number | undefined;
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
   * Default 10000. `reconcile()` answers `not-applied` only when two reads this far apart both
   * show the call's effect absent: when the first read finds nothing it waits (the signal cancels
   * the wait) and reads again.
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
  /** The dispute the call acted on. */
  disputeId?: string | undefined;
  /** Amount in major units. */
  amount?: number | undefined;
  /** Currency of `amount`, when the API states it (budget top-ups are USD). */
  currency?: string | undefined;
  /** The top-up note (redacted). */
  note?: string | undefined;
  /** The caller's `externalId` of a card being issued. */
  externalId?: string | undefined;
}

/** How a resource lets a create/move call be settled when its outcome is unknown. */
export interface OutcomeSpec {
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
 * A duration option of {@link ReconcileOptions}, checked: `fallback` unless a finite number of
 * milliseconds, zero or more. Here, not in settle.ts, since the reconcilers loaded on first use
 * need it alone.
 */
export function checkedMs(value: number | undefined, fallback: number): number {
  const ms = value ?? fallback;
  return Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}
