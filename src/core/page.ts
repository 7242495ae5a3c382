import { RequestAbortedError, ValidationError } from './errors.js';
import type { RequestOptions } from './spec.js';

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
  for (const [field, value] of [
    ['page', page],
    ['limit', limit],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new ValidationError(`${field} must be a whole number of 1 or more.`, {
        field,
        rule: 'range',
        operation,
        hint: `Set ${field} to a whole number from 1, or leave it out for the default.`,
      });
    }
  }
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
  /** True when another page may follow (by `totalPages`, else by this page being full). */
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

function hasNext<T>(page: PageData<T>): boolean {
  if (page.data.length === 0) return false;
  if (page.totalPages !== undefined) return page.page < page.totalPages;
  return page.data.length >= page.limit;
}

async function* itemsFrom<T>(first: Page<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  let current: Page<T> = first;
  while (true) {
    yield* current.data;
    if (!current.hasNextPage()) return;
    // Ending quietly would look like the last page to the caller, so an abort is an error.
    if (signal?.aborted) {
      throw new RequestAbortedError('The list iteration was aborted before the next page.', {
        hint: 'The AbortSignal passed in options fired; the items seen so far are not the whole list.',
      });
    }
    current = await current.nextPage();
  }
}

function toPage<T>(data: PageData<T>, fetch: PageFetcher<T>, signal: AbortSignal | undefined): Page<T> {
  const page: Page<T> = {
    ...data,
    hasNextPage: () => hasNext(data),
    nextPage: async () => {
      if (!hasNext(data)) throw new RangeError('There is no next page.');
      return toPage(await fetch(data.page + 1), fetch, signal);
    },
    [Symbol.asyncIterator]: () => itemsFrom(page, signal),
  };
  return page;
}

/**
 * What `list()` returns: await it for the first page, or `for await` over every item of every
 * page. Pages are fetched lazily, one at a time, and the call's `signal` stops the iteration.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #first: number;
  readonly #signal: AbortSignal | undefined;
  #promise: Promise<Page<T>> | undefined;

  /** Starts at page `first` (fetched on first use). */
  constructor(fetch: PageFetcher<T>, first: number, options: RequestOptions | undefined) {
    this.#fetch = fetch;
    this.#first = first;
    this.#signal = options?.signal;
  }

  #load(): Promise<Page<T>> {
    this.#promise ??= this.#fetch(this.#first).then((data) => toPage(data, this.#fetch, this.#signal));
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

  /** Iterates every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    yield* await this.#load();
  }
}
