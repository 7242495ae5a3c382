import { HttpResponse, http } from 'msw';
import { expect } from 'vitest';
import { CardsClient, type CardsClientOptions } from '../../src/client.js';
import { OutcomeUnknownError, ResponseValidationError } from '../../src/core/errors.js';
import { server } from './msw.js';

/** The API base the default client talks to; msw intercepts it. */
export const BASE = 'https://business.bfinance.app/external/api';

/** One request as it reached the wire. */
export interface WireRequest {
  method: string;
  /** Path after the API base, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** A test client with no retries and a fixed token. */
export function testClient(options: CardsClientOptions = {}): CardsClient {
  return new CardsClient({ apiToken: 'test-token', maxRetries: 0, ...options });
}

/**
 * Answers every request to `method path` with `reply` (a JSON body, or a full response) and
 * records what arrived. `path` is relative to {@link BASE} and may use msw's `:param` syntax.
 */
export function onRequest(
  method: 'get' | 'post' | 'delete',
  path: string,
  reply: unknown,
  status = 200,
): WireRequest[] {
  const seen: WireRequest[] = [];
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      const wire: WireRequest = {
        method: request.method,
        path: url.pathname.slice(new URL(BASE).pathname.length),
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body: text === '' ? undefined : JSON.parse(text),
      };
      seen.push(wire);
      const answer = await (typeof reply === 'function'
        ? (reply as (r: WireRequest) => unknown)(wire)
        : reply);
      return answer instanceof Response ? answer : HttpResponse.json(answer as never, { status });
    }),
  );
  return seen;
}

/** Fails the test on any request at all, for checks that must reject before sending. */
export function forbidRequests(): WireRequest[] {
  const seen: WireRequest[] = [];
  server.use(
    http.all(`${BASE}/*`, ({ request }) => {
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        query: {},
        headers: {},
        body: undefined,
      });
      return HttpResponse.json({ status: 'error', message: 'unexpected request' }, { status: 599 });
    }),
  );
  return seen;
}

/** Matches a version-4 UUID, the shape of generated idempotency keys. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A success envelope around `data`. */
export const success = (data: unknown): unknown => ({ status: 'success', data });

/** What a promise rejected with; fails the test when it resolves. */
export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  return Promise.resolve(promise).then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** The validation error of a create call bfinance confirmed (`applied: true`). */
export function validationCause(error: unknown): ResponseValidationError {
  // bfinance answered success, so the call was applied: never an unknown outcome, never a retry.
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect(error).not.toBeInstanceOf(OutcomeUnknownError);
  expect((error as ResponseValidationError).applied).toBe(true);
  return error as ResponseValidationError;
}
