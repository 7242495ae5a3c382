import type { HttpHandler } from 'msw';
import type { SandboxRouter } from './router.js';
import { isFaultInstruction } from './router-types.js';
import { partialResponse, waitForAbort, webResponse } from './web-reply.js';

/** The msw request handlers of a sandbox. */
export type SandboxMswHandlers = HttpHandler[];

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
