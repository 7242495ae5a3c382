import type { SandboxRouter } from './router.js';
import { isFaultInstruction } from './router-types.js';
import { partialResponse, waitForAbort, webResponse } from './web-reply.js';

/**
 * One msw request handler (an msw `HttpHandler` at run time), for `setupServer(...)` or
 * `server.use(...)`. Typed without msw, so the testing entry's declarations compile where msw is
 * not installed: msw's handler classes have private members, which no structural type can match,
 * so only `any` stays assignable to them. Annotate it (`const handlers: HttpHandler[] = …`) for
 * msw's own type.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above: setupServer must accept it, and msw may be absent.
export type SandboxMswHandler = any;

/** The msw request handlers of a sandbox. */
export type SandboxMswHandlers = SandboxMswHandler[];

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * msw handlers that feed every request under `baseUrl` to the sandbox router. msw is imported here,
 * on first use, so the rest of `bfinance-cards/testing` works without it installed.
 *
 * Faults map onto what msw can express: resets become `HttpResponse.error()` (a network error), a
 * hang waits until the request's signal aborts, a truncated body is a stream that fails midway.
 * The control routes (`/__sandbox/…`) are never served here.
 */
export async function createSandboxHandlers(
  router: SandboxRouter,
  baseUrl: string,
): Promise<SandboxMswHandlers> {
  const { http, HttpResponse } = await import('msw');
  const base = baseUrl.replace(/\/+$/, '');
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const bodyText = method === 'GET' || method === 'HEAD' ? '' : await request.text();
      const reply = await router.handle({
        method,
        path: url.pathname.slice(basePath.length) || '/',
        query: url.searchParams,
        headers: headersOf(request.headers),
        bodyText,
        signal: request.signal,
      });
      if (!isFaultInstruction(reply)) return webResponse(reply);
      switch (reply.fault) {
        case 'reset':
          return HttpResponse.error();
        case 'hang':
          await waitForAbort(request.signal);
          return HttpResponse.error();
        case 'truncate':
        case 'short':
        case 'stall':
          return partialResponse(reply, reply.fault, request.signal);
      }
    }),
  ];
}
