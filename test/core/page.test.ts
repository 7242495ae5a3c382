import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestAbortedError } from '../../src/core/errors.js';
import { type Page, type PageData, type PageFetcher, PagePromise } from '../../src/core/page.js';

interface Script {
  fetcher: PageFetcher<string>;
  calls: number[];
}

/** Pages of letters, `limit` per page; `totalPages` only when `announce` is set. */
function pages(
  items: string[],
  limit: number,
  options: { announce?: boolean; signal?: AbortSignal } = {},
): Script {
  const calls: number[] = [];
  const fetcher: PageFetcher<string> = async (page) => {
    calls.push(page);
    if (options.signal?.aborted) {
      throw new RequestAbortedError('aborted', { hint: 'h' });
    }
    const data = items.slice((page - 1) * limit, page * limit);
    const result: PageData<string> = { data, page, limit };
    if (options.announce) result.totalPages = Math.ceil(items.length / limit);
    return result;
  };
  return { fetcher, calls };
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const LETTERS = ['a', 'b', 'c', 'd', 'e'];

function pagePromise<T>(
  fetch: PageFetcher<T>,
  first: number,
  options: { signal?: AbortSignal } | undefined,
): PagePromise<T> {
  return new PagePromise(() => ({ fetch, first, signal: options?.signal }));
}

describe('PagePromise', () => {
  it('fetches nothing until used', async () => {
    const { fetcher, calls } = pages(LETTERS, 2);
    const list = pagePromise(fetcher, 1, undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([]);
    await list;
    expect(calls).toEqual([1]);
  });

  it('resolves to the first page when awaited, fetching it once however often it is awaited', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const list = pagePromise(fetcher, 1, undefined);
    const page = await list;
    expect(page.data).toEqual(['a', 'b']);
    expect(page.page).toBe(1);
    expect(page.limit).toBe(2);
    expect(page.totalPages).toBe(3);
    expect(page.hasNextPage()).toBe(true);
    await list;
    await list.then((p) => p.data);
    expect(calls).toEqual([1]);
  });

  it('walks every item of every page and stops at totalPages', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual(LETTERS);
    expect(calls).toEqual([1, 2, 3]);
  });

  // Reversed rule: a full page at totalPages used to end the list, but a count that is too small
  // would then hide the pages after it; one more read confirms the end.
  it('confirms a full page at totalPages with one more read, since the count may be too small', async () => {
    const { fetcher, calls } = pages(['a', 'b', 'c', 'd'], 2, { announce: true });
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual([1, 2, 3]);
  });

  // Reversed rule: a short page used to end the list, but a server that caps the page size below
  // the requested limit sends short pages all along; without totalPages the end is an empty page.
  it('reads past a short page to an empty one when the endpoint gives no totalPages', async () => {
    const { fetcher, calls } = pages(LETTERS, 2);
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual(LETTERS);
    expect(calls).toEqual([1, 2, 3, 4]);
  });

  it('stops at an empty page after a full one', async () => {
    const { fetcher, calls } = pages(['a', 'b', 'c', 'd'], 2);
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('yields nothing for an empty list, in one fetch', async () => {
    const { fetcher, calls } = pages([], 2, { announce: true });
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual([]);
    expect(calls).toEqual([1]);
  });

  it('starts at the page it is given', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    expect(await collect(pagePromise(fetcher, 2, undefined))).toEqual(['c', 'd', 'e']);
    expect(calls).toEqual([2, 3]);
  });

  it('fetches lazily, one page at a time, as the loop advances', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const seen: Array<[string, number[]]> = [];
    for await (const item of pagePromise(fetcher, 1, undefined)) {
      seen.push([item, [...calls]]);
      if (item === 'c') break;
    }
    expect(seen).toEqual([
      ['a', [1]],
      ['b', [1]],
      ['c', [1, 2]],
    ]);
    expect(calls).toEqual([1, 2]);
  });

  it('lets a page be iterated and paged by hand', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const first = await pagePromise(fetcher, 1, undefined);
    expect(await collect(first)).toEqual(LETTERS);
    const second = await first.nextPage();
    expect(second.data).toEqual(['c', 'd']);
    const third = await second.nextPage();
    expect(third.hasNextPage()).toBe(false);
    await expect(third.nextPage()).rejects.toBeInstanceOf(RangeError);
    expect(calls).toEqual([1, 2, 3, 2, 3]);
  });

  it('passes a fetch failure to await and to for await', async () => {
    const failing: PageFetcher<string> = async (page) => {
      if (page === 2) throw new RequestAbortedError('page 2 failed', { hint: 'h' });
      return { data: ['a', 'b'], page, limit: 2 };
    };
    await expect(pagePromise(failing, 2, undefined)).rejects.toThrow('page 2 failed');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of pagePromise(failing, 1, undefined)) seen.push(item);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual(['a', 'b']);
  });

  it('rejects with the fetcher’s error when the signal is aborted before use', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetcher } = pages(LETTERS, 2, { signal: controller.signal });
    const list = pagePromise(fetcher, 1, { signal: controller.signal });
    await expect(collect(list)).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('stops fetching once the signal aborts mid-iteration, and says so instead of ending quietly', async () => {
    const controller = new AbortController();
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const seen: string[] = [];
    const walking = (async () => {
      for await (const item of pagePromise(fetcher, 1, { signal: controller.signal })) {
        seen.push(item);
        if (item === 'b') controller.abort();
      }
    })();
    await expect(walking).rejects.toBeInstanceOf(RequestAbortedError);
    expect(seen).toEqual(['a', 'b']);
    expect(calls).toEqual([1]);
  });

  // The last page must be provably last (short next to an earlier page at totalPages) for the
  // abort to come after the end; a lone full page could still have a successor.
  it('finishes normally when the signal aborts after the last page was fetched', async () => {
    const controller = new AbortController();
    const { fetcher } = pages(LETTERS, 2, { announce: true });
    const seen: string[] = [];
    for await (const item of pagePromise(fetcher, 1, { signal: controller.signal })) {
      seen.push(item);
      if (item === 'e') controller.abort();
    }
    expect(seen).toEqual(LETTERS);
  });
});

