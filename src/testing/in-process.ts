import type { SandboxRouter } from './router.js';
import { CONTROL_PREFIX, isFaultInstruction, type SandboxControlHandler } from './router-types.js';
import type { SandboxFetch } from './sandbox-api.js';
import { partialResponse, waitForAbort, webResponse } from './web-reply.js';

/** What a real `fetch` rejects with when the connection drops: a TypeError with a coded cause. */
function connectionReset(): TypeError {
  const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  return new TypeError('fetch failed', { cause });
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * A `fetch` over the router with no socket: requests under `baseUrl` go to the API, requests to
 * `/__sandbox/…` on its origin to the control routes, anything else is refused (a TypeError, as a
 * fetch to an unreachable host), so nothing leaves the process. Faults behave as on the wire: a
 * reset rejects, a hang waits for the signal, a cut body errors the stream midway.
 */
export function createInProcessFetch(
  router: SandboxRouter,
  control: SandboxControlHandler,
  baseUrl: string,
): SandboxFetch {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  return async (input, init) => {
    const request = new Request(input, init);
    // The caller's own signal: a Request's derived signal stops following it once the Request is
    // garbage-collected, which would leave a stalled body waiting forever.
    const signal = init?.signal ?? (input instanceof Request ? input.signal : new AbortController().signal);
    if (signal.aborted) throw abortReason(signal);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const inApi =
      url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
    const inControl =
      url.origin === base.origin &&
      (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`));
    const bodyText = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const sandboxRequest = {
      method,
      query: url.searchParams,
      headers: headersOf(request.headers),
      bodyText,
      signal,
    };
    if (inApi) {
      const reply = await router.handle({
        ...sandboxRequest,
        path: url.pathname.slice(basePath.length) || '/',
      });
      if (signal.aborted) throw abortReason(signal);
      if (!isFaultInstruction(reply)) return webResponse(reply);
      switch (reply.fault) {
        case 'reset':
          throw connectionReset();
        case 'hang':
          await waitForAbort(signal);
          throw abortReason(signal);
        default:
          return partialResponse(reply, reply.fault, signal);
      }
    }
    if (inControl) {
      return webResponse(
        control({ ...sandboxRequest, path: url.pathname.slice(CONTROL_PREFIX.length) || '/' }),
      );
    }
    throw new TypeError(
      `sandbox.fetch only answers ${baseUrl} (and ${base.origin}${CONTROL_PREFIX}/); it never sends a request elsewhere`,
    );
  };
}
