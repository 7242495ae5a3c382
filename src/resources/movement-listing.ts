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

function itemsOf(result: ListingPage<MovementEntry> | undefined): MovementEntry[] {
  return Array.isArray(result?.items) ? result.items : [];
}

// What tells two listed entries with the same id apart.
const FIELDS = ['amount', 'currency', 'type', 'date', 'note', 'status'] as const;

// What a page showed, entry by entry and in order: two reads of a page that did not move match.
function pageKey(items: MovementEntry[]): string {
  return JSON.stringify(items.map((e) => [e.id, ...FIELDS.map((field) => e[field])]));
}

function sameEntry(a: MovementEntry, b: MovementEntry): boolean {
  return FIELDS.every((field) => a[field] === b[field]);
}

/** Order evidence gathered while reading: is the listing provably newest first, and past `from`? */
class OrderProof {
  #last: number | undefined;
  #steps = 0;
  #ordered = true;
  #passed = false;
  readonly #from: number;

  constructor(from: number) {
    this.#from = from;
  }

  see(entry: MovementEntry): void {
    const time = entryTime(entry.date);
    if (typeof time !== 'number') return; // cannot be placed, so it neither proves nor refutes
    if (this.#last !== undefined && time > this.#last) this.#ordered = false;
    if (this.#last !== undefined && time < this.#last) this.#steps++;
    this.#last = time;
    if (time < this.#from) this.#passed = true;
  }

  get proven(): boolean {
    return this.#ordered && this.#passed && this.#steps >= ORDER_PROOF_STEPS;
  }
}

/**
 * Reads a listing until every entry that could fall at or after `from` has been read: to an empty
 * page (a short page is not the end: servers may cap the page size), or to a page that repeats the
 * page before (a server clamping the page number, once earlier pages showed it honours page
 * numbers, or past a `totalPages` nothing contradicts). A page past `totalPages` with new entries
 * proves the count wrong; reading then goes on. It stops early only when the dates prove the
 * listing newest first and an entry older than `from` was read. After each page it reads the page
 * before again: when that changed, entries moved between the two reads (one deleted or inserted
 * above shifts every later one), so one may have slipped past unread, and the search starts over,
 * at most {@link MAX_LISTING_RESTARTS} times. Bounded by {@link MAX_LISTING_PAGES} and
 * {@link LISTING_TIME_BUDGET_MS}; a bound hit leaves it incomplete.
 */
export async function readListing(read: PageReader<MovementEntry>, from: number): Promise<ListingRead> {
  const started = Date.now();
  for (let restarts = 0; ; restarts++) {
    const pass = await readPass(read, from, started);
    if (pass.shifted === undefined) return pass;
    if (restarts >= MAX_LISTING_RESTARTS) {
      return {
        entries: pass.entries,
        pages: pass.pages,
        complete: false,
        reason: `the listing shifted while it was read (page ${pass.shifted} changed between two reads), ${restarts + 1} times`,
      };
    }
  }
}

// One reading of the listing from page 1; `shifted` names the page that changed under it.
async function readPass(
  read: PageReader<MovementEntry>,
  from: number,
  started: number,
): Promise<ListingRead & { shifted?: number }> {
  const entries: MovementEntry[] = [];
  const byId = new Map<string, MovementEntry[]>();
  const order = new OrderProof(from);
  let lastTotal: number | undefined;
  let countWrong = false;
  let previous: string[] = [];
  let previousKey = '';
  const done = (pages: number, complete: boolean, reason: string): ListingRead => ({
    entries,
    pages,
    complete,
    reason,
  });
  for (let page = 1; ; page++) {
    const pages = page - 1;
    if (page > MAX_LISTING_PAGES) {
      return done(pages, false, `reading stopped after ${MAX_LISTING_PAGES} pages, the most it reads`);
    }
    if (page > 1 && Date.now() - started >= LISTING_TIME_BUDGET_MS) {
      return done(
        pages,
        false,
        `reading stopped after ${LISTING_TIME_BUDGET_MS / 1000} s, the most it spends`,
      );
    }
    let result: ListingPage<MovementEntry>;
    let reading = page;
    try {
      result = await read(page);
      reading = pages;
      if (page > 1 && pageKey(itemsOf(await read(pages))) !== previousKey) {
        return { ...done(pages, false, `page ${pages} changed`), shifted: pages };
      }
    } catch (error) {
      return { ...done(pages, false, `reading page ${reading} failed`), error };
    }
    const items = itemsOf(result);
    previousKey = pageKey(items);
    if (items.length === 0) {
      // An empty page the server's own count says is not the last proves no end: not "not there".
      const counted = pageCount(result?.totalPages) ?? lastTotal;
      if (counted !== undefined && page <= counted && !countWrong) {
        return done(page, false, `page ${page} was empty, but the listing counts ${counted} pages`);
      }
      return done(page, true, `read to its end (page ${page} was empty)`);
    }
    let fresh = 0;
    const ids = items.map((item) => item.id);
    const repeat = ids.length === previous.length && ids.every((id, i) => id === previous[i]);
    previous = ids;
    for (const item of items) {
      order.see(item);
      const twins = byId.get(item.id) ?? [];
      // The same entry again (a listing shifted by a new entry); a different one with the same id
      // counts, and so does one whose status differs (a declined try and the applied one).
      if (twins.some((seen) => sameEntry(seen, item))) continue;
      twins.push(item);
      byId.set(item.id, twins);
      entries.push(item);
      fresh++;
    }
    const total = pageCount(result?.totalPages);
    lastTotal = total ?? lastTotal;
    if (total !== undefined && page > total && fresh > 0) countWrong = true;
    // A page that repeats the one before, once the server has shown it honours page numbers (or
    // past a count nothing contradicts), is a server clamping the page number: the end.
    if (repeat && (page > 2 || (total !== undefined && page > total && !countWrong))) {
      return done(page, true, `read to its end (page ${page} repeated the page before)`);
    }
    if (fresh === 0) {
      return done(
        page,
        false,
        `page ${page} only repeated entries already read, so the server may ignore the page number`,
      );
    }
    if (order.proven) {
      return done(page, true, `read back past the window (the dates show the listing newest first)`);
    }
  }
}