type Count = 'absent' | 'right' | 'small' | 'large' | 'zero';
type Past = 'empty' | 'repeat-last';

interface Server {
  /** Items in the list, unique. */
  items: string[];
  /** The most items the server sends per page, whatever `limit` asked for. */
  cap: number;
  count: Count;
  /** What pages past the end hold. */
  past: Past;
}

/** A fake list endpoint that caps page sizes and may send a wrong `totalPages` or clamp pages. */
function serve(server: Server, limit: number): Script {
  const calls: number[] = [];
  const size = Math.min(server.cap, limit);
  const pageTotal = Math.max(1, Math.ceil(server.items.length / size));
  const fetcher: PageFetcher<string> = async (page) => {
    calls.push(page);
    let data = server.items.slice((page - 1) * size, page * size);
    if (data.length === 0 && server.past === 'repeat-last' && server.items.length > 0) {
      data = server.items.slice((pageTotal - 1) * size, pageTotal * size);
    }
    const result: PageData<string> = { data, page, limit };
    const totals: Record<Count, number | undefined> = {
      absent: undefined,
      right: pageTotal,
      small: Math.max(1, pageTotal - 2),
      large: pageTotal + 3,
      zero: 0,
    };
    const total = totals[server.count];
    if (total !== undefined) result.totalPages = total;
    return result;
  };
  return { fetcher, calls };
}

const serverArb: fc.Arbitrary<Server> = fc.record({
  items: fc.integer({ min: 0, max: 90 }).map((n) => Array.from({ length: n }, (_, i) => `item-${i}`)),
  cap: fc.integer({ min: 1, max: 60 }),
  count: fc.constantFrom<Count>('absent', 'right', 'small', 'large', 'zero'),
  past: fc.constantFrom<Past>('empty', 'repeat-last'),
});

