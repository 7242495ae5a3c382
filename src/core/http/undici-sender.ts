import type { Dispatcher } from 'undici';
import { checkDeclaredLength, readCapped, SendError, type Sender, toSendError } from './types.js';

type UndiciRequest = typeof import('undici').request;

let loading: Promise<UndiciRequest> | undefined;

// Loaded on the first request, not on import: undici costs ~140 ms to load and a process that
// only constructs a client (or never calls it) should not pay for it.
function loadRequest(): Promise<UndiciRequest> {
  loading ??= import('undici').then((m) => m.request);
  return loading;
}

/** A sender over undici's `request` on a keep-alive pool (the caller's dispatcher when given). */
export function createUndiciSender(dispatcher?: Dispatcher): Sender {
  return async (req) => {
    try {
      const request = await loadRequest();
      const res = await request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body ?? null,
        signal: req.signal,
        ...(dispatcher ? { dispatcher } : {}),
      });
      try {
        const length = res.headers['content-length'];
        checkDeclaredLength(Array.isArray(length) ? length[0] : length, req.maxResponseBytes);
        const body = await readCapped(res.body, req.maxResponseBytes);
        return {
          status: res.statusCode,
          header: (name) => {
            const value = res.headers[name.toLowerCase()];
            return Array.isArray(value) ? value[0] : value;
          },
          body,
        };
      } catch (error) {
        // Destroying an unfinished body emits undici's RequestAbortedError as 'error'; with no
        // listener left that is an uncaught exception that would crash the caller's process.
        res.body.on('error', () => undefined);
        res.body.destroy();
        throw error;
      }
    } catch (error) {
      if (error instanceof SendError) throw error;
      throw toSendError(error, req.signal);
    }
  };
}
