import { toAbortSignal } from './attempt-signal.js';
import {
  bodyFailed,
  checkDeclaredLength,
  reachedError,
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

/** A `Response` as far as the sender reads one; anything else a custom fetch returned is not. */
function isResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const res = value as Partial<Response>;
  return typeof res.status === 'number' && typeof res.headers?.get === 'function';
}

/** A sender over the WHATWG `fetch` (the global one unless the caller passes their own). */
export function createFetchSender(fetchImpl?: FetchLike): Sender {
  const send = async (req: Parameters<Sender>[0]): Promise<SendResponse> => {
    const doFetch: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
    let res: unknown;
    try {
      res = await doFetch(req.url, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: toAbortSignal(req.signal),
        // Never follow a redirect (the token must not travel on), but do not use 'error': workerd
        // rejects it. A 3xx comes back as a response and the transport reports it as an API error,
        // as on the undici path.
        redirect: 'manual',
      });
    } catch (error) {
      // A fetch cannot show whether it wrote anything: only a failure that names the connect
      // step proves the request never left (toSendError), whatever else it threw.
      throw toSendError(error, req.signal);
    }
    let status = 0;
    let header: SendResponse['header'] = () => undefined;
    try {
      // Once fetch was called, even a value that is not a Response may follow an applied call.
      if (!isResponse(res)) {
        throw new SendError('fetch returned no Response.', 'NOT_A_RESPONSE', 'sent');
      }
      status = res.status;
      const headers = res.headers;
      header = (name) => headers.get(name) ?? undefined;
      checkDeclaredLength(headers.get('content-length'), req.maxResponseBytes);
      const body = res.body ? await readCapped(chunksOf(res.body), req.maxResponseBytes) : '';
      return {
        status,
        header,
        body,
        // A custom fetch may follow redirects whatever `redirect` says; the transport checks these.
        url: res.url,
        redirected: res.redirected,
      };
    } catch (error) {
      if (status === 0) throw reachedError(error, req.signal);
      return bodyFailed(error, status, header, req.signal);
    }
  };
  // A caller's fetch may ignore the signal; the global one does not.
  return fetchImpl ? send : trusted(send);
}
