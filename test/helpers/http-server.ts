import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { http, passthrough } from 'msw';
import { server as mswServer } from './msw.js';

/** A complete response; an object body is sent as JSON. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

/**
 * What the server does with one request. Requests take steps from the queue in arrival order;
 * once the queue is empty every request gets a 599 `unscripted` reply (so a stray retry is loud).
 */
export type Step =
  | Reply
  /** Destroys the socket as soon as the request head arrives, before reading the body. */
  | 'reset-before-read'
  /** Reads the whole request body, then destroys the socket without answering. */
  | 'reset-after-read'
  /** Reads the body, sends 200 headers and the first bytes of a JSON body, then sends nothing more. */
  | 'stall'
  /** Reads the body and never answers (not even headers). */
  | 'hang'
  /** Sends a 200 JSON body of `oversized` bytes, with Content-Length unless `chunked`. */
  | { oversized: number; chunked?: boolean }
  /** Declares a Content-Length, sends part of the body, then closes the connection. */
  | 'truncated';

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/cards/abc/topup?x=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The request body; undefined when the step reset the socket before reading it. */
  body: string | undefined;
}

/** A scripted HTTP server on 127.0.0.1 at an ephemeral port. */
export interface ScriptedServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Appends steps to the queue. */
  enqueue(...steps: Step[]): void;
  /** The `Idempotency-Key` header of every request received (undefined where absent). */
  idempotencyKeys(): Array<string | undefined>;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Destroys open sockets and stops listening. */
  close(): Promise<void>;
}

const STALL_BODY = JSON.stringify({ status: 'success', data: { id: 'card_1', balance: 10 } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function perform(
  step: Step | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  record: RecordedRequest,
): Promise<void> {
  if (step === 'reset-before-read') {
    req.socket.destroy();
    return;
  }
  record.body = await readBody(req);
  if (step === undefined) {
    res.writeHead(599, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'error', message: 'unscripted request' }));
  } else if (step === 'reset-after-read') {
    req.socket.destroy();
  } else if (step === 'hang') {
    // Never answers; close() destroys the socket.
  } else if (step === 'stall') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(STALL_BODY.length) });
    res.write(STALL_BODY.slice(0, 12));
  } else if (step === 'truncated') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(STALL_BODY.length) });
    res.write(STALL_BODY.slice(0, 12), () => req.socket.destroy());
  } else if ('oversized' in step) {
    const prefix = '{"status":"success","data":"';
    const suffix = '"}';
    const body = prefix + 'x'.repeat(Math.max(0, step.oversized - prefix.length - suffix.length)) + suffix;
    if (step.chunked) {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < body.length; i += 1024) res.write(body.slice(i, i + 1024));
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
    }
  } else {
    const body =
      step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    res.end(body);
  }
}

/** Starts a scripted server; `steps` seed the queue. */
export async function startScriptedServer(steps: Step[] = []): Promise<ScriptedServer> {
  const queue: Step[] = [...steps];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];

  const httpServer = createServer((req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: undefined,
    };
    requests.push(record);
    for (const waiter of [...waiters]) {
      if (requests.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    perform(queue.shift(), req, res, record).catch(() => req.socket.destroy());
  });
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    enqueue: (...more) => {
      queue.push(...more);
    },
    idempotencyKeys: () =>
      requests.map((r) => {
        const value = r.headers['idempotency-key'];
        return Array.isArray(value) ? value[0] : value;
      }),
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        httpServer.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, read, then released): connecting is refused. */
export async function refusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Lets the global `fetch` reach 127.0.0.1 through msw (which the test setup runs with
 * `onUnhandledRequest: 'error'`). Call it in `beforeEach`: msw handlers reset after every test.
 */
export function letLoopbackThroughMsw(): void {
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
}
