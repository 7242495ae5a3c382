import type { Dispatcher } from 'undici';
import {
  bodyFailed,
  checkDeclaredLength,
  readCapped,
  SendError,
  type Sender,
  type SendResponse,
  toSendError,
  trusted,
  type UndiciDispatcher,
} from './types.js';
import type { RequestWatch } from './undici-request.node.mjs';

type UndiciRequest = typeof import('./undici-request.node.mjs').request;

let loading: Promise<UndiciRequest> | undefined;
let loaded: UndiciRequest | undefined;

// Loaded on the first request, not on import, so a process that only constructs a client (or
// never calls it) pays nothing for it. The module is undici's request path alone (~12 ms to load
// instead of ~90 ms for the whole package; bench/README.md); the Node build loads its bundled copy.
function loadRequest(): Promise<UndiciRequest> {
  loading ??= import('./undici-request.node.mjs').then((m) => {
    loaded = m.request;
    return m.request;
  });
  return loading;
}

// Raised by the HTTP stack for a bad argument before any byte leaves (undici, Node's http). Only
// this sender, which sees whether anything was written, may call such a failure local.
const LOCAL_CODES: ReadonlySet<string> = new Set(
  'UND_ERR_INVALID_ARG UND_ERR_NOT_SUPPORTED ERR_INVALID_ARG_TYPE ERR_INVALID_ARG_VALUE ERR_INVALID_HTTP_TOKEN ERR_INVALID_CHAR ERR_INVALID_URL ERR_HTTP_INVALID_HEADER_VALUE'.split(
    ' ',
  ),
);

/**
 * The {@link SendError} of a request this sender saw leave no byte: an argument error is `local`,
 * anything else `connect` (an abort stays `sent`, as {@link toSendError} makes it).
 */
export function unwrittenError(error: unknown, signal: { readonly aborted: boolean }): SendError {
  const failure = toSendError(error, signal);
  if (error instanceof SendError || signal.aborted) return failure;
  return new SendError(failure.message, failure.code, LOCAL_CODES.has(failure.code) ? 'local' : 'connect');
}

function headerOf(headers: Record<string, string | string[] | undefined>): SendResponse['header'] {
  return (name) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** A sender over undici's `request` on a keep-alive pool (the caller's dispatcher when given). */
export function createUndiciSender(dispatcher?: UndiciDispatcher): Sender {
  return trusted(async (req) => {
    const watch: RequestWatch = { written: false };
    let res: Awaited<ReturnType<UndiciRequest>>;
    try {
      const request = loaded ?? (await loadRequest());
      res = await request(
        req.url,
        {
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          // An AttemptSignal is enough for undici: it reads only `aborted`, `reason` and the
          // add/removeEventListener pair (lib/core/util.js addAbortListener, lib/api/abort-signal.js).
          signal: req.signal as AbortSignal,
          ...(dispatcher ? { dispatcher: dispatcher as Dispatcher } : {}),
        },
        watch,
      );
    } catch (error) {
      // Nothing was written only when undici's own dispatcher never began writing, or the request
      // never reached a caller's dispatcher (an argument error); otherwise only a failure that
      // names the connect step proves it.
      const unsent = !watch.written && (watch.own === true || watch.dispatched !== true);
      throw (unsent ? unwrittenError : toSendError)(error, req.signal);
    }
    try {
      const header = res.headers['content-length'];
      const length = Array.isArray(header) ? header[0] : header;
      checkDeclaredLength(length, req.maxResponseBytes);
      // With a declared length the parser never reads past it, so the cap already holds and
      // undici's own UTF-8 decode (BOM skipped, like TextDecoder) is the cheapest read: ~8 µs
      // less per request than iterating the stream. Without one (chunked), count as we go.
      const body =
        length !== undefined && length !== '' && Number(length) <= req.maxResponseBytes
          ? await res.body.text()
          : await readCapped(res.body, req.maxResponseBytes);
      // A caller's dispatcher with undici's redirect interceptor records the hops it followed.
      const history = (res.context as { history?: unknown[] } | undefined)?.history;
      return {
        redirected: Array.isArray(history) && history.length > 0,
        status: res.statusCode,
        header: headerOf(res.headers),
        body,
      };
    } catch (error) {
      // Destroying an unfinished body emits undici's RequestAbortedError as 'error'; with no
      // listener left that is an uncaught exception that would crash the caller's process.
      res.body.on('error', () => undefined);
      res.body.destroy();
      return bodyFailed(error, res.statusCode, headerOf(res.headers), req.signal);
    }
  });
}
