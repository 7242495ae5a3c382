/** A `fetch` as the SDK's `fetch` option takes it. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The raw body of the last response, kept for the drift check (never printed). */
export interface LastResponse {
  status: number;
  text: string;
}

/** A GET-only fetch and the last response it saw. */
export interface GetOnlyFetch {
  /** Pass as the client's `fetch`: it refuses any method but GET before anything is sent. */
  fetch: FetchLike;
  /** The last response since the last {@link GetOnlyFetch.clear}, or undefined. */
  last(): LastResponse | undefined;
  /** Forgets the last response, so the next probe never reads the previous one's body. */
  clear(): void;
}

/** Thrown by {@link getOnly} for a request that is not a GET; nothing was sent. */
export class NotAGetError extends Error {
  /** The refused method. */
  readonly method: string;

  /** Names the refused method. */
  constructor(method: string) {
    super(`bfinance-cards doctor sends GET requests only; a ${method} request was refused before sending.`);
    this.name = 'NotAGetError';
    this.method = method;
  }
}

/**
 * Wraps a fetch so that it can only send GET requests: the doctor's guarantee that it never
 * writes, by construction rather than by care.
 *
 * @throws {NotAGetError} (from the returned fetch) for any other method.
 */
export function getOnly(inner: FetchLike): GetOnlyFetch {
  let last: LastResponse | undefined;
  const fetch: FetchLike = async (input, init) => {
    const method = String(init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' || init?.body !== undefined) throw new NotAGetError(method);
    const res = await inner(input, { ...init, method: 'GET' });
    const text = await res.clone().text();
    last = { status: res.status, text };
    return res;
  };
  return {
    fetch,
    last: () => last,
    clear: () => {
      last = undefined;
    },
  };
}
