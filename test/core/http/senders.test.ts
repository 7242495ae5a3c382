import fc from 'fast-check';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchSender } from '../../../src/core/http/fetch-sender.js';
import {
  checkDeclaredLength,
  readCapped,
  SendError,
  type SendRequest,
  toSendError,
} from '../../../src/core/http/types.js';
import { createUndiciSender, unwrittenError } from '../../../src/core/http/undici-sender.js';
import {
  letLoopbackThroughMsw,
  type ScriptedServer,
  startScriptedServer,
} from '../../helpers/http-server.js';

function request(overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    method: 'GET',
    url: 'https://api.example.test/cards/1',
    headers: { accept: 'application/json' },
    body: undefined,
    signal: new AbortController().signal,
    maxResponseBytes: 1024,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<SendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SendError);
    return error as SendError;
  }
  throw new Error('expected a SendError');
}

const live = new AbortController().signal;

describe('toSendError', () => {
  const coded = (code: string, message = 'boom', syscall?: string): Error =>
    Object.assign(new Error(message), { code, ...(syscall === undefined ? {} : { syscall }) });

  it.each([
    ['ECONNREFUSED', 'connect'],
    ['EHOSTUNREACH', 'connect'],
    ['ENETUNREACH', 'connect'],
    ['ETIMEDOUT', 'connect'],
    ['ENOTFOUND', 'getaddrinfo'],
    ['EAI_AGAIN', 'getaddrinfo'],
  ])('classifies %s from the %s system call as connect (never sent)', (code, syscall) => {
    const error = toSendError(coded(code, 'x', syscall), live);
    expect([error.code, error.phase]).toEqual([code, 'connect']);
  });

  it("classifies undici's connect timeout as connect", () => {
    expect(toSendError(coded('UND_ERR_CONNECT_TIMEOUT'), live).phase).toBe('connect');
  });

  it('never takes an error code alone as proof that nothing was sent (property)', () => {
    const code = fc.oneof(
      fc.constantFrom(
        'ECONNREFUSED',
        'ENOTFOUND',
        'EAI_AGAIN',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'CERT_HAS_EXPIRED',
        'ERR_TLS_CERT_ALTNAME_INVALID',
        'EPROTO',
        'ECONNRESET',
        'EPIPE',
        'UND_ERR_SOCKET',
        'UND_ERR_INVALID_ARG',
        'ERR_INVALID_ARG_VALUE',
      ),
      fc.stringMatching(/^[A-Z][A-Z0-9_]{1,20}$/),
    );
    // Any syscall but the connect step's: read, write, or none at all.
    const syscall = fc.constantFrom(undefined, 'read', 'write', 'writev', 'shutdown');
    fc.assert(
      fc.property(code, syscall, fc.boolean(), (c, call, wrapped) => {
        const inner = coded(c, 'boom', call);
        const error = wrapped ? new TypeError('fetch failed', { cause: inner }) : inner;
        expect(toSendError(error, live).phase).toBe('sent');
      }),
    );
  });

  it("trusts the SDK's own sender when it saw no byte written: argument errors local, others connect", () => {
    expect(unwrittenError(coded('UND_ERR_INVALID_ARG'), live).phase).toBe('local');
    expect(unwrittenError(coded('ECONNRESET'), live).phase).toBe('connect');
    expect(toSendError(coded('UND_ERR_INVALID_ARG'), live).phase).toBe('sent');
  });

  it('finds the connect step in the cause chain (fetch wraps it in "fetch failed")', () => {
    const wrapped = new TypeError('fetch failed', { cause: coded('ECONNREFUSED', 'x', 'connect') });
    expect(toSendError(wrapped, live)).toMatchObject({ code: 'ECONNREFUSED', phase: 'connect' });
  });

  it('treats an unknown failure as NETWORK_ERROR that may have been sent', () => {
    for (const error of [new TypeError('fetch failed'), 'string', null, undefined, 42]) {
      expect(toSendError(error, live)).toMatchObject({ code: 'NETWORK_ERROR', phase: 'sent' });
    }
  });

  it('calls anything under an aborted signal ABORTED', () => {
    const error = toSendError(coded('ECONNREFUSED', 'x', 'connect'), AbortSignal.abort());
    expect(error).toMatchObject({ code: 'ABORTED', phase: 'sent' });
  });

  it('keeps a SendError as it is', () => {
    const original = new SendError('x', 'TOO_LARGE', 'sent');
    expect(toSendError(original, AbortSignal.abort())).toBe(original);
  });

  it('never copies the original message, which may hold a URL, header or body', () => {
    const error = toSendError(coded('ECONNRESET', 'socket hang up Bearer tok_secret 4111111111111111'), live);
    expect(error.message).toBe('The connection failed (ECONNRESET).');
    expect(error.cause).toBeUndefined();
  });
});

