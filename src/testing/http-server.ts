import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SandboxRouter } from './router.js';
import {
  CONTROL_PREFIX,
  isFaultInstruction,
  type SandboxControlHandler,
  type SandboxHttpResponse,
} from './router-types.js';
import { SANDBOX_API_PREFIX } from './types.js';

/** A running sandbox HTTP server. */
export interface SandboxServer {
  /** API base to give a client, e.g. `http://127.0.0.1:54321/external/api`. */
  readonly url: string;
  /** Base of the control routes, e.g. `http://127.0.0.1:54321/__sandbox`. */
  readonly controlUrl: string;
  /** The TCP port listened on. */
  readonly port: number;
  /** Stops listening and destroys every open connection, including hanging ones. */
  close(): Promise<void>;
}

/** Where to listen. */
export interface SandboxListenOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

const MAX_BODY_BYTES = 1_048_576;

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers))
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, answer: SandboxHttpResponse): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
  });
  res.end(answer.body);
}

/**
 * Serves the router over node:http on 127.0.0.1 under {@link SANDBOX_API_PREFIX}, carrying out fault
 * instructions on the socket, and the control routes under `/__sandbox/`.
 */
export function listenSandbox(
  router: SandboxRouter,
  control: SandboxControlHandler,
  options: SandboxListenOptions = {},
): Promise<SandboxServer> {
  const sockets = new Set<Socket>();

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) controller.abort();
    });
    let bodyText: string | undefined;
    try {
      bodyText = await readBody(req);
    } catch {
      return; // The client went away while sending the body.
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const inApi = url.pathname === SANDBOX_API_PREFIX || url.pathname.startsWith(`${SANDBOX_API_PREFIX}/`);
    const inControl = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
    if (!inApi && !inControl) return send(res, router.refuse('ROUTE_NOT_FOUND', 404));
    if (bodyText === undefined) return send(res, router.refuse('BODY_TOO_LARGE', 413));
    if (inControl) {
      return send(
        res,
        control({
          method: req.method ?? 'GET',
          path: url.pathname.slice(CONTROL_PREFIX.length) || '/',
          query: url.searchParams,
          headers: flatHeaders(req),
          bodyText,
        }),
      );
    }
    const reply = await router.handle({
      method: req.method ?? 'GET',
      path: url.pathname.slice(SANDBOX_API_PREFIX.length) || '/',
      query: url.searchParams,
      headers: flatHeaders(req),
      bodyText,
      signal: controller.signal,
    });
    if (!isFaultInstruction(reply)) return send(res, reply);
    switch (reply.fault) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        // Nothing is written; close() destroys the socket if the client never gives up.
        return;
      case 'truncate':
      case 'short':
      case 'stall': {
        const full = Buffer.from(reply.body);
        const cut = reply.fault;
        res.writeHead(reply.status, { ...reply.headers, 'content-length': String(full.length) });
        res.write(full.subarray(0, Math.floor(full.length / 2)), () => {
          // A reset, a clean close, or nothing more: close() destroys a stalled socket if need be.
          if (cut === 'truncate') req.socket.destroy();
          else if (cut === 'short') req.socket.end();
        });
        return;
      }
    }
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://127.0.0.1:${port}${SANDBOX_API_PREFIX}`,
        controlUrl: `http://127.0.0.1:${port}${CONTROL_PREFIX}`,
        port,
        close: () => {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
