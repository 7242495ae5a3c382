import type { Amount, IssueCardParams } from '../index.js';

/** One card to issue: a caller-chosen `ref` plus the parameters of `cards.issue`. */
export type IssueRow = IssueCardParams & {
  /**
   * Your id for the row (an employee id, say): unique within the batch, stable across runs of it;
   * 1–64 of `A-Z a-z 0-9 . _ -`.
   */
  ref: string;
};

/** One card top-up: a caller-chosen `ref`, the standalone card, and the parameters of `funds.topUp`. */
export interface TopUpRow {
  /** Your id for the row: unique within the batch, stable across runs of it; 1–64 of `A-Z a-z 0-9 . _ -`. */
  ref: string;
  /** The standalone card to fund: its id or external id. */
  card: string;
  /** Major units, at least 1.01, at most 2 decimals. */
  amount: Amount;
  /** An internal note stored with the top-up. */
  note?: string;
}

/** What became of a row: `invalid` rows were skipped, `not-run` rows were not reached before a stop. */
export type RowOutcome = 'applied' | 'refused' | 'unknown' | 'invalid' | 'not-run';

/** One row of a {@link BulkResult}. Holds no card data: the card id and last four digits only. */
export interface BulkRowResult {
  /** Position of the row in the input, from 1. */
  row: number;
  /** The row's `ref`. */
  ref: string;
  /** What became of it. */
  outcome: RowOutcome;
  /** The card issued or funded. */
  cardId?: string | undefined;
  /** Last four digits of the issued card. */
  last4?: string | undefined;
  /** Why it was refused or is unknown: the error class, e.g. `InsufficientFundsError`. */
  error?: string | undefined;
  /** What to do next, for a row that was not applied. */
  hint?: string | undefined;
  /** True when the outcome was read from the journal of an earlier run (nothing was sent). */
  fromJournal: boolean;
}

/** The answer of a bulk run. */
export interface BulkResult {
  /** The journal's batch id: keys and default external ids derive from it. */
  batchId: string;
  /** Every row, in input order. */
  rows: BulkRowResult[];
  /** How many rows are applied (in this run or an earlier one). */
  applied: number;
  /** How many rows were refused. */
  refused: number;
  /** How many rows may or may not have been applied: run again to settle them. */
  unknown: number;
  /** How many invalid rows were skipped. */
  invalid: number;
  /** How many rows were not reached because the run was stopped. */
  notRun: number;
  /** True when `signal` stopped the run before every row was reached. */
  interrupted: boolean;
}

/** What `onProgress` receives after each row. */
export interface BulkProgress {
  /** Rows finished, this run and from the journal. */
  done: number;
  /** Rows to finish (valid rows). */
  total: number;
  /** Rows applied so far. */
  applied: number;
  /** Rows refused so far. */
  refused: number;
  /** Rows whose outcome is unknown so far. */
  unknown: number;
  /** Rows finished per second by requests of this run. */
  perSecond: number;
  /** Estimated milliseconds to the end; undefined until a rate is known. */
  etaMs: number | undefined;
}

/**
 * Where a journal keeps its lines, for a database or any store other than a file. Lines arrive
 * checksummed; the store only keeps them in order.
 */
export interface JournalStore {
  /** Every stored line, oldest first, without line ends; the last may be torn by a crash. */
  lines(): Promise<string[]>;
  /** Stores lines after the others; resolves once they are durable. */
  append(lines: readonly string[]): Promise<void>;
  /** Removes the last stored line (a torn one), so the next append starts a fresh line. */
  dropLast(): Promise<void>;
  /** The run lock as last written, or undefined when none is held. */
  readLock(): Promise<string | undefined>;
  /**
   * Replaces the lock atomically when it still is `expected` (undefined: no lock); undefined
   * `next` removes it. Resolves true when it was replaced.
   */
  swapLock(expected: string | undefined, next: string | undefined): Promise<boolean>;
}

/** Options shared by {@link issueCards} and {@link topUpCards}. */
export interface BulkOptions {
  /** The journal: a file path (its lock is the file `<path>.lock`), or a {@link JournalStore}. */
  journal: string | JournalStore;
  /**
   * The batch id (1–64 of `A-Z a-z 0-9 _ -`). A new journal records it; a journal that has one
   * keeps it, and a different one here is refused. Default: generated for a new journal.
   */
  batchId?: string;
  /** Rows sent at once; default 4. */
  concurrency?: number;
  /** Sends the valid rows when some are invalid (they are reported `invalid`); default false. */
  skipInvalid?: boolean;
  /** Sends again rows an earlier run recorded as refused; default false. */
  retryRefused?: boolean;
  /** Stops the run: rows in flight finish and are journalled, the others are reported `not-run`. */
  signal?: AbortSignal;
  /** Called after each row. A hook that throws is ignored. */
  onProgress?: (progress: BulkProgress) => void;
  /** Called with a line about what the run did on its own (a lock taken over, a pause). */
  onMessage?: (text: string) => void;
  /**
   * Wait between the two reads that prove a card was not issued, in milliseconds (default 10000):
   * a server need not show a new card at once.
   */
  settleMs?: number;
  /** A lock whose heartbeat is older than this is taken over, in milliseconds (default 30000). */
  staleLockMs?: number;
}
