import type { WebhookHandler } from './handler.js';

/** The parts of a `node:http` request the adapter reads (Express's `req`, Fastify's `request.raw`). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  /** HTTP method. */
  method?: string | undefined;
  /** Path and query. */
  url?: string | undefined;
  /** Header values by lower-case name. */
  headers: Record<string, string | string[] | undefined>;
  /** The connection; its `remoteAddress` is the socket peer. */
  socket: {
    /** The peer's address, e.g. `::ffff:203.0.113.9`. */
    remoteAddress?: string | undefined;
  };
}

/** The parts of a `node:http` response the adapter writes (Express's `res`, Fastify's `reply.raw`). */
export interface NodeResponseLike {
  /** Sets the status code. */
  statusCode: number;
  /** Sets one header. */
  setHeader(name: string, value: string): unknown;
  /** Sends the body and ends the response. */
  end(body?: string): unknown;
}

function bodyOf(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
    },
    // Stop reading; Node drains or closes the connection once the answer is sent.
    cancel: async () => {
      await chunks.return?.();
    },
  });
}

/**
 * Adapts a fetch-style handler to `node:http`'s `(req, res)`, Express and Fastify's raw request:
 * the socket peer becomes `context.remoteAddress`, and the body is streamed, so a body over the
 * limit stops being read. Mount it before any body parser (`express.json()` would have consumed
 * the body, and the exact bytes are what de-duplication hashes).
 */
export function toNodeListener(
  handler: WebhookHandler,
): (req: NodeRequestLike, res: NodeResponseLike) => void {
  return (req, res) => {
    void (async () => {
      let response: Response;
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
        }
        const method = (req.method ?? 'GET').toUpperCase();
        const hasBody = method !== 'GET' && method !== 'HEAD';
        const init: RequestInit & { duplex?: 'half' } = { method, headers };
        if (hasBody) {
          init.body = bodyOf(req);
          init.duplex = 'half';
        }
        const request = new Request(new URL(req.url ?? '/', 'http://localhost'), init);
        response = await handler(request, { remoteAddress: req.socket.remoteAddress });
      } catch {
        response = new Response('{"status":"error"}', { status: 500 });
      }
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        res.setHeader(name, value);
      });
      res.end(await response.text());
    })();
  };
}