describe('PagePromise against servers that cap pages or miscount them', () => {
  it('reads every item when the server caps the page size below the limit (no totalPages)', async () => {
    const { fetcher } = serve(
      { items: LETTERS.concat(['f', 'g']), cap: 3, count: 'absent', past: 'empty' },
      50,
    );
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual([...LETTERS, 'f', 'g']);
  });

  it('reads past a totalPages that is too small, to an empty page', async () => {
    const items = Array.from({ length: 9 }, (_, i) => `i${i}`);
    const { fetcher, calls } = serve({ items, cap: 2, count: 'small', past: 'empty' }, 2);
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual(items);
    expect(calls).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('ends at a page that repeats the one before, without yielding it twice', async () => {
    const { fetcher, calls } = serve(
      { items: ['a', 'b', 'c', 'd'], cap: 2, count: 'right', past: 'repeat-last' },
      2,
    );
    expect(await collect(pagePromise(fetcher, 1, undefined))).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual([1, 2, 3]);
    const ignoring: PageFetcher<string> = async (page) => ({ data: ['a', 'b'], page, limit: 2 });
    expect(await collect(pagePromise(ignoring, 1, undefined))).toEqual(['a', 'b']);
  });

  it('yields exactly every item, in order, one page at a time, for any cap, limit and totalPages', async () => {
    await fc.assert(
      fc.asyncProperty(serverArb, fc.integer({ min: 1, max: 60 }), async (server, limit) => {
        const { fetcher, calls } = serve(server, limit);
        const seen: string[] = [];
        for await (const item of pagePromise(fetcher, 1, undefined)) {
          // Lazy: the page holding this item is the last one fetched.
          const size = Math.min(server.cap, limit);
          expect(calls.at(-1)).toBe(Math.floor(seen.length / size) + 1);
          seen.push(item);
        }
        expect(seen).toEqual(server.items);
        expect(calls).toEqual(calls.map((_, i) => i + 1));
        // At most two reads past the last page that holds items.
        const size = Math.min(server.cap, limit);
        expect(calls.length).toBeLessThanOrEqual(Math.ceil(server.items.length / size) + 2);
      }),
      { numRuns: 300 },
    );
  });

  it('pages by hand to the same end as iteration', async () => {
    await fc.assert(
      fc.asyncProperty(serverArb, fc.integer({ min: 1, max: 60 }), async (server, limit) => {
        const { fetcher } = serve(server, limit);
        let page = await pagePromise(fetcher, 1, undefined);
        const seen = [...page.data];
        let fetched = 1;
        while (page.hasNextPage()) {
          page = await page.nextPage();
          seen.push(...page.data);
          fetched++;
        }
        // Paging by hand shows a repeated page as the server sent it; iteration skips it.
        expect(fetched).toBeLessThanOrEqual(Math.ceil(server.items.length / Math.min(server.cap, limit)) + 2);
        expect(new Set(seen)).toEqual(new Set(server.items));
      }),
      { numRuns: 150 },
    );
  });
});

describe('PagePromise as a promise', () => {
  const failing: PageFetcher<string> = async () => {
    throw new RequestAbortedError('no page', { hint: 'h' });
  };

  it('supports then, catch and finally, and types them as a Promise of the first page', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const list = pagePromise(fetcher, 1, undefined);
    const asPromise: Promise<Page<string>> = list;
    expect(Object.prototype.toString.call(asPromise)).toBe('[object PagePromise]');
    let finished = false;
    const page = await list.finally(() => {
      finished = true;
    });
    expect(finished).toBe(true);
    expect(page.data).toEqual(['a', 'b']);
    expect(await list.catch(() => 'unused')).toBe(page);
    expect(calls).toEqual([1]);
    const caught: Page<string> | string = await pagePromise(failing, 1, undefined).catch((e: unknown) =>
      e instanceof RequestAbortedError ? 'caught' : 'other',
    );
    expect(caught).toBe('caught');
    let ran = false;
    await expect(
      pagePromise(failing, 1, undefined).finally(() => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(RequestAbortedError);
    expect(ran).toBe(true);
  });

  it('stays lazy: creating it, or reading its tag, sends nothing', async () => {
    const { fetcher, calls } = pages(LETTERS, 2);
    const list = pagePromise(fetcher, 1, undefined);
    expect(String(list)).toBe('[object PagePromise]');
    await Promise.resolve();
    expect(calls).toEqual([]);
  });

  it('leaves no unhandled rejection when it is only iterated, or awaited and iterated', async () => {
    const reasons: unknown[] = [];
    const listener = (reason: unknown): void => {
      reasons.push(reason);
    };
    process.on('unhandledRejection', listener);
    try {
      const errors: unknown[] = [];
      for (const start of [1, 2]) {
        const list = pagePromise(failing, start, undefined);
        try {
          for await (const _ of list) errors.push('item');
        } catch (error) {
          errors.push(error);
        }
        // Iterating again and awaiting reuse the same failed first page; both are handled here.
        await expect(collect(list)).rejects.toBeInstanceOf(RequestAbortedError);
        await expect(list).rejects.toBeInstanceOf(RequestAbortedError);
      }
      // A later page failing mid-iteration.
      const late: PageFetcher<string> = async (page) => {
        if (page > 1) throw new RequestAbortedError('page 2', { hint: 'h' });
        return { data: ['a'], page, limit: 1 };
      };
      await expect(collect(pagePromise(late, 1, undefined))).rejects.toThrow('page 2');
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(errors).toHaveLength(2);
      expect(errors.every((e) => e instanceof RequestAbortedError)).toBe(true);
      expect(reasons).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
