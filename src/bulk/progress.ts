import type { BulkProgress, RowOutcome } from './types.js';

/** Counts finished rows and reports them, with the rate of rows this run sent and an ETA. */
export class Progress {
  readonly #total: number;
  readonly #report: (progress: BulkProgress) => void;
  readonly #started = Date.now();
  #done = 0;
  #sent = 0;
  readonly #counts = { applied: 0, refused: 0, unknown: 0 };

  /** Counts towards `total` rows, reporting through `report`. */
  constructor(total: number, report: (progress: BulkProgress) => void) {
    this.#total = total;
    this.#report = report;
  }

  /** Counts one finished row; `fromJournal` rows took no request and do not count in the rate. */
  add(outcome: RowOutcome, fromJournal: boolean): void {
    this.#done++;
    if (!fromJournal) this.#sent++;
    if (outcome === 'applied' || outcome === 'refused' || outcome === 'unknown') this.#counts[outcome]++;
    const seconds = (Date.now() - this.#started) / 1000;
    const perSecond = seconds > 0 ? this.#sent / seconds : 0;
    this.#report({
      done: this.#done,
      total: this.#total,
      ...this.#counts,
      perSecond,
      etaMs: perSecond > 0 ? Math.round(((this.#total - this.#done) / perSecond) * 1000) : undefined,
    });
  }
}
