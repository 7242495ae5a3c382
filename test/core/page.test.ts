import { describe, expect, it } from 'vitest';
import { RequestAbortedError } from '../../src/core/errors.js';
import { type PageData, type PageFetcher, PagePromise } from '../../src/core/page.js';

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

describe('PagePromise', () => {
  it('fetches nothing until used', async () => {
    const { fetcher, calls } = pages(LETTERS, 2);
    const list = new PagePromise(fetcher, 1, undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([]);
    await list;
    expect(calls).toEqual([1]);
  });

  it('resolves to the first page when awaited, fetching it once however often it is awaited', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const list = new PagePromise(fetcher, 1, undefined);
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
    expect(await collect(new PagePromise(fetcher, 1, undefined))).toEqual(LETTERS);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('stops at totalPages even when that page is full', async () => {
    const { fetcher, calls } = pages(['a', 'b', 'c', 'd'], 2, { announce: true });
    expect(await collect(new PagePromise(fetcher, 1, undefined))).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual([1, 2]);
  });

  it('stops at a short page when the endpoint gives no totalPages', async () => {
    const { fetcher, calls } = pages(LETTERS, 2);
    expect(await collect(new PagePromise(fetcher, 1, undefined))).toEqual(LETTERS);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('stops at an empty page after a full one', async () => {
    const { fetcher, calls } = pages(['a', 'b', 'c', 'd'], 2);
    expect(await collect(new PagePromise(fetcher, 1, undefined))).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('yields nothing for an empty list, in one fetch', async () => {
    const { fetcher, calls } = pages([], 2, { announce: true });
    expect(await collect(new PagePromise(fetcher, 1, undefined))).toEqual([]);
    expect(calls).toEqual([1]);
  });

  it('starts at the page it is given', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    expect(await collect(new PagePromise(fetcher, 2, undefined))).toEqual(['c', 'd', 'e']);
    expect(calls).toEqual([2, 3]);
  });

  it('fetches lazily, one page at a time, as the loop advances', async () => {
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const seen: Array<[string, number[]]> = [];
    for await (const item of new PagePromise(fetcher, 1, undefined)) {
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
    const first = await new PagePromise(fetcher, 1, undefined);
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
    await expect(new PagePromise(failing, 2, undefined)).rejects.toThrow('page 2 failed');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of new PagePromise(failing, 1, undefined)) seen.push(item);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual(['a', 'b']);
  });

  it('rejects with the fetcher’s error when the signal is aborted before use', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetcher } = pages(LETTERS, 2, { signal: controller.signal });
    const list = new PagePromise(fetcher, 1, { signal: controller.signal });
    await expect(collect(list)).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('stops fetching once the signal aborts mid-iteration, and says so instead of ending quietly', async () => {
    const controller = new AbortController();
    const { fetcher, calls } = pages(LETTERS, 2, { announce: true });
    const seen: string[] = [];
    const walking = (async () => {
      for await (const item of new PagePromise(fetcher, 1, { signal: controller.signal })) {
        seen.push(item);
        if (item === 'b') controller.abort();
      }
    })();
    await expect(walking).rejects.toBeInstanceOf(RequestAbortedError);
    expect(seen).toEqual(['a', 'b']);
    expect(calls).toEqual([1]);
  });

  it('finishes normally when the signal aborts after the last page was fetched', async () => {
    const controller = new AbortController();
    const { fetcher } = pages(['a', 'b'], 2, { announce: true });
    const seen: string[] = [];
    for await (const item of new PagePromise(fetcher, 1, { signal: controller.signal })) {
      seen.push(item);
      controller.abort();
    }
    expect(seen).toEqual(['a', 'b']);
  });
});