describe('checkDeclaredLength and readCapped', () => {
  it('fails fast on a declared length over the cap, and lets others through', () => {
    expect(() => checkDeclaredLength('1025', 1024)).toThrow(SendError);
    expect(() => checkDeclaredLength('1024', 1024)).not.toThrow();
    expect(() => checkDeclaredLength(null, 1024)).not.toThrow();
    expect(() => checkDeclaredLength(undefined, 1024)).not.toThrow();
  });

  async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
    yield* parts;
  }

  it('joins chunks, decoding a UTF-8 character split across them', async () => {
    const bytes = new TextEncoder().encode('{"currency":"€"}');
    const split = bytes.indexOf(0xe2) + 1;
    await expect(readCapped(chunks(bytes.slice(0, split), bytes.slice(split)), 1024)).resolves.toBe(
      '{"currency":"€"}',
    );
    await expect(readCapped(chunks(), 1024)).resolves.toBe('');
  });

  it('stops with TOO_LARGE once the bytes pass the cap', async () => {
    const error = await rejection(readCapped(chunks(new Uint8Array(600), new Uint8Array(600)), 1024));
    expect([error.code, error.phase]).toEqual(['TOO_LARGE', 'sent']);
  });
});

describe('createFetchSender with a caller fetch', () => {
  it('passes method, headers, body, signal and redirect: manual, and reads the response', async () => {
    const seen: Array<[string, RequestInit]> = [];
    const sender = createFetchSender(async (input, init) => {
      seen.push([input, init]);
      return new Response('{"ok":true}', { status: 201, headers: { 'x-request-id': 'rq' } });
    });
    const req = request({ method: 'POST', body: '{"a":1}' });
    const res = await sender(req);
    expect(res.status).toBe(201);
    expect(res.body).toBe('{"ok":true}');
    expect(res.header('X-Request-Id')).toBe('rq');
    expect(res.header('missing')).toBeUndefined();
    expect(seen).toEqual([
      [
        req.url,
        { method: 'POST', headers: req.headers, body: '{"a":1}', signal: req.signal, redirect: 'manual' },
      ],
    ]);
  });

  it('sends no body key for a GET', async () => {
    let init: RequestInit | undefined;
    await createFetchSender(async (_input, given) => {
      init = given;
      return new Response(null, { status: 204 });
    })(request());
    expect(init && 'body' in init).toBe(false);
  });

  it('reads a null body as empty', async () => {
    const res = await createFetchSender(async () => new Response(null, { status: 204 }))(request());
    expect(res.body).toBe('');
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    const declared = createFetchSender(
      async () => new Response('x'.repeat(10), { headers: { 'content-length': '5000' } }),
    );
    expect((await rejection(declared(request()))).code).toBe('TOO_LARGE');
    const streamed = createFetchSender(async () => new Response('x'.repeat(5000)));
    expect((await rejection(streamed(request()))).code).toBe('TOO_LARGE');
  });

  it('maps a thrown error to a sanitised SendError', async () => {
    const sender = createFetchSender(async () => {
      const cause = Object.assign(new Error('x'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
      throw new TypeError('fetch failed', { cause });
    });
    const error = await rejection(sender(request()));
    expect([error.code, error.phase]).toEqual(['ENOTFOUND', 'connect']);
  });

  it('calls whatever else a fetch throws or returns "may have reached" (property)', async () => {
    const thrown = fc.oneof(
      fc.anything(),
      fc
        .constantFrom('UND_ERR_INVALID_ARG', 'ECONNREFUSED', 'EHOSTUNREACH')
        .map((code) => Object.assign(new TypeError('Invalid header value'), { code })),
    );
    await fc.assert(
      fc.asyncProperty(thrown, fc.boolean(), async (value, returns) => {
        const sender = createFetchSender(async () => {
          if (returns) return value as Response;
          throw value;
        });
        const error = await rejection(sender(request()));
        expect(error.phase).toBe('sent');
      }),
      { numRuns: 200 },
    );
  });

  it.each([200, 201, 409])('a body that fails after a %i status line may have applied', async (status) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":"suc'));
        controller.error(
          new TypeError('terminated', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) }),
        );
      },
    });
    const error = await rejection(createFetchSender(async () => new Response(body, { status }))(request()));
    expect(error.phase).toBe('sent');
  });

  it.each([400, 404, 429, 503])(
    'a body that fails after a %i status line is answered as that status',
    async (status) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.error(new TypeError('terminated'));
        },
      });
      const res = await createFetchSender(async () => new Response(body, { status }))(request());
      expect([res.status, res.body]).toEqual([status, '']);
    },
  );
});

