import { createServer, Socket as NetSocket, type Server, type Socket } from 'node:net';
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetchSender } from '../../../src/core/http/fetch-sender.js';
import { SendError, type Sender, type SendRequest, type SendResponse } from '../../../src/core/http/types.js';
import { createUndiciSender } from '../../../src/core/http/undici-sender.js';
import { letLoopbackThroughMsw } from '../../helpers/http-server.js';

// A socket that dies at each step of an exchange, per sender: the phase a sender reports must be a
// fact about what reached the server. "connect" (never sent) only when the server received no byte.

/** When the server kills the connection. */
type Death = 'after-request' | { afterStatus: number } | { midBody: number } | { stallBody: number };

interface Raw {
  port: number;
  /** Bytes of request received per connection. */
  received: number[];
  next(death: Death): void;
  close(): Promise<void>;
}

async function rawServer(): Promise<Raw> {
  const received: number[] = [];
  const deaths: Death[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const slot = received.push(0) - 1;
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      received[slot] = (received[slot] ?? 0) + chunk.length;
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (head.length - end - 4 < length) return;
      const death = deaths.shift() ?? 'after-request';
      if (death === 'after-request') {
        socket.destroy();
      } else if ('afterStatus' in death) {
        socket.write(
          `HTTP/1.1 ${death.afterStatus} X\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n`,
          () => socket.destroy(),
        );
      } else if ('stallBody' in death) {
        // Headers and part of the body, then nothing: the client's timeout ends the read.
        socket.write(
          `HTTP/1.1 ${death.stallBody} X\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n{"status":"err`,
        );
      } else {
        socket.write(
          `HTTP/1.1 ${death.midBody} X\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n{"status":"succ`,
          () => socket.destroy(),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    next: (death) => {
      deaths.push(death);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function post(url: string): SendRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    body: '{"amount":5}',
    signal: new AbortController().signal,
    maxResponseBytes: 1024,
  };
}

async function outcome(sender: Sender, url: string): Promise<SendError | SendResponse> {
  try {
    return await sender(post(url));
  } catch (error) {
    expect(error).toBeInstanceOf(SendError);
    return error as SendError;
  }
}

const SENDERS: ReadonlyArray<[string, () => Sender]> = [
  ['undici', () => createUndiciSender()],
  ['undici with a caller dispatcher', () => createUndiciSender(new Agent())],
  ['fetch', () => createFetchSender()],
  ['caller fetch', () => createFetchSender((input, init) => fetch(input, init))],
];

let raw: Raw;

beforeAll(async () => {
  raw = await rawServer();
});

afterAll(async () => {
  await raw.close();
});

describe.each(SENDERS)('socket deaths with the %s sender', (_name, make) => {
  const url = (): string => `http://127.0.0.1:${raw.port}/external/api/cards/c1/topup`;

  it('before connect (nothing listens): connect, never sent', async () => {
    letLoopbackThroughMsw();
    const error = await outcome(make(), `http://127.0.0.1:${await closedPort()}/x`);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).phase).toBe('connect');
  });

  it('after the request was written: sent', async () => {
    letLoopbackThroughMsw();
    raw.next('after-request');
    const before = raw.received.reduce((a, b) => a + b, 0);
    const error = await outcome(make(), url());
    expect((error as SendError).phase).toBe('sent');
    expect(raw.received.reduce((a, b) => a + b, 0)).toBeGreaterThan(before);
  });

  it.each([200, 201, 409])('after a %i status line: may have applied (sent)', async (status) => {
    letLoopbackThroughMsw();
    raw.next({ afterStatus: status });
    const error = await outcome(make(), url());
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).phase).toBe('sent');
  });

  it.each([200, 409])('mid-body after a %i status line: may have applied (sent)', async (status) => {
    letLoopbackThroughMsw();
    raw.next({ midBody: status });
    const error = await outcome(make(), url());
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).phase).toBe('sent');
  });

  it.each([400, 422])(
    'a %i whose body stalls past the timeout: still answered as that status',
    async (status) => {
      letLoopbackThroughMsw();
      raw.next({ stallBody: status });
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 300);
      try {
        const res = await make()({ ...post(url()), signal: controller.signal });
        expect(res.status).toBe(status);
      } finally {
        clearTimeout(timer);
      }
    },
  );

  it.each([400, 429, 503])('after a %i status line: answered as that status', async (status) => {
    letLoopbackThroughMsw();
    raw.next({ midBody: status });
    const res = await outcome(make(), url());
    expect(res).not.toBeInstanceOf(SendError);
    expect((res as SendResponse).status).toBe(status);
  });
});

describe("the SDK's own undici sender knows when nothing was written", () => {
  let previous: Dispatcher;

  afterEach(() => {
    setGlobalDispatcher(previous);
  });

  it('a connection that dies after connect, before undici writes: connect, and the server saw no byte', async () => {
    letLoopbackThroughMsw();
    previous = getGlobalDispatcher();
    const before = raw.received.length;
    // The TCP connection is made, then fails before undici gets to write (an error code that,
    // alone, would not prove anything: ECONNRESET without the connect system call).
    setGlobalDispatcher(
      new Agent({
        connect: (_options, callback) => {
          const socket = new NetSocket();
          socket.connect(raw.port, '127.0.0.1', () => {
            socket.destroy();
            callback(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), null);
          });
        },
      }),
    );
    const error = await outcome(createUndiciSender(), `http://127.0.0.1:${raw.port}/x`);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).phase).toBe('connect');
    expect(raw.received.slice(before).every((n) => n === 0)).toBe(true);
  });

  it('an argument undici refuses before dispatch: local', async () => {
    const error = await outcome(
      (req) => createUndiciSender()({ ...req, headers: { 'bad header': 'x' } }),
      `http://127.0.0.1:${raw.port}/x`,
    );
    expect((error as SendError).phase).toBe('local');
  });
});
