import { toAbortSignal } from './attempt-signal.js';
import {
  checkDeclaredLength,
  readCapped,
  SendError,
  type Sender,
  type SendResponse,
  toSendError,
  trusted,
} from './types.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** A sender over the WHATWG `fetch` (the global one unless the caller passes their own). */
export function createFetchSender(fetchImpl?: FetchLike): Sender {
  const send = async (req: Parameters<Sender>[0]): Promise<SendResponse> => {
    const doFetch: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
    try {
      const res = await doFetch(req.url, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: toAbortSignal(req.signal),
        // Never follow a redirect (the token must not travel on), but do not use 'error': workerd
        // rejects it. A 3xx comes back as a response and the transport reports it as an API error,
        // as on the undici path.
        redirect: 'manual',
      });
      checkDeclaredLength(res.headers.get('content-length'), req.maxResponseBytes);
      const body = res.body ? await readCapped(chunksOf(res.body), req.maxResponseBytes) : '';
      return {
        status: res.status,
        header: (name) => res.headers.get(name) ?? undefined,
        body,
        // A custom fetch may follow redirects whatever `redirect` says; the transport checks these.
        url: res.url,
        redirected: res.redirected,
      };
    } catch (error) {
      if (error instanceof SendError) throw error;
      throw toSendError(error, req.signal);
    }
  };
  // A caller's fetch may ignore the signal; the global one does not.
  return fetchImpl ? send : trusted(send);
}
