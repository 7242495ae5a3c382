import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SandboxRouter } from './router.js';
import { isFaultInstruction } from './router-types.js';

/** The msw request handlers of a sandbox. */
export type SandboxMswHandlers = HttpHandler[];

function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * Half the body, then what the connection does next: `truncate` errors the stream (a dropped
 * connection), `short` ends it early (a clean close), `stall` sends nothing more until the request
 * is aborted.
 */
function partialStream(
  body: string,
  cut: 'truncate' | 'short' | 'stall',
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(body);
  let sent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
        return;
      }
      if (cut === 'short') return controller.close();
      if (cut === 'stall') await waitForAbort(signal);
      controller.error(new TypeError('terminated: the connection closed before the body was complete'));
    },
  });
}

/**
 * msw handlers that feed every request under `baseUrl` to the sandbox router.
 *
 * Faults map onto what msw can express: resets become `HttpResponse.error()` (a network error), a
 * hang waits until the request's signal aborts, a truncated body is a stream that fails midway.
 */
export function createSandboxHandlers(router: SandboxRouter, baseUrl: string): SandboxMswHandlers {
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
      if (!isFaultInstruction(reply)) {
        return new HttpResponse(reply.body === '' ? null : reply.body, {
          status: reply.status,
          headers: reply.headers,
        });
      }
      switch (reply.fault) {
        case 'reset':
          return HttpResponse.error();
        case 'hang':
          await waitForAbort(request.signal);
          return HttpResponse.error();
        case 'truncate':
        case 'short':
        case 'stall':
          return new HttpResponse(partialStream(reply.body, reply.fault, request.signal), {
            status: reply.status,
            headers: {
              ...reply.headers,
              'content-length': String(new TextEncoder().encode(reply.body).length),
            },
          });
      }
    }),
  ];
}
