import type { FeedState } from './cursor.js';

/** How a read treats the listing and the cursor. */
export interface ReadSettings {
  /** First call only: deliver everything listed (`all`) or only what comes later (`now`). */
  start: 'all' | 'now';
  /** How long after its date a transaction may still first appear, in ms. */
  latenessMs: number;
  /** Most transaction ids a cursor remembers. */
  maxIds: number;
}

/** A transaction as the feed delivers it: `update` is true when it was delivered before with another status or amount. */
export type FeedEntry<T> = T & {
  /** True when this transaction was delivered before and its status or amount changed since. */
  readonly update: boolean;
};

/** FNV-1a of the status and amount: a short fingerprint that changes when either does. */
function fingerprint(item: { status?: unknown; amount?: unknown }): string {
  const text = `${String(item.status)}|${String(item.amount)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

interface Found<T> {
  item: T;
  at: number;
}

interface Scan<T> {
  /** Each transaction once, with its latest content, in listing order. */
  found: Map<string, Found<T>>;
  /** The date of the first dated transaction read. */
  anchor: number | undefined;
  /** True when no transaction was newer than the one before it. */
  ordered: boolean;
  /** How often a transaction was strictly older than the one before it. */
  descents: number;
  /** True when the read reached an empty page, or stopped early as it may. */
  complete: boolean;
}

/** Fetches page `page` (1-based) of a listing. */
export type PageReader<T> = (page: number) => Promise<readonly T[]>;

// A server that ignores `page` repeats one page forever, while a listing that shifts as new
// transactions arrive repeats a whole page only when a page's worth arrived between two fetches.
const STALE_PAGES = 3;

/**
 * Reads a listing expected newest first, page by page to an empty page. With `stopBelow`, it
 * stops at the first transaction dated before it while the order held (no transaction newer than
 * the one before it). Repeats (a listing that shifts while its pages are read) count once, with
 * their latest content, and are left out of the order check; a page that repeats the one before
 * is no end (the SDK's list iteration ends there), but three pages without a new transaction are.
 */
async function scan<T extends { id: string }>(
  readPage: PageReader<T>,
  dateOf: (item: T) => unknown,
  stopBelow: number | undefined,
): Promise<Scan<T>> {
  const out: Scan<T> = { found: new Map(), anchor: undefined, ordered: true, descents: 0, complete: false };
  let previous: number | undefined;
  let stale = 0;
  for (let page = 1; stale < STALE_PAGES; page++) {
    const items = await readPage(page);
    if (items.length === 0) {
      out.complete = true;
      break;
    }
    stale += 1;
    for (const item of items) {
      const date = dateOf(item);
      const at = typeof date === 'string' ? Date.parse(date) : Number.NaN;
      const repeat = out.found.has(item.id);
      out.found.set(item.id, { item, at });
      if (repeat) continue;
      stale = 0;
      if (Number.isNaN(at)) continue;
      out.anchor ??= at;
      if (previous !== undefined && at > previous) out.ordered = false;
      if (previous !== undefined && at < previous) out.descents += 1;
      previous = at;
      if (stopBelow !== undefined && out.ordered && at < stopBelow) {
        out.complete = true;
        return out;
      }
    }
  }
  return out;
}

/**
 * One read of the feed: what to deliver and the state for the next cursor. A read stops early
 * only when the cursor says an earlier read of the whole listing found it newest first; a read
 * that sees the order broken clears that, so the next reads go to the end until a whole read
 * finds the order again.
 *
 * The floor moves to `anchor - latenessMs`, where the anchor is the first dated transaction read
 * (listed when the read began, so dated no later than that): a transaction that first appears
 * after the read began, within the lateness bound of its date, is then still above the floor of
 * the next read.
 */
export async function readFeed<T extends { id: string; status?: unknown; amount?: unknown }>(
  readPage: PageReader<T>,
  dateOf: (item: T) => unknown,
  state: FeedState | undefined,
  settings: ReadSettings,
): Promise<{ entries: FeedEntry<T>[]; state: FeedState }> {
  const { latenessMs, maxIds } = settings;
  const quiet = state === undefined && settings.start === 'now';
  const floor = state?.floor ?? Number.NEGATIVE_INFINITY;
  // Stopping early is earned: only after a whole read showed the listing newest first.
  const read = await scan(readPage, dateOf, state?.verified === true ? floor : undefined);
  const { found, anchor } = read;
  const verified = read.ordered && (read.descents >= 2 || state?.verified === true);
  // A read cut short may have missed older transactions: the floor moves only after a whole read.
  let next = anchor === undefined || !read.complete ? floor : Math.max(floor, anchor - latenessMs);
  let newest = Number.NEGATIVE_INFINITY;
  for (const { at } of found.values()) if (at > newest) newest = at;

  const entries: Array<{ entry: FeedEntry<T>; at: number }> = [];
  const seen = new Map<string, { fp: string; at: number }>();
  for (const [id, value] of state?.seen ?? []) if (value.at >= next) seen.set(id, value);
  for (const [id, { item, at }] of found) {
    // An undated transaction counts as dated with the newest date of this read.
    const date = Number.isNaN(at) ? newest : at;
    if (date < floor) continue;
    const fp = fingerprint(item);
    const before = state?.seen.get(id);
    if (!quiet && before?.fp !== fp)
      entries.push({ entry: { ...item, update: before !== undefined }, at: date });
    if (date >= next) seen.set(id, { fp, at: date });
  }

  if (seen.size > maxIds) {
    // Too many to remember: the floor rises past the oldest forgotten one, so it is never delivered again.
    const dates = [...seen.values()].map((v) => v.at).sort((a, b) => b - a);
    next = Math.max(next, (dates[maxIds] ?? next) + 1);
    for (const [id, value] of seen) if (value.at < next) seen.delete(id);
    while (seen.size > maxIds) seen.delete(seen.keys().next().value as string);
  }
  entries.sort((a, b) => a.at - b.at);
  return { entries: entries.map((e) => e.entry), state: { floor: next, seen, verified } };
}
