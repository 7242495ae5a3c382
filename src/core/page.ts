import { RequestAbortedError } from './errors.js';
import { positiveWhole } from './params.js';

/** Paging of list methods. */
export interface PageParams {
  /** Page to start from (1-based). Default 1. */
  page?: number;
  /** Items per page. Default 10. */
  limit?: number;
}

/**
 * Checks paging numbers and applies the defaults (page 1, 10 per page).
 *
 * @throws {ValidationError} for a page or limit that is not a whole number of 1 or more.
 */
export function checkPageParams(
  params: PageParams | undefined,
  operation: string,
): { page: number; limit: number } {
  const page = params?.page ?? 1;
  const limit = params?.limit ?? 10;
  positiveWhole(page, 'page', operation);
  positiveWhole(limit, 'limit', operation);
  return { page, limit };
}

/** One page of a list, as the API returned it. */
export interface PageData<T> {
  /** The items of this page. */
  data: T[];
  /** This page's number (1-based). */
  page: number;
  /** Page size asked for. */
  limit: number;
  /** Number of pages, when the endpoint says. */
  totalPages?: number | undefined;
}

/** A page of a list that can also iterate every item of this and all following pages. */
export interface Page<T> extends PageData<T>, AsyncIterable<T> {
  /**
   * True when another page may follow. A short page is not the end (a server may send fewer
   * items than `limit` asked for): the list ends at an empty page, at a page that repeats the one
   * before it, or at the page `totalPages` names when that page is shorter than an earlier one.
   */
  hasNextPage(): boolean;
  /**
   * Fetches the page after this one.
   *
   * @throws {RangeError} when there is no next page.
   */
  nextPage(): Promise<Page<T>>;
}

/** Fetches one page by number. */
export type PageFetcher<T> = (page: number) => Promise<PageData<T>>;

/** What a walk through the pages has seen before a page: it decides where the list ends. */
interface Walk {
  /** Items of the largest page seen before. */
  largest: number;
  /** Set once a page past `totalPages` held new items: the count is wrong, read to an empty page. */
  countWrong: boolean;
  /** Keys of the page before, to spot a server that repeats a page (clamps or ignores `page`). */
  previous: string[] | undefined;
}

const START: Walk = { largest: 0, countWrong: false, previous: undefined };

function itemKey(item: unknown): string {
  if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') {
    return `id:${(item as { id: string }).id}`;
  }
  try {
    return `json:${JSON.stringify(item)}`;
  } catch {
    return `str:${String(item)}`;
  }
}

interface PageState {
  /** False when this page ends the list. */
  more: boolean;
  /** True when this page only repeats the one before (it ends the list and is not yielded). */
  repeat: boolean;
  /** What the walk has seen including this page. */
  next: Walk;
}

function pageState<T>(data: PageData<T>, walk: Walk): PageState {
  const keys = data.data.map(itemKey);
  const next: Walk = {
    largest: Math.max(walk.largest, keys.length),
    countWrong: walk.countWrong,
    previous: keys,
  };
  if (keys.length === 0) return { more: false, repeat: false, next };
  const previous = walk.previous;
  if (previous?.length === keys.length && previous.every((key, i) => key === keys[i])) {
    return { more: false, repeat: true, next };
  }
  const total = data.totalPages;
  const counted = typeof total === 'number' && Number.isSafeInteger(total) && total >= 0;
  if (counted && data.page > total) next.countWrong = true;
  // The announced last page is trusted only when it is short next to an earlier one.
  const last = counted && !next.countWrong && data.page >= total && keys.length < walk.largest;
  return { more: !last, repeat: false, next };
}

async function* itemsFrom<T>(first: Page<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  let current: Page<T> = first;
  while (true) {
    if (!REPEATS.has(current)) yield* current.data;
    if (!current.hasNextPage()) return;
    // Ending quietly would look like the last page to the caller, so an abort is an error.
    if (signal?.aborted) {
      throw new RequestAbortedError('List aborted before the next page.', {
        hint: 'Your AbortSignal fired: the list is incomplete.',
      });
    }
    current = await current.nextPage();
  }
}

// Pages that only repeat the page before: iteration ends there without yielding them again.
const REPEATS = new WeakSet<object>();

function toPage<T>(
  data: PageData<T>,
  fetch: PageFetcher<T>,
  signal: AbortSignal | undefined,
  walk: Walk,
): Page<T> {
  const state = pageState(data, walk);
  const page: Page<T> = {
    ...data,
    hasNextPage: () => state.more,
    nextPage: async () => {
      if (!state.more) throw new RangeError('There is no next page.');
      return toPage(await fetch(data.page + 1), fetch, signal, state.next);
    },
    [Symbol.asyncIterator]: () => itemsFrom(page, signal),
  };
  if (state.repeat) REPEATS.add(page);
  return page;
}

/** Where a list starts, once its parameters and options are checked and copied. */
export interface ListStart<T> {
  /** Fetches one page by number. */
  fetch: PageFetcher<T>;
  /** The first page's number. */
  first: number;
  /** The call's signal: it stops the iteration. */
  signal: AbortSignal | undefined;
}

/**
 * What `list()` returns: await it (or `.then`/`.catch`/`.finally`) for the first page, or
 * `for await` over every item of every page. Nothing is checked or sent until it is awaited or
 * iterated; `start` then runs once (so a bad parameter rejects, never throws) and pages are
 * fetched lazily, one at a time, the call's `signal` stopping the iteration.
 */
export class PagePromise<T> implements Promise<Page<T>>, AsyncIterable<T> {
  readonly #start: () => ListStart<T>;
  #promise: Promise<Page<T>> | undefined;

  /**
   * Checks the list's input with `start` on first use, then fetches its first page.
   *
   * @internal Built by the list methods, not by callers.
   */
  constructor(start: () => ListStart<T>) {
    this.#start = start;
  }

  /** `PagePromise`, for `Object.prototype.toString`. */
  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }

  #load(): Promise<Page<T>> {
    this.#promise ??= (async () => {
      const { fetch, first, signal } = this.#start();
      return toPage(await fetch(first), fetch, signal, START);
    })();
    return this.#promise;
  }

  /** Resolves to the first page. */
  // biome-ignore lint/suspicious/noThenProperty: a list result is awaitable by design.
  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#load().then(onFulfilled, onRejected);
  }

  /** Handles a failure to fetch the first page. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.then(undefined, onRejected);
  }

  /** Runs `onFinally` once the first page is fetched or failed. */
  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#load().finally(onFinally);
  }

  /** Iterates every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    yield* await this.#load();
  }
}
