import type { SandboxHttpResponse } from './router-types.js';

/** Resolves once `signal` aborts (at once when it already has). */
export function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The byte length of a body as sent. */
export function byteLength(body: string): number {
  return new TextEncoder().encode(body).length;
}

/**
 * Half the body, then what the connection does next: `truncate` errors the stream (a dropped
 * connection), `short` ends it early (a clean close), `stall` sends nothing more until the request
 * is aborted.
 */
export function partialStream(
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

/** A WHATWG Response for a complete answer, with its `Content-Length` as a server sends it. */
export function webResponse(answer: SandboxHttpResponse): Response {
  return new Response(answer.body === '' ? null : answer.body, {
    status: answer.status,
    headers: { ...answer.headers, 'content-length': String(byteLength(answer.body)) },
  });
}

/** A WHATWG Response that sends part of the body, then cuts, closes or stalls. */
export function partialResponse(
  answer: SandboxHttpResponse,
  cut: 'truncate' | 'short' | 'stall',
  signal: AbortSignal,
): Response {
  return new Response(partialStream(answer.body, cut, signal), {
    status: answer.status,
    headers: { ...answer.headers, 'content-length': String(byteLength(answer.body)) },
  });
}