describe('createUndiciSender with a dispatcher', () => {
  let agent: MockAgent;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });

  afterEach(async () => {
    await agent.close();
  });

  it('sends through the caller’s dispatcher', async () => {
    agent
      .get('https://api.example.test')
      .intercept({ path: '/cards/1', method: 'POST', body: '{"a":1}' })
      .reply(200, '{"ok":true}', { headers: { 'x-request-id': ['rq-1', 'rq-2'] } });
    const res = await createUndiciSender(agent)(request({ method: 'POST', body: '{"a":1}' }));
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"ok":true}');
    expect(res.header('X-REQUEST-ID')).toBe('rq-1');
  });

  it('classifies a refused connection from the dispatcher by its connect system call', async () => {
    agent
      .get('https://api.example.test')
      .intercept({ path: '/cards/1' })
      .replyWithError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' }),
      );
    const error = await rejection(createUndiciSender(agent)(request()));
    expect([error.code, error.phase]).toEqual(['ECONNREFUSED', 'connect']);
  });

  it("does not take a caller's dispatcher's error code alone as proof", async () => {
    agent
      .get('https://api.example.test')
      .intercept({ path: '/cards/1', method: 'POST' })
      .replyWithError(
        Object.assign(new Error('read EHOSTUNREACH'), { code: 'EHOSTUNREACH', syscall: 'read' }),
      );
    const error = await rejection(createUndiciSender(agent)(request({ method: 'POST', body: '{}' })));
    expect([error.code, error.phase]).toEqual(['EHOSTUNREACH', 'sent']);
  });
});

describe('oversized bodies over a real socket', () => {
  let srv: ScriptedServer;

  beforeEach(async () => {
    letLoopbackThroughMsw();
    srv = await startScriptedServer();
  });

  afterEach(async () => {
    await srv.close();
  });

  it.each([
    ['undici', createUndiciSender],
    ['fetch', createFetchSender],
  ])(
    '%s: TOO_LARGE, and no stray error event afterwards (it would crash the process)',
    async (_name, make) => {
      srv.enqueue({ oversized: 4096 }, { oversized: 4096, chunked: true });
      const sender = make();
      for (let i = 0; i < 2; i++) {
        const error = await rejection(sender(request({ url: `${srv.origin}/big` })));
        expect(error.code).toBe('TOO_LARGE');
      }
      // undici emits the body's 'error' on a later tick; give it the chance to surface as uncaught.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  );
});

describe('redirects over a real socket', () => {
  let srv: ScriptedServer;

  beforeEach(async () => {
    letLoopbackThroughMsw();
    srv = await startScriptedServer();
  });

  afterEach(async () => {
    await srv.close();
  });

  it.each([
    ['undici', createUndiciSender],
    ['fetch', createFetchSender],
  ])('%s: a 302 comes back as is and is never followed (the token stays put)', async (_name, make) => {
    srv.enqueue({ status: 302, headers: { location: `${srv.origin}/elsewhere` }, body: '' });
    const res = await make()(
      request({ url: `${srv.origin}/cards/1`, headers: { authorization: 'Bearer t' } }),
    );
    expect(res.status).toBe(302);
    expect(res.header('location')).toBe(`${srv.origin}/elsewhere`);
    expect(srv.requests.map((r) => r.url)).toEqual(['/cards/1']);
  });
});
