import { entryTime, type MovementEntry } from './movement-match.js';

/** One page of a listing: its items, and the page count when the server sent one. */
export interface ListingPage<E> {
  items: E[];
  /** The server's `totalPages`, as sent (it may be missing or wrong). */
  totalPages?: number | null | undefined;
}

/** Reads one page of a listing by number (1-based). */
export type PageReader<E> = (page: number) => Promise<ListingPage<E>>;

/** The most pages one search reads before it gives up (and says so). */
export const MAX_LISTING_PAGES = 200;

/** The most time one search spends reading before it gives up (and says so), in milliseconds. */
export const LISTING_TIME_BUDGET_MS = 20_000;

/** How many times one search starts over after the listing shifted under it, before it gives up. */
export const MAX_LISTING_RESTARTS = 2;

/**
 * How many strictly descending dates, with no ascending step between them, prove a listing newest
 * first. A prefix of a shuffled listing is that well ordered with a chance below 1 in 20!, so the
 * search may then stop at the first entry older than its window.
 */
export const ORDER_PROOF_STEPS = 20;

/** What reading a listing gave: the distinct entries seen, and whether they are all there could be. */
export interface ListingRead {
  entries: MovementEntry[];
  /** Pages read. */
  pages: number;
  /** True when every entry that could fall in the window was read. */
  complete: boolean;
  /** How the end was established, or why the listing was not read to its end. */
  reason: string;
  /** The failure of a page read, when one failed. */
  error?: unknown;
}

function pageCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

// An entry as a listing shows it: the same key is the same entry (a listing shifted by a new one);
// a different one with the same id counts, and so does one whose status differs (a declined try
// and the applied one). Two reads of a page that did not move give the same keys in order.
function entryKey(e: MovementEntry): string {
  return JSON.stringify([e.id, e.amount, e.currency, e.type, e.date, e.note, e.status]);
}

function itemsOf(result: ListingPage<MovementEntry> | undefined): MovementEntry[] {
  return Array.isArray(result?.items) ? result.items : [];
}

/**
 * Reads a listing until every entry that could fall at or after `from` has been read: to an empty
 * page (a short page is not the end: servers may cap the page size), or to a page that repeats the
 * page before (a server clamping the page number, once earlier pages showed it honours page
 * numbers, or past a `totalPages` nothing contradicts). A page past `totalPages` with new entries
 * proves the count wrong; reading then goes on. It stops early only when the dates prove the
 * listing newest first ({@link ORDER_PROOF_STEPS}) and an entry older than `from` was read. After
 * each page it reads the page before again: when that changed, entries moved between the two reads
 * (one deleted or inserted above shifts every later one), so one may have slipped past unread, and
 * the search starts over, at most {@link MAX_LISTING_RESTARTS} times. Bounded by
 * {@link MAX_LISTING_PAGES} and {@link LISTING_TIME_BUDGET_MS}; a bound hit leaves it incomplete.
 */
export async function readListing(read: PageReader<MovementEntry>, from: number): Promise<ListingRead> {
  const started = Date.now();
  for (let pass = 1; ; pass++) {
    const entries: MovementEntry[] = [];
    const seen = new Set<string>();
    // Order evidence: the last placed date, and the descending steps so far (none after an ascending one).
    let last = Number.NaN;
    let steps = 0;
    let lastTotal: number | undefined;
    let countWrong = false;
    let previous = '';
    const done = (pages: number, complete: boolean, reason: string, error?: unknown): ListingRead => ({
      entries,
      pages,
      complete,
      reason,
      error,
    });
    for (let page = 1; ; page++) {
      const pages = page - 1;
      if (page > MAX_LISTING_PAGES) return done(pages, false, `reading stopped at ${pages} pages`);
      if (page > 1 && Date.now() - started >= LISTING_TIME_BUDGET_MS) {
        return done(pages, false, `reading stopped after ${LISTING_TIME_BUDGET_MS / 1000} s`);
      }
      let result: ListingPage<MovementEntry>;
      let reading = page;
      try {
        result = await read(page);
        reading = pages;
        if (page > 1 && `${itemsOf(await read(pages)).map(entryKey)}` !== previous) {
          if (pass > MAX_LISTING_RESTARTS) {
            return done(pages, false, `the listing shifted while it was read, ${pass} times`);
          }
          break;
        }
      } catch (error) {
        return done(pages, false, `reading page ${reading} failed`, error);
      }
      const items = itemsOf(result);
      const pageKey = `${items.map(entryKey)}`;
      const repeat = pageKey === previous;
      previous = pageKey;
      const total = pageCount(result?.totalPages);
      lastTotal = total ?? lastTotal;
      if (items.length === 0) {
        // An empty page the server's own count says is not the last proves no end: not "not there".
        if (lastTotal !== undefined && page <= lastTotal && !countWrong) {
          return done(page, false, `page ${page} was empty, but the listing counts ${lastTotal} pages`);
        }
        return done(page, true, `page ${page} was empty`);
      }
      const known = entries.length;
      for (const item of items) {
        const time = entryTime(item.date);
        // A date that cannot be placed neither proves nor refutes the order.
        if (typeof time === 'number') {
          if (time > last) steps = Number.NEGATIVE_INFINITY;
          if (time < last) steps++;
          last = time;
        }
        const key = entryKey(item);
        if (!seen.has(key)) entries.push(item);
        seen.add(key);
      }
      const fresh = entries.length > known;
      const pastCount = total !== undefined && page > total;
      if (pastCount && fresh) countWrong = true;
      // A page that repeats the one before, once the server has shown it honours page numbers (or
      // past a count nothing contradicts), is a server clamping the page number: the end.
      if (repeat && (page > 2 || (pastCount && !countWrong))) {
        return done(page, true, `page ${page} repeated page ${pages}`);
      }
      if (!fresh) {
        return done(
          page,
          false,
          `page ${page} repeated entries already read: the server may ignore the page number`,
        );
      }
      // In a listing proven newest first, the last date read is the oldest so far.
      if (last < from && steps >= ORDER_PROOF_STEPS) {
        return done(page, true, 'the dates show it newest first, past the window');
      }
    }
  }
}
