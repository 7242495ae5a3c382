import { journalError } from './errors.js';
import { BATCH_ID, type BulkOperation, checksum, newBatchId } from './keys.js';
import type { JournalStore } from './types.js';

/** A row's outcome as a journal records it (no card data: the card id and last four only). */
export interface OutcomeRecord {
  /** The outcome. */
  o: 'applied' | 'refused' | 'unknown';
  /** The card issued or funded. */
  card?: string | undefined;
  /** Last four digits of an issued card. */
  last4?: string | undefined;
  /** The error class of a refusal or an unknown outcome. */
  error?: string | undefined;
  /** What to do next. */
  hint?: string | undefined;
}

/** What the journal knows of one row: its latest intent, and the outcome recorded after it. */
export interface RowState {
  /** Fingerprint of the row's fields when the intent was recorded. */
  fp: string;
  /** Epoch milliseconds of the first intent of this attempt (what the key's age counts from). */
  at: number;
  outcome?: OutcomeRecord | undefined;
}

/** One journal line's record: the batch line first, then intents and outcomes. */
type JournalRecord =
  | { t: 'batch'; batch: string; op: BulkOperation; at: number }
  | { t: 'intent'; ref: string; fp: string; at: number }
  | ({ t: 'outcome'; ref: string; at: number } & OutcomeRecord);

/** One journal line: the record's JSON, a tab, and the checksum of the JSON. */
function encode(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${json}\t${checksum(json)}`;
}

function decode(line: string): JournalRecord | undefined {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return undefined;
  const json = line.slice(0, tab);
  if (checksum(json) !== line.slice(tab + 1)) return undefined;
  try {
    const record = JSON.parse(json) as JournalRecord;
    return typeof record === 'object' && record !== null && typeof record.t === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A batch's journal: an intent line before each request and an outcome line after it, each
 * checksummed. Appends are made one at a time, in call order.
 */
export class Journal {
  /** The batch id from the journal's first line. */
  readonly batchId: string;
  readonly #store: JournalStore;
  readonly #rows: Map<string, RowState>;
  #chain: Promise<void> = Promise.resolve();

  private constructor(store: JournalStore, batchId: string, rows: Map<string, RowState>) {
    this.#store = store;
    this.batchId = batchId;
    this.#rows = rows;
  }

  /**
   * Reads the journal (a new one gets its batch line). A torn last line is dropped with a message.
   *
   * @throws {ValidationError} field `journal`: a damaged line before the last (`corrupt`), another
   * operation (`operation`) or batch id (`batch`), a malformed batch id (`format`).
   */
  static async open(
    store: JournalStore,
    operation: BulkOperation,
    batchId: string | undefined,
    message: (text: string) => void,
  ): Promise<Journal> {
    if (batchId !== undefined && !BATCH_ID.test(batchId)) {
      throw journalError(
        'format',
        'batchId must be 1–64 of A-Z a-z 0-9 _ -.',
        'Pass a batch id such as 2026-12-payroll.',
      );
    }
    const lines = await store.lines();
    const records: JournalRecord[] = [];
    for (const [index, line] of lines.entries()) {
      const record = decode(line);
      if (record !== undefined) records.push(record);
      else if (index === lines.length - 1) {
        await store.dropLast();
        message(
          `journal: dropped a torn last line (line ${index + 1}), written when a run stopped mid-write.`,
        );
      } else {
        throw journalError(
          'corrupt',
          `Line ${index + 1} of the journal is damaged (its checksum does not match).`,
          'Restore the journal from a copy; a run cannot tell what the rows after a damaged line did.',
        );
      }
    }
    const head = records[0];
    if (head === undefined) {
      const batch = batchId ?? newBatchId();
      await store.append([encode({ t: 'batch', batch, op: operation, at: Date.now() })]);
      return new Journal(store, batch, new Map());
    }
    if (head.t !== 'batch') {
      throw journalError(
        'corrupt',
        'The journal does not start with its batch line.',
        'Use the journal file a bulk run wrote.',
      );
    }
    if (head.op !== operation) {
      throw journalError(
        'operation',
        `The journal is of a ${head.op} batch, not ${operation}.`,
        'Use one journal per batch and operation.',
      );
    }
    if (batchId !== undefined && batchId !== head.batch) {
      throw journalError(
        'batch',
        'The journal belongs to another batch id.',
        "Leave out the batch id to continue the journal's batch, or start a new journal for a new batch.",
      );
    }
    const rows = new Map<string, RowState>();
    for (const record of records) {
      if (record.t === 'intent') rows.set(record.ref, { fp: record.fp, at: record.at });
      else if (record.t === 'outcome') {
        const { t: _t, ref, at: _at, ...outcome } = record;
        const state = rows.get(ref);
        if (state) state.outcome = outcome;
      }
    }
    return new Journal(store, head.batch, rows);
  }

  /** What the journal knows of a row; undefined before its first intent. */
  row(ref: string): Readonly<RowState> | undefined {
    return this.#rows.get(ref);
  }

  /** Records that the row's request is about to be sent. */
  intent(ref: string, fp: string): Promise<void> {
    const at = Date.now();
    this.#rows.set(ref, { fp, at });
    return this.#append({ t: 'intent', ref, fp, at });
  }

  /** Records the row's outcome. */
  outcome(ref: string, outcome: OutcomeRecord): Promise<void> {
    const state = this.#rows.get(ref);
    if (state) state.outcome = outcome;
    return this.#append({ t: 'outcome', ref, at: Date.now(), ...outcome });
  }

  #append(record: JournalRecord): Promise<void> {
    const done = this.#chain.then(() => this.#store.append([encode(record)]));
    this.#chain = done.catch(() => undefined);
    return done;
  }
}
