import * as fc from 'fast-check';
import type { ListingPage, PageReader } from '../../src/resources/movement-listing.js';
import type { MovementEntry } from '../../src/resources/movement-match.js';
import type { MovementKind } from '../../src/resources/reconcile-words.js';

// Fakes for the movement search: listings a real server might send and our sandbox never does
// (capped pages, any order, wrong page counts, clamped pages, rewritten fields).

/** How a fake server reports its page count. */
export type CountMode = 'absent' | 'right' | 'small' | 'large' | 'zero';
/** What a fake server answers past the last page. */
export type PastMode = 'empty' | 'repeat-last';
/** How a fake server orders its listing. */
export type OrderMode = 'asc' | 'desc' | 'shuffled';

/** A fake listing endpoint's behaviour. */
export interface ServerShape {
  /** Most items per page, whatever the SDK asked for. */
  cap: number;
  count: CountMode;
  past: PastMode;
  order: OrderMode;
}

/** One listed entry and the instant it stands for (its date string may not show it). */
export interface Placed {
  entry: MovementEntry;
  at: number;
}

/** The shape of a fake listing endpoint. */
export const serverShape: fc.Arbitrary<ServerShape> = fc.record({
  cap: fc.integer({ min: 1, max: 60 }),
  count: fc.constantFrom<CountMode>('absent', 'right', 'small', 'large', 'zero'),
  past: fc.constantFrom<PastMode>('empty', 'repeat-last'),
  order: fc.constantFrom<OrderMode>('asc', 'desc', 'shuffled'),
});

/** Non-empty pages a fake server holds for `n` items. */
export function pageTotal(n: number, cap: number, limit: number): number {
  return Math.ceil(n / Math.min(cap, limit));
}

/**
 * Orders `placed` as the server would (`keys` shuffles), and serves it in pages of at most
 * `min(cap, limit)`; `calls` records the pages asked for.
 */
export function serveListing(
  placed: Placed[],
  shape: ServerShape,
  keys: number[],
  limit = 50,
): { page: PageReader<MovementEntry>; calls: number[]; ordered: MovementEntry[] } {
  const indexed = placed.map((p, i) => ({ ...p, key: keys[i % Math.max(1, keys.length)] ?? i }));
  if (shape.order === 'asc') indexed.sort((a, b) => a.at - b.at);
  if (shape.order === 'desc') indexed.sort((a, b) => b.at - a.at);
  if (shape.order === 'shuffled') indexed.sort((a, b) => a.key - b.key);
  const ordered = indexed.map((p) => p.entry);
  const size = Math.min(shape.cap, limit);
  const last = pageTotal(ordered.length, shape.cap, limit);
  const counts: Record<CountMode, number | undefined> = {
    absent: undefined,
    right: Math.max(1, last),
    small: Math.max(1, last - 2),
    large: last + 3,
    zero: 0,
  };
  const calls: number[] = [];
  const page = async (n: number): Promise<ListingPage<MovementEntry>> => {
    calls.push(n);
    let items = ordered.slice((n - 1) * size, n * size);
    if (items.length === 0 && shape.past === 'repeat-last' && last > 0) {
      items = ordered.slice((last - 1) * size, last * size);
    }
    const totalPages = counts[shape.count];
    return totalPages === undefined ? { items } : { items, totalPages };
  };
  return { page, calls, ordered };
}

/**
 * True when a listing of `n` items may legitimately stay incomplete: a single page that the
 * server then repeats, with no page count that says it is the only one (a server ignoring the
 * page number looks the same).
 */
export function ambiguousEnd(n: number, shape: ServerShape, limit = 50): boolean {
  return (
    // A count larger than the pages served: an empty page it says is not the last proves no end.
    shape.count === 'large' ||
    (shape.past === 'repeat-last' &&
      pageTotal(n, shape.cap, limit) === 1 &&
      (shape.count === 'absent' || shape.count === 'zero'))
  );
}

/** Type spellings the SDK knows, per kind. */
export const TYPES: Readonly<Record<MovementKind, readonly string[]>> = {
  topup: ['topup', 'TOP_UP', 'top-up', 'Deposit', 'card_topup'],
  withdraw: ['withdraw', 'WITHDRAWAL', 'unload', 'card-withdrawal'],
};

/** Known types that are neither kind a call makes. */
export const OTHER_TYPES: readonly string[] = ['purchase', 'refund', 'fee', 'issue', 'reissue', 'chargeback'];

/** Types the SDK does not recognise: any of them might be a movement. */
export const UNKNOWN_TYPES: readonly string[] = ['credit', 'ADJUSTMENT', 'p2p_in', 'balance_change'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `at` as an ISO 8601 date-time in the zone `offset` minutes from UTC (`Z` for 0). */
export function zoned(at: number, offset: number): string {
  const local = new Date(at + offset * 60_000).toISOString().slice(0, 23);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Zone offsets in minutes, as servers send them. */
export const OFFSETS: readonly number[] = [0, 60, 120, -300, 330, -600, 840];

/** A change a live listing goes through between two requests: an entry removed, or a new one listed. */
export type ListingEvent =
  | {
      /** After this many page requests. */
      after: number;
      /** An entry disappears, e.g. a pending authorisation that expired. */
      op: 'delete';
      /** Which of the entries listed at the time, by position (modulo their count). */
      at: number;
    }
  | {
      after: number;
      /** A new entry appears at `at` (modulo the count + 1), e.g. a new purchase on top. */
      op: 'insert';
      at: number;
      entry: MovementEntry;
    };

/**
 * A listing that changes while it is read, as a live ledger does and our sandbox never does:
 * `events` delete or insert entries between page requests, shifting every entry below. Entries
 * in `keep` are never deleted (the bank's own record of the call stays). Pages of `size`.
 */
export function liveListing(
  initial: MovementEntry[],
  size: number,
  events: ListingEvent[],
  keep: ReadonlySet<string> = new Set(),
): { page: PageReader<MovementEntry>; calls: number[]; rows: () => MovementEntry[] } {
  const rows = [...initial];
  const calls: number[] = [];
  const pending = [...events].sort((a, b) => a.after - b.after);
  const page = async (n: number): Promise<ListingPage<MovementEntry>> => {
    while (pending.length > 0 && (pending[0]?.after ?? Number.POSITIVE_INFINITY) <= calls.length) {
      const event = pending.shift() as ListingEvent;
      if (event.op === 'insert') rows.splice(event.at % (rows.length + 1), 0, event.entry);
      else {
        const deletable = rows.filter((r) => !keep.has(r.id));
        const gone = deletable[event.at % Math.max(1, deletable.length)];
        if (gone) rows.splice(rows.indexOf(gone), 1);
      }
    }
    calls.push(n);
    return { items: rows.slice((n - 1) * size, n * size) };
  };
  return { page, calls, rows: () => [...rows] };
}

/** Schedules of up to `max` listing events over the first `requests` page requests. */
export function listingEvents(
  requests: number,
  max: number,
  newEntry: (i: number) => MovementEntry,
): fc.Arbitrary<ListingEvent[]> {
  const event = fc.record({
    after: fc.integer({ min: 1, max: requests }),
    op: fc.constantFrom<'delete' | 'insert'>('delete', 'insert'),
    at: fc.nat({ max: 1000 }),
  });
  return fc
    .array(event, { maxLength: max })
    .map((list) =>
      list.map(
        (e, i): ListingEvent =>
          e.op === 'delete' ? { ...e, op: 'delete' } : { ...e, op: 'insert', entry: newEntry(i) },
      ),
    );
}
